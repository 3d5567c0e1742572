"""Submissions downloaded from Canvas or Moodle are collected by the real `nbgrader zip_collect`
with the course's configuration, then graded."""
import io
import json
import subprocess
import sys
import tempfile
import zipfile

import nbformat
import pytest

from coursekit import ROOT, assignments, notebook_name
from support.scratch import new_class
from coursekit.cli.nbgrader import nbgrader_env, run_nbgrader
from support.catalog import reference_submission, untouched_release
from coursekit.grader.zipnames import parse

A = assignments()[0]
NB = notebook_name(A)


@pytest.mark.parametrize("name,student,file_id", [
    (f"doejohn_12345_67890_{NB}.ipynb", "doejohn", f"{NB}.ipynb"),
    (f"smithjane_late_23456_78901_{NB}-1.ipynb", "smithjane", f"{NB}.ipynb"),
    (f"Ada Lovelace_34567_assignsubmission_file_{NB}.ipynb", "34567", f"{NB}.ipynb"),
    (f"x/Alan Turing_45678_assignsubmission_file_/{NB}.ipynb", "45678", f"{NB}.ipynb"),
    (f"readme_{NB}.ipynb", None, None),
])
def test_lms_names_are_parsed(name, student, file_id):
    """Are Canvas and Moodle download names mapped to the right student and notebook?"""
    info = parse(name)
    if student is None:
        assert info is None
    else:
        assert info == {"student_id": student, "file_id": file_id}


@pytest.mark.parametrize("path,student,file_id", [
    (f"submissions/eve_111_222_{NB}.ipynb", "eve", f"{NB}.ipynb"),
    (f"eve_111_222_work/bob_333_444_{NB}.ipynb", None, None),  # inside eve's zip
    (f"eve_111_222_work/x/bob_333_444_{NB}.ipynb", None, None),
    (f"Eve_77_assignsubmission_file_/Bob_88_assignsubmission_file_/{NB}.ipynb", None, None),
    (f"Eve_77_assignsubmission_file_/d/bob_333_444_{NB}.ipynb", None, None),
    (f"Eve_77_assignsubmission_file_/bob_333_444_{NB}.ipynb", "77", f"bob_333_444_{NB}.ipynb"),
    (f"Eve_77_assignsubmission_file_work/{NB}.ipynb", None, None),  # inside eve's flattened zip
    (f"../bob_333_444_{NB}.ipynb", None, None),
    (f".._333_444_{NB}.ipynb", None, None),
    (f"eve_1_2_x_88_assignsubmission_file_{NB}.ipynb", None, None),  # both a Canvas and a Moodle name
])
def test_lms_names_nested_in_an_upload_are_not_parsed(path, student, file_id):
    """Does only the outermost name the LMS wrote decide the student, never a name inside a student's upload?"""
    info = parse(path)
    if student is None:
        assert info is None
    else:
        assert info == {"student_id": student, "file_id": file_id}


