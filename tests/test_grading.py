"""Real `nbgrader autograde` on the catalog: every mutant loses exactly the cells it names,
every alternative-correct implementation and the reference get full marks, and the
untouched release gets nothing."""
import functools
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from nbgrader.utils import is_grade, is_solution

from coursekit import ROOT, assignments, notebook_name
from coursekit.cli.classgrade import grade_assignment
from coursekit.cli.gradebook import read_grades
from coursekit.cli.nbgrader import nbgrader_env, run_nbgrader
from coursekit.cli.report import class_report
from coursekit.grader.derivations import is_derivation
from support.catalog import catalog, is_answer_check, reference_submission, untouched_release, submission_for
from support.scratch import grade_class, new_class, write_submission

# How large each assignment's catalog must be (from its issue).
MINIMUM = {
    "01_binary_cross_entropy": (10, 5),
    "02_cross_entropy": (10, 4),
    "03_mean_squared_error": (6, 3),
    "04_hinge_loss": (8, 3),
    "05_quantile_loss": (6, 3),
    "06_robust_regression": (12, 5),
    "07_beyond_one_hot": (12, 5),
    "08_training": (12, 5),
}
CHUNKS = 1  # each assignment's class is graded in this many course dirs, spread over xdist workers


def _students(assignment):
    """student id -> (expected failed grade ids or None for 'all', notebook builder)."""
    students = {"reference": (frozenset(), lambda: reference_submission(assignment)),
                "untouched-release": (None, lambda: untouched_release(assignment))}
    for entry in catalog(assignment):
        students[entry.student_id] = (entry.fails, functools.partial(submission_for, assignment, entry))
    return students


def _chunk_of(assignment, student):
    return sorted(_students(assignment)).index(student) % CHUNKS


COURSES = {}  # (assignment, chunk) -> the scratch course it was graded in


@functools.lru_cache(maxsize=None)
def _graded(assignment, chunk):
    students = {s: build() for s, (_, build) in _students(assignment).items()
                if _chunk_of(assignment, s) == chunk}
    tmp = tempfile.mkdtemp(prefix=f"lfs-grade-{assignment}-")
    grades, _ = grade_class(assignment, students, tmp)
    COURSES[assignment, chunk] = Path(tmp)
    return grades


CASES = [pytest.param(a, s, marks=pytest.mark.xdist_group(f"grade-{a}-{_chunk_of(a, s)}"), id=f"{a}-{s}")
         for a in assignments() for s in sorted(_students(a))]


@pytest.mark.parametrize("assignment,student", CASES)
def test_catalog_entry_gets_exactly_its_expected_grade(assignment, student):
    """Does nbgrader fail exactly the cells this submission should fail, and no other?"""
    expected, _ = _students(assignment)[student]
    graded = _graded(assignment, _chunk_of(assignment, student))[student]
    if expected is None:  # the untouched release: nothing passes
        assert graded.total == 0, f"the untouched release scored {graded.total}: a test passes without an implementation"
        return
    assert graded.failed == expected, (
        f"{student}: expected to fail {sorted(expected)}, nbgrader failed {sorted(graded.failed)} "
        f"({graded.total}/{graded.max_total} points)")
    if expected:
        assert graded.total < graded.max_total
    else:
        assert graded.total == graded.max_total


@pytest.mark.parametrize("assignment", [pytest.param(a, marks=pytest.mark.xdist_group(f"grade-{a}-0"))
                                        for a in assignments()])
