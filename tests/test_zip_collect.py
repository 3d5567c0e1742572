"""Submissions downloaded from Canvas or Moodle are collected by the real `nbgrader zip_collect`
with the course's configuration, then graded."""
import json
import subprocess
import sys
import tempfile
import zipfile

import nbformat
import pytest

from coursekit import ROOT, assignments, notebook_name
from coursekit.grading import new_class
from coursekit.nbgrader_cli import nbgrader_env, run_nbgrader
from coursekit.submissions import reference_submission, untouched_release
from coursekit.zipnames import parse

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
    assert accounts["doejohn"]["score"] == accounts["doejohn"]["max_score"] > 0
    assert accounts["34567"]["score"] == accounts["34567"]["max_score"]
    assert accounts["smithjane"]["score"] == 0
    assert {"cells.csv", "scores.csv", "report.png"} <= {p.name for p in (course / "reports" / A).iterdir()}