def zipped(files):
    """The bytes of a zip holding ``files`` (name -> text or bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, content in files.items():
            z.writestr(name, content)
    return buffer.getvalue()


def zip_collect(tmp_path, files):
    """Run `nbgrader zip_collect` on one LMS download holding ``files`` (name -> text or bytes).

    Returns (the course folder, nbgrader's log, {path below submitted/: text}).
    """
    course = new_class(tmp_path, A)
    archive = course / "downloaded" / A / "archive"
    archive.mkdir(parents=True)
    (archive / "submissions.zip").write_bytes(zipped(files))
    proc = run_nbgrader(course, "zip_collect", A, "--force")
    submitted = course / "submitted"
    return course, proc.stderr, {p.relative_to(submitted).as_posix(): p.read_text()
                                 for p in submitted.rglob("*") if p.is_file()}


def warnings_naming(log, student):
    """nbgrader's warning lines that name ``student``."""
    return [line for line in log.splitlines() if "WARNING" in line and student in line]


@pytest.mark.xdist_group("zip-collect")
def test_zip_collect_duplicate_upload_keeps_the_highest_resubmission(tmp_path):
    """Does a student's upload holding NB, NB-2 and NB-10 keep NB-10, warn naming the student, and collect the others?"""
    _, log, collected = zip_collect(tmp_path, {
        f"doejohn_12345_67890_{NB}.ipynb": "first",
        f"doejohn_12345_67890_{NB}-2.ipynb": "second",
        f"doejohn_12345_67890_{NB}-10.ipynb": "tenth",  # -10 is newer than -2, though it sorts first
        f"smithjane_23456_78901_{NB}.ipynb": "jane, first",
        f"smithjane_23456_100000_{NB}.ipynb": "jane, later",  # no -n: the higher submission id wins
        f"Ada Lovelace_34567_assignsubmission_file_/{NB}.ipynb": "ada",
    })
    assert collected == {f"doejohn/{A}/{NB}.ipynb": "tenth",
                         f"smithjane/{A}/{NB}.ipynb": "jane, later",
                         f"34567/{A}/{NB}.ipynb": "ada"}
    assert any("duplicate" in line.lower() for line in warnings_naming(log, "doejohn")), log[-3000:]


@pytest.mark.xdist_group("zip-collect")
def test_zip_collect_broken_archive_in_an_upload_is_that_students_problem(tmp_path):
    """Does a student's upload of a broken .zip or .gz leave the run going, with everyone collected?"""
    _, log, collected = zip_collect(tmp_path, {
        f"doejohn_12345_67890_{NB}.ipynb": "john",
        "doejohn_12345_67891_notes.gz": b"not a gzip file",
        "doejohn_12345_67892_work.zip": b"not a zip file",
        f"Ada Lovelace_34567_assignsubmission_file_/{NB}.ipynb": "ada",
        "Ada Lovelace_34567_assignsubmission_file_/work.zip": b"not a zip file",
    })
    assert collected == {f"doejohn/{A}/{NB}.ipynb": "john", f"34567/{A}/{NB}.ipynb": "ada"}


# Eve's uploads, each file named like the submission of someone else (the victim's id in brackets).
EVE_POSES = {
    f"eve_111_222_{NB}.ipynb": "eve",
    "eve_111_223_work.zip": zipped({
        f"x/bob_333_444_{NB}.ipynb": "eve as bob",  # [bob]
        f"dan_333_445_{NB}-9.ipynb": "eve as dan",  # [dan], a higher resubmission than dan's own
        f"Ada Lovelace_34567_assignsubmission_file_/{NB}.ipynb": "eve as ada",  # [34567]
        f"../fay_333_446_{NB}.ipynb": "eve as fay",  # [fay]
        f"y/.._333_447_{NB}.ipynb": "eve outside submitted/",  # [..]
        "inner.zip": zipped({f"gil_333_448_{NB}.ipynb": "eve as gil"}),  # [gil]
    }),
    f"Eve Evil_77_assignsubmission_file_/{NB}.ipynb": "eve evil",
    f"Eve Evil_77_assignsubmission_file_/Carl Gauss_56789_assignsubmission_file_/{NB}.ipynb": "eve as carl",
    f"Eve Evil_77_assignsubmission_file_/d/hal_555_666_{NB}.ipynb": "eve as hal",  # [hal]
}
VICTIMS_OWN = {
    f"bob_333_444_{NB}.ipynb": "bob",
    f"dan_333_445_{NB}.ipynb": "dan",
    f"Ada Lovelace_34567_assignsubmission_file_/{NB}.ipynb": "ada",
    f"Carl Gauss_56789_assignsubmission_file_/{NB}.ipynb": "carl",
}


@pytest.mark.xdist_group("zip-collect")
@pytest.mark.parametrize("victims_submitted", [False, True])
def test_zip_collect_never_files_a_nested_upload_under_another_student(tmp_path, victims_submitted):
    """Are files inside one student's upload never filed under another student, whatever they are named?"""
    own = VICTIMS_OWN if victims_submitted else {}
    course, log, collected = zip_collect(tmp_path, {**EVE_POSES, **own})
    expected = {f"eve/{A}/{NB}.ipynb": "eve", f"77/{A}/{NB}.ipynb": "eve evil"}
    expected.update({f"{s}/{A}/{NB}.ipynb": s for s in ("bob", "dan") if own})
    expected.update({f"{s}/{A}/{NB}.ipynb": n for s, n in (("34567", "ada"), ("56789", "carl")) if own})
    assert collected == expected
    assert not (course / A).exists(), "a student id of '..' wrote outside submitted/"
    assert warnings_naming(log, "77"), log[-3000:]


@pytest.mark.xdist_group("zip-collect")
def test_zip_collect_then_grade_a_canvas_and_moodle_download():
    """Does `nbgrader zip_collect` file each download under its student, and `coursekit grade` grade them?"""
    course = new_class(tempfile.mkdtemp(prefix="lfs-zip-"), A)
    archive = course / "downloaded" / A / "archive"
    archive.mkdir(parents=True)
    with zipfile.ZipFile(archive / "submissions.zip", "w") as z:
        z.writestr(f"doejohn_12345_67890_{NB}.ipynb", nbformat.writes(reference_submission(A)))
        z.writestr(f"smithjane_late_23456_78901_{NB}-1.ipynb", nbformat.writes(untouched_release(A)))
        z.writestr(f"Ada Lovelace_34567_assignsubmission_file_/{NB}.ipynb", nbformat.writes(reference_submission(A)))
        z.writestr("doejohn_12345_67890_notes.txt", "not a notebook")
    run_nbgrader(course, "zip_collect", A, "--force")
    collected = sorted(p.relative_to(course / "submitted").as_posix() for p in (course / "submitted").rglob("*.ipynb"))
    assert collected == [f"{s}/{A}/{NB}.ipynb" for s in ("34567", "doejohn", "smithjane")]

    # then the instructor's command, as the README gives it
    proc = subprocess.run([sys.executable, "-m", "coursekit", "grade", A, "--course", str(course), "--jobs", "2"],
                          cwd=ROOT, env=nbgrader_env(), capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "3/3" in proc.stderr, "the progress bar should count the three students"
    accounts = {a["student"]: a for a in json.loads((course / "reports" / A / "accounts.json").read_text())}
    for student in ("doejohn", "34567"):  # full marks, but for the derivations that wait for a person
        assert accounts[student]["score"] + accounts[student]["pending"] == accounts[student]["max_score"] > 0
    assert accounts["smithjane"]["score"] == 0
    assert {"cells.csv", "scores.csv", "report.png"} <= {p.name for p in (course / "reports" / A).iterdir()}