def test_derivation_scores_entered_by_hand_make_the_export_totals(assignment):
    """After autograde, the derivations a student filled in wait for a person; do the scores a grader
    enters (through nbgrader's API, as formgrader does) make the totals of `nbgrader export`?"""
    import csv

    from nbgrader.api import Gradebook

    from coursekit.cli.gradebook import course_directory

    grades = _graded(assignment, 0)
    course = COURSES[assignment, 0]
    derivations = {c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"]["points"]
                   for c in reference_submission(assignment).cells if is_derivation(c)}
    assert grades["reference"].pending == derivations and grades["untouched-release"].pending == {}
    given = {}
    coursedir = course_directory(course)
    with Gradebook(coursedir.db_url, course_id=coursedir.course_id) as gb:
        for k, student in enumerate(sorted(s for s, g in grades.items() if g.pending)):
            given[student] = 0
            for cell, points in grades[student].pending.items():
                grade = gb.find_grade(cell, notebook_name(assignment), assignment, student)
                grade.manual_score, grade.needs_manual_grade = points * (k % 3) / 2, False
                given[student] += points * (k % 3) / 2
        gb.db.commit()
    out = course / "grades.csv"
    run_nbgrader(course, "export", "--to", str(out))
    rows = {r["student_id"]: r for r in csv.DictReader(open(out))}
    for student, graded in grades.items():
        assert float(rows[student]["score"]) == pytest.approx(graded.total + given.get(student, 0)), student
        assert float(rows[student]["max_score"]) == pytest.approx(graded.max_total + sum(graded.pending.values())), student
    assert all(not g.pending for g in read_grades(course, assignment).values()), "every derivation is graded now"


@pytest.mark.parametrize("assignment", assignments())
def test_catalog_is_large_enough(assignment):
    """Does the catalog have as many mutants and alternative-correct versions as the issue asks?"""
    entries = catalog(assignment)
    n_mutants = sum(e.kind == "mutants" for e in entries)
    n_correct = sum(e.kind == "correct" for e in entries)
    want_mutants, want_correct = MINIMUM.get(assignment, (6, 3))
    assert n_mutants >= want_mutants and n_correct >= want_correct, (
        f"{assignment}: {n_mutants} mutants and {n_correct} correct versions; "
        f"need {want_mutants} and {want_correct}")


@pytest.mark.parametrize("assignment", assignments())
def test_every_graded_cell_is_exercised_by_a_mutant(assignment):
    """Does every graded test cell catch at least one mutant (else it is untested)?"""
    graded = {c for e in catalog(assignment) for c in e.fails}
    from support.catalog import release_notebook
    cells = {c.metadata["nbgrader"]["grade_id"] for c in release_notebook(assignment).cells
             if is_grade(c) and not is_solution(c)}  # derivations are graded by a person
    assert cells - graded == set(), f"no mutant fails {sorted(cells - graded)}"
    assert graded - cells == set(), f"mutants name unknown grade ids {sorted(graded - cells)}"


FIRST = assignments()[0]


def _course_with(assignment, students, db_url=None):
    """A scratch course with these submissions (student id -> notebook), ready to autograde."""
    filename = f"{notebook_name(assignment)}.ipynb"
    return new_class(tempfile.mkdtemp(prefix="lfs-class-"), assignment,
                     {s: {filename: nb} for s, nb in students.items()}, db_url)


def _scores(grades):
    return {student: g.scores for student, g in grades.items()}


@pytest.mark.xdist_group(f"grade-{FIRST}-0")
def test_parallel_grading_matches_sequential_nbgrader_and_regrades_only_changes():
    """Does `coursekit grade --jobs 2` give the very grades of one sequential `nbgrader autograde`,
    and does a re-run grade only the submission that changed?"""
    sequential = _graded(FIRST, 0)
    chosen = sorted(sequential, key=lambda s: (s not in ("reference", "untouched-release"), s))[:8]
    students = {s: build() for s, (_, build) in _students(FIRST).items() if s in chosen}
    course = _course_with(FIRST, students)
    grade_assignment(course, FIRST, jobs=2)
    assert _scores(read_grades(course, FIRST)) == {s: sequential[s].scores for s in chosen}
    _check_class_report(course, students, {s: sequential[s].total for s in chosen})

    graded = {s: course / "autograded" / s / FIRST / f"{notebook_name(FIRST)}.ipynb" for s in students}
    stamps = {s: p.stat().st_mtime_ns for s, p in graded.items()}
    changed = sorted(students)[0]
    write_submission(course, FIRST, changed, {f"{notebook_name(FIRST)}.ipynb": untouched_release(FIRST)})
    accounts = grade_assignment(course, FIRST, jobs=2)
    regraded = {s for s, p in graded.items() if p.stat().st_mtime_ns != stamps[s]}
    assert regraded == {changed}, f"a re-run should regrade only {changed}, it regraded {sorted(regraded)}"
    assert accounts[changed].score == 0 and set(accounts) == set(students)


