"""`coursekit grade` without nbgrader: accounts, preflight, fingerprints, configuration and shards,
on hand-built notebooks and folders.  A stand-in for `nbgrader autograde` copies each notebook it
is given to autograded/, so these tests take seconds; tests/test_grading.py runs the real one."""
import json
import multiprocessing
import subprocess
from pathlib import Path

import nbformat
import pytest

from coursekit import notebook_name
from coursekit.cli import classgrade
from coursekit.cli.classgrade import grade_assignment
from coursekit.grader.execute import GRADING_RECORD
from coursekit.cli.gradebook import read_grades
from support.scratch import write_submission
from coursekit.cli.nbgrader import new_course_dir
from coursekit.cli.report import class_report

A = "03_mean_squared_error"
NB = f"{notebook_name(A)}.ipynb"
STAMP = "2024-03-01 09:30:00.000000 UTC"


def _notebook(text="x = 1"):
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(text)])


class FakeAutograde:
    """Stands in for `nbgrader autograde`: copies each submission it is given to autograded/.

    It reads the folders nbgrader would read (``--CourseDirectory.submitted_directory``,
    default submitted/, less ``student_id_exclude``) and records what it saw.  It grades
    no one in ``fail``, exits with ``returncode`` and logs ``log`` (in which {folder} and
    {student} stand for the first student of ``fail``).
    """

    def __init__(self, returncode=0, log="", fail=()):
        self.returncode, self.log, self.fail = returncode, log, set(fail)
        self.calls = []   # per process: the arguments
        self.seen = {}    # student -> {file name: bytes} as nbgrader was given them

    def __call__(self, course, *args, check=True, env=None):
        options = dict(a[2:].split("=", 1) for a in args if a.startswith("--") and "=" in a)
        inputs = Path(course) / options.get("CourseDirectory.submitted_directory", "submitted")
        exclude = set(options.get("CourseDirectory.student_id_exclude", "").split(","))
        self.calls.append(args)
        log = self.log
        for folder in sorted(inputs.glob(f"*/{A}")):
            student = folder.parent.name
            if student in exclude:
                continue
            self.seen[student] = {p.name: p.read_bytes() for p in folder.iterdir()}
            if student in self.fail:
                log = log.replace("{folder}", str(folder)).replace("{student}", student)
            if (folder / NB).exists() and student not in self.fail:
                out = Path(course) / "autograded" / student / A
                out.mkdir(parents=True, exist_ok=True)
                (out / NB).write_bytes((folder / NB).read_bytes())
                (out / GRADING_RECORD).write_text(json.dumps(
                    {"sandbox": "fake", "timed_out": [], "crashed": {}, "budget_spent": False, "kernel_restarts": 0}))
        return subprocess.CompletedProcess(["nbgrader", *args], self.returncode, log, "")

    def graded(self):
        """The students graded by the last process."""
        return sorted(self.seen)


@pytest.fixture
def fake(monkeypatch):
    """A stand-in nbgrader, and grades of 3/5 for everyone it graded."""
    nbgrader = FakeAutograde()
    monkeypatch.setattr(classgrade, "run_nbgrader", nbgrader)
    monkeypatch.setattr(classgrade, "read_grades", lambda *a, **k: {})
    monkeypatch.setattr(classgrade, "_max_score", lambda *a, **k: 5.0)
    return nbgrader


def _course(tmp_path, submissions):
    course = new_course_dir(tmp_path / "course", [A])
    for student, files in submissions.items():
        write_submission(course, A, student, files)
    return course


def _tree(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def _accounts(course):
    return json.loads((course / "reports" / A / "accounts.json").read_text())


def _grade_again(fake, course, **kwargs):
    fake.seen.clear()
    return grade_assignment(course, A, **kwargs)


# re-runs and fingerprints

def test_rerun_with_nothing_changed_grades_nothing(tmp_path, fake):
    """Does a second run with nothing changed grade nobody, start no nbgrader, and keep the accounts?"""
    course = _course(tmp_path, {"ada": {NB: _notebook()}, "bob": {NB: _notebook("y = 2")}})
    first = grade_assignment(course, A, jobs=2)
    assert fake.graded() == ["ada", "bob"]
    calls = len(fake.calls)
    again = _grade_again(fake, course, jobs=2)
    assert len(fake.calls) == calls, "nothing changed, so no nbgrader process should start"
    assert again == first


def test_rerun_after_a_fix_grades_only_that_submission(tmp_path, fake):
    """After one student's notebook changes, is that student the only one graded again?"""
    course = _course(tmp_path, {s: {NB: _notebook()} for s in ("ada", "bob", "cyd")})
    grade_assignment(course, A, jobs=2)
    write_submission(course, A, "bob", {NB: _notebook("fixed = True")})
    accounts = _grade_again(fake, course, jobs=2)
    assert fake.graded() == ["bob"] and set(accounts) == {"ada", "bob", "cyd"}


def test_changed_config_or_source_regrades_everyone(tmp_path, fake):
    """Does a change to nbgrader_config.py, to source/, or --force regrade every submission?"""
    course = _course(tmp_path, {s: {NB: _notebook()} for s in ("ada", "bob")})
    grade_assignment(course, A)
    with open(course / "nbgrader_config.py", "a") as f:
        f.write("\nc.Execute.timeout = 30\n")
    _grade_again(fake, course)
    assert fake.graded() == ["ada", "bob"]
    (course / "source" / A / "notes.txt").write_text("new hint")
    _grade_again(fake, course)
    assert fake.graded() == ["ada", "bob"]
    _grade_again(fake, course, force=True)
    assert fake.graded() == ["ada", "bob"]


# preflight: submitted/ is the instructor's and stays as it is

BROKEN_CLASS = {
    "renamed": {NB.replace(".ipynb", " (1).ipynb"): _notebook()},
    "invalid": {NB: '{"cells": [ {"cell_type": "code", "source": '},
    "missing": {"answers.txt": "I could not finish."},
    "two": {"a.ipynb": _notebook(), "b.ipynb": _notebook()},
    "stamped": {NB: _notebook(), "timestamp.txt": STAMP},
}


def test_preflight_leaves_submitted_untouched(tmp_path, fake):
    """Are renamed and invalid notebooks fixed for nbgrader without changing a byte of submitted/?"""
    course = _course(tmp_path, BROKEN_CLASS)
    before = _tree(course / "submitted")
    grade_assignment(course, A)
    assert _tree(course / "submitted") == before
    assert NB in fake.seen["renamed"], "nbgrader should be given the notebook under its expected name"
    assert NB not in fake.seen["invalid"] and f"{NB}.invalid" in fake.seen["invalid"]
    assert fake.seen["stamped"]["timestamp.txt"] == STAMP.encode(), "the submission time must reach nbgrader"


def test_preflight_accounts_say_what_was_renamed_or_set_aside(tmp_path, fake):
    """Does each account say what was renamed, set aside or missing, and say it again on a re-run?"""
    course = _course(tmp_path, BROKEN_CLASS)
    accounts = grade_assignment(course, A)
    assert [a.status for a in accounts.values()] == ["invalid notebook", "no notebook", "graded",
                                                     "graded", "no notebook"]
    assert "renamed 'mean_squared_error (1).ipynb'" in accounts["renamed"].notes[0]
    assert "set aside" in accounts["invalid"].notes[0]
    assert "found: no notebook at all" in accounts["missing"].notes[0]
    assert "found: a.ipynb, b.ipynb" in accounts["two"].notes[0]
    written = _accounts(course)
    assert _grade_again(fake, course) == accounts and fake.graded() == []
    assert _grade_again(fake, course, force=True) == accounts, "a forced re-run should give the same accounts"
    assert _accounts(course) == written


# nbgrader's exit status and errors

DB_ERROR_LOG = """[AutogradeApp | INFO] Copying source/./03_mean_squared_error/losscheck.py
[AutogradeApp | ERROR] Traceback (most recent call last):
      File "/venv/lib/python3.11/site-packages/sqlalchemy/engine/base.py", line 154, in __init__
        self._dbapi_connection = engine.raw_connection()
                                 ^^^^^^^^^^^^^^^^^^^^^^^
    sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "db", port 5432 failed: Connection refused
    \tIs the server running on that host and accepting TCP/IP connections?

    (Background on this error at: https://sqlalche.me/e/21/e3q8)

[AutogradeApp | ERROR] There was an error accessing the nbgrader database. This may occur if you recently upgraded nbgrader.
"""

STUDENT_ERROR_LOG = """[AutogradeApp | INFO] Sanitizing {folder}/mean_squared_error.ipynb
[AutogradeApp | ERROR] There was an error processing assignment: {folder}
[AutogradeApp | ERROR] Traceback (most recent call last):
      File "/venv/lib/python3.11/site-packages/nbgrader/preprocessors/deduplicateids.py", line 33, in preprocess_cell
        grade_id = cell.metadata.nbgrader['grade_id']
                   ~~~~~~~~~~~~~~~~~~~~~~^^^^^^^^^^^^
    KeyError: 'grade_id'

[AutogradeApp | WARNING] Removing failed assignment: {folder}
[AutogradeApp | ERROR] There was an error processing assignment '03_mean_squared_error' for student '{student}'
[AutogradeApp | ERROR] Please see the the above traceback for details on the specific errors on the above failures.
"""


def test_nbgrader_failure_is_reported_in_the_account(tmp_path, fake):
    """When nbgrader stops before grading anyone, does each account give its exit status and error?"""
    fake.returncode, fake.log, fake.fail = 1, DB_ERROR_LOG, {"ada"}
    course = _course(tmp_path, {"ada": {NB: _notebook()}})
    account = grade_assignment(course, A)["ada"]
    assert account.status == "not graded"
    story = " | ".join(account.notes)
    assert "exit status 1" in story and "Connection refused" in story, story


def test_nbgrader_error_for_one_student_names_the_exception(tmp_path, fake):
    """Does the account of the one student nbgrader failed on name the exception, and only that one?"""
    fake.returncode, fake.log, fake.fail = 1, STUDENT_ERROR_LOG, {"bob"}
    course = _course(tmp_path, {"ada": {NB: _notebook()}, "bob": {NB: _notebook()}})
    accounts = grade_assignment(course, A)
    assert accounts["bob"].status == "not graded"
    assert any("KeyError: 'grade_id'" in n for n in accounts["bob"].notes), accounts["bob"].notes
    assert accounts["ada"].status == "graded" and accounts["ada"].notes == []


def test_submission_nbgrader_failed_on_is_graded_again(tmp_path, fake):
    """Is a submission nbgrader failed to grade graded again on the next run, though unchanged?"""
    fake.returncode, fake.log, fake.fail = 1, DB_ERROR_LOG, {"ada"}
    course = _course(tmp_path, {"ada": {NB: _notebook()}})
    grade_assignment(course, A)
    fake.returncode, fake.log, fake.fail = 0, "", set()
    assert _grade_again(fake, course)["ada"].status == "graded"


# one source of truth for the configuration

def _configure(course, **options):
    with open(course / "nbgrader_config.py", "a") as f:
        f.writelines(f"\nc.CourseDirectory.{key} = {value!r}\n" for key, value in options.items())


def test_grading_leaves_a_configured_gradebook_alone(tmp_path, fake):
    """With db_url set in nbgrader_config.py, does `coursekit grade --jobs 2` pass nbgrader no other?"""
    course = _course(tmp_path, {s: {NB: _notebook()} for s in ("ada", "bob")})
    _configure(course, db_url="postgresql+psycopg2://grader@db.example:5432/gradebook")
    grade_assignment(course, A, jobs=2)
    assert len(fake.calls) == 2
    assert not [a for call in fake.calls for a in call if "db_url" in a]


def test_sqlite_gradebook_gets_a_lock_timeout(tmp_path, fake):
    """Does a configured SQLite gradebook, and only that one, get a lock timeout for concurrent writers?"""
    course = _course(tmp_path, {s: {NB: _notebook()} for s in ("ada", "bob")})
    url = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    _configure(course, db_url=url)
    grade_assignment(course, A, jobs=2)
    assert {a for call in fake.calls for a in call if "db_url" in a} == {f"--CourseDirectory.db_url={url}?timeout=120"}


def _gradebook_with(url, course_id, scores):
    """A gradebook at ``url`` with one code cell worth 2 points and these students' scores of it."""
    from nbgrader.api import Gradebook

    with Gradebook(url, course_id=course_id) as gb:
        gb.add_assignment(A)
        gb.add_notebook(notebook_name(A), A)
        gb.add_grade_cell("mse_forward_values", notebook_name(A), A, max_score=2, cell_type="code")
        for student, score in scores.items():
            gb.add_student(student)
            gb.add_submission(A, student)
            grade = gb.find_grade("mse_forward_values", notebook_name(A), A, student)
            grade.auto_score = score
            gb.db.commit()


@pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")  # nbgrader's add_submission, SQLAlchemy 2
def test_grades_and_report_come_from_the_configured_gradebook(tmp_path):
    """Do read_grades and the class report read the gradebook and course id nbgrader_config.py names?"""
    course = _course(tmp_path, {})
    url = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    _configure(course, db_url=url, course_id="another-course")
    _gradebook_with(url, "another-course", {"ada": 2, "bob": 0})
    assert {s: g.scores for s, g in read_grades(course, A).items()} == {
        "ada": {"mse_forward_values": 2}, "bob": {"mse_forward_values": 0}}
    rates, totals = class_report(course, A)
    assert rates == {"mse_forward_values": 0.5} and totals == {"ada": 2, "bob": 0}
    assert not (course / "gradebook.db").exists()


# shards

def test_shards_split_a_class_into_disjoint_shares():
    """Does every student belong to exactly one share, the same one on every machine?"""
    students = [f"student{i:03d}" for i in range(60)]
    shares = {n: [[s for s in students if classgrade.in_shard(s, (i, n))] for i in range(1, n + 1)]
              for n in (1, 2, 3)}
    for n, parts in shares.items():
        assert sorted(s for part in parts for s in part) == students, n
        assert all(parts), f"a share of {n} is empty"
    assert classgrade.in_shard("ada", (2, 3)) == classgrade.in_shard("ada", (2, 3))


def test_shards_keep_each_others_accounts(tmp_path, fake):
    """Do two shards, run one after the other, each grade their own share and keep the other's accounts?"""
    students = [f"s{i}" for i in range(8)]
    course = _course(tmp_path, {s: {NB: _notebook()} for s in students})
    grade_assignment(course, A, shard=(1, 2))
    first = fake.graded()
    _grade_again(fake, course, shard=(2, 2))
    assert first and fake.graded() and sorted(first + fake.graded()) == students
    assert [a["student"] for a in _accounts(course)] == students
    write_submission(course, A, first[0], {NB: _notebook("changed = 1")})
    _grade_again(fake, course, shard=(1, 2))
    assert fake.graded() == [first[0]]
    assert [a["student"] for a in _accounts(course)] == students


def _write_share(report_dir, share, start):
    start.wait()
    for score in range(3):
        classgrade.save_accounts(report_dir, {s: classgrade.Account(s, score=score) for s in share},
                                 lambda s: s in share)


def test_concurrent_shards_do_not_overwrite_each_others_accounts(tmp_path):
    """When eight shards write their accounts at the same moment, does accounts.json keep them all?"""
    shares = [[f"s{k}-{i}" for i in range(10)] for k in range(8)]
    context = multiprocessing.get_context("fork")
    start = context.Barrier(len(shares))
    workers = [context.Process(target=_write_share, args=(tmp_path, share, start)) for share in shares]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    written = json.loads((tmp_path / "accounts.json").read_text())
    assert [a["student"] for a in written] == sorted(s for share in shares for s in share)
    assert {a["score"] for a in written} == {2}