def _check_class_report(course, students, expected_totals):
    """The report's pass rates are what the catalog's FAILS lists predict, and its files exist."""
    rates, totals = class_report(course, FIRST)
    expected_fails = {s: _students(FIRST)[s][0] for s in students}
    for cell, rate in rates.items():
        if cell.startswith("derivation_") and not is_answer_check(cell):
            continue  # a derivation is graded by a person: filled in, it waits for formgrader
        passed = sum(f is not None and cell not in f for f in expected_fails.values())
        assert rate == pytest.approx(passed / len(students)), cell
    out = course / "reports" / FIRST
    assert (out / "report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    rows = (out / "cells.csv").read_text().splitlines()
    assert rows[0] == "grade_id,points,fraction_full_marks" and len(rows) == len(rates) + 1
    assert len((out / "scores.csv").read_text().splitlines()) == len(students) + 1
    assert totals == expected_totals


@pytest.mark.xdist_group(f"grade-{FIRST}-0")
def test_parallel_grading_with_postgresql_gradebook(postgres_url):
    """Does parallel grading into the PostgreSQL gradebook nbgrader_config.py names give the grades
    sequential nbgrader gives?"""
    sequential = _graded(FIRST, 0)
    chosen = sorted(sequential)[:6]
    students = {s: build() for s, (_, build) in _students(FIRST).items() if s in chosen}
    course = _course_with(FIRST, students, postgres_url)  # db_url set in the course's nbgrader_config.py
    grade_assignment(course, FIRST, jobs=2)
    assert not (course / "gradebook.db").exists(), "grading should not have touched a SQLite gradebook"
    assert _scores(read_grades(course, FIRST)) == {s: sequential[s].scores for s in chosen}


# `coursekit grade` as the README gives it, on a handful of students of the quickest assignment

SMALL = "03_mean_squared_error"
SMALL_NB = f"{notebook_name(SMALL)}.ipynb"
STAMP = "2024-03-01 09:30:00.000000 UTC"


def _small_class():
    """student id -> files: a few students that exercise preflight, timestamps and scores."""
    return {
        "reference": {SMALL_NB: reference_submission(SMALL), "timestamp.txt": STAMP},
        "untouched-release": {SMALL_NB: untouched_release(SMALL)},
        "renamed-notebook": {SMALL_NB.replace(".ipynb", " (1).ipynb"): reference_submission(SMALL)},
        "malformed-json": {SMALL_NB: '{"cells": [ {"cell_type": "code", "source": '},
        "mutant": {SMALL_NB: submission_for(SMALL, catalog(SMALL)[0])},
    }


def _coursekit_grade(course, *args):
    """`python -m coursekit grade SMALL --course COURSE ARGS`, started (not waited for)."""
    return subprocess.Popen([sys.executable, "-m", "coursekit", "grade", SMALL, "--course", str(course), *args],
                            cwd=ROOT, env=nbgrader_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(proc):
    out, err = proc.communicate(timeout=900)
    assert proc.returncode == 0, f"coursekit grade failed ({proc.returncode}):\n{out[-2000:]}\n{err[-4000:]}"
    return out


def _tree(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def _accounts_json(course):
    return json.loads((Path(course) / "reports" / SMALL / "accounts.json").read_text())


def _stamps(course):
    return {p.parts[-3]: p.stat().st_mtime_ns for p in Path(course).glob(f"autograded/*/{SMALL}/{SMALL_NB}")}


@functools.lru_cache(maxsize=None)
def _sequential_small_class():
    """One `coursekit grade --jobs 2` over the small class with SQLite: (course, submitted/ before,
    accounts.json, grades, scores.csv), as they were right after that run."""
    course = new_class(tempfile.mkdtemp(prefix="lfs-small-"), SMALL, _small_class())
    before = _tree(course / "submitted")
    _finish(_coursekit_grade(course, "--jobs", "2"))
    return (course, before, _accounts_json(course), _scores(read_grades(course, SMALL)),
            (course / "reports" / SMALL / "scores.csv").read_text())


@pytest.mark.xdist_group("grade-small-class")
def test_grade_command_twice_then_after_a_fix():
    """Does `coursekit grade` leave submitted/ as it was, grade nothing when run again with nothing changed,
    grade only the fixed submission after a fix, and leave formgrader and feedback working?"""
    course, before, accounts, _, _ = _sequential_small_class()
    assert _tree(course / "submitted") == before, "coursekit changed the instructor's submitted/"
    first = {a["student"]: a for a in accounts}
    assert first["reference"]["score"] + first["reference"]["pending"] == first["reference"]["max_score"] > 0
    assert first["renamed-notebook"]["score"] == first["reference"]["score"]
    assert "renamed" in first["renamed-notebook"]["notes"][0]
    assert first["malformed-json"]["status"] == "invalid notebook" and first["malformed-json"]["score"] == 0
    assert first["untouched-release"]["score"] == 0 < first["mutant"]["score"] < first["reference"]["score"]

    stamps = _stamps(course)
    _finish(_coursekit_grade(course, "--jobs", "2"))
    assert _stamps(course) == stamps, "nothing changed, so nothing should have been graded again"
    assert _accounts_json(course) == accounts

    write_submission(course, SMALL, "untouched-release", {SMALL_NB: reference_submission(SMALL)})
    _finish(_coursekit_grade(course, "--jobs", "2"))
    regraded = {s for s, t in _stamps(course).items() if t != stamps.get(s)}
    assert regraded == {"untouched-release"}
    fixed = {a["student"]: a for a in _accounts_json(course)}
    assert fixed["untouched-release"]["score"] == first["reference"]["score"]
    assert {s: a for s, a in fixed.items() if s != "untouched-release"} == \
        {s: a for s, a in first.items() if s != "untouched-release"}
    assert not list(course.glob(".coursekit-staging-*")), "the staged copies should be gone"

    # formgrader lists a submission as autograded when submitted/'s timestamp matches the gradebook's
    from nbgrader.apps import NbGraderAPI

    from coursekit.cli.gradebook import course_directory

    api = NbGraderAPI(course_directory(course))
    assert {"reference", "untouched-release", "renamed-notebook", "mutant"} <= api.get_autograded_students(SMALL)
    run_nbgrader(course, "generate_feedback", SMALL, "--force")
    assert {p.parts[-3] for p in course.glob(f"feedback/*/{SMALL}/*.html")} >= {"reference", "renamed-notebook"}


def _new_database(postgres_url, name):
    """A new, empty database on the server of ``postgres_url``; its URL."""
    import psycopg2
    from sqlalchemy.engine import make_url

    url = make_url(postgres_url)
    conn = psycopg2.connect(host=url.host, port=url.port, user=url.username, dbname="postgres")
    conn.autocommit = True
    conn.cursor().execute(f"CREATE DATABASE {name}")
    conn.close()
    return url.set(database=name).render_as_string(hide_password=False)


def _without_fingerprints(accounts):
    """Accounts less their fingerprints (which hash nbgrader_config.py, and so the gradebook URL)."""
    return [{k: v for k, v in a.items() if k != "fingerprint"} for a in accounts]


@pytest.mark.xdist_group("grade-small-class")
def test_two_concurrent_shards_into_postgresql_equal_one_sequential_run(postgres_url):
    """Do `coursekit grade --shard 1/2` and `--shard 2/2`, run at once into the PostgreSQL gradebook that
    nbgrader_config.py names, give the accounts and grades of one sequential run?"""
    _, _, accounts, grades, scores_csv = _sequential_small_class()
    course = new_class(tempfile.mkdtemp(prefix="lfs-shards-"), SMALL, _small_class(),
                       _new_database(postgres_url, "shards"))
    shards = [_coursekit_grade(course, "--jobs", "1", "--shard", f"{i}/2") for i in (1, 2)]
    printed = [set(re.findall(r"^(\S+): [\d.]+/", _finish(p), re.M)) for p in shards]
    assert all(printed) and not printed[0] & printed[1], f"each shard grades a share of its own: {printed}"
    assert printed[0] | printed[1] == set(_small_class())
    assert not (course / "gradebook.db").exists(), "no command should have used a SQLite gradebook"
    assert _without_fingerprints(_accounts_json(course)) == _without_fingerprints(accounts)
    assert _scores(read_grades(course, SMALL)) == grades
    assert (course / "reports" / SMALL / "scores.csv").read_text() == scores_csv
