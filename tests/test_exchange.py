"""nbgrader's exchange, end to end, with the real command line: an instructor and a student,
each with a home and configuration of their own, share an exchange folder as on JupyterHub.

instructor: generate_assignment, release_assignment
student:    fetch_assignment, (solves it), submit
instructor: collect, autograde, (grades the derivations, as formgrader does), generate_feedback,
            release_feedback
student:    fetch_feedback, and reads it: the score, no hidden test, no rubric.

Both run as the test's own OS user.  nbgrader 0.9 names a submission after the OS user
(``pwd.getpwuid(os.getuid())``, or ``$JUPYTERHUB_USER`` when that user is ``jovyan``), not
``$USER``; the student stands in for another account with ``nbgrader submit --student``.
``fetch_feedback`` needs no id: it finds the feedback through the secret that ``submit`` left in the
student's own cache (under its HOME).
"""
import stat
import subprocess
import sys

import nbformat
import pytest
from nbgrader.api import Gradebook

from coursekit import assignments, notebook_name
from coursekit.cli.gradebook import course_directory, read_grades
from coursekit.cli.nbgrader import nbgrader_env
from coursekit.grader.derivations import is_derivation
from support.catalog import reference_submission, source_notebook
from support.leaks import as_html, page_leaks, page_secrets
from support.scratch import new_class

ASSIGNMENT = "01_binary_cross_entropy"
NOTEBOOK = f"{notebook_name(ASSIGNMENT)}.ipynb"
COURSE_ID = "loss-functions-from-scratch"  # as in the course's nbgrader_config.py
STUDENT = "ada-student"


@pytest.mark.parametrize("assignment", assignments())
def test_leak_scan_finds_every_secret_line_in_the_instructors_notebook(assignment):
    """Can the feedback scan (here and in test_integrity) fail: does it find hidden-test and rubric lines, and
    flag every one of them in source/ rendered as nbconvert renders feedback (highlighted code, rendered markdown)?"""
    secrets = page_secrets(assignment)
    assert len(secrets["hidden test"]) >= 50 and len(secrets["rubric"]) >= 5, {k: len(v) for k, v in secrets.items()}
    assert page_leaks(as_html(source_notebook(assignment)), assignment) == {k: sorted(v) for k, v in secrets.items()}
    assert not page_leaks(as_html(reference_submission(assignment)), assignment), "the scan flags what a student may see"


def _user_env(home, config_path=None):
    """The environment of one user's commands: its own HOME, no Jupyter folders of the test's user.

    ``config_path`` stands for the system-wide /etc/jupyter of a JupyterHub.
    """
    env = {k: v for k, v in nbgrader_env().items()
           if not k.startswith(("JUPYTER_", "XDG_", "JPY_", "JUPYTERHUB_"))}
    env["HOME"] = str(home)
    if config_path:
        env["JUPYTER_CONFIG_PATH"] = str(config_path)
    return env


def _nbgrader(cwd, env, *args):
    """``nbgrader ARGS`` in ``cwd``; fails the test with nbgrader's log unless it succeeds."""
    proc = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=cwd, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, (f"nbgrader {' '.join(args)} failed ({proc.returncode}):\n"
                                  f"{proc.stdout[-4000:]}\n{proc.stderr[-8000:]}")
    return proc


def test_exchange_round_trip(tmp_path):
    """Does a submission go out and come back through the exchange, graded in full, with feedback
    that shows the score and neither the hidden tests nor the rubrics?"""
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    exchange.chmod(0o777)  # as the hub's admin creates it: everyone writes; release_assignment insists on 0777

    # The instructor: the course directory, with the exchange added to the course's configuration.
    instructor_home = tmp_path / "instructor"
    instructor_home.mkdir()
    course = new_class(instructor_home / "course", ASSIGNMENT)
    with open(course / "nbgrader_config.py", "a") as f:
        f.write(f"\nc.CourseDirectory.course_id = {COURSE_ID!r}\nc.Exchange.root = {str(exchange)!r}\n")
    teacher = _user_env(instructor_home)

    def instructor(*args):
        return _nbgrader(course, teacher, *args)

    instructor("release_assignment", ASSIGNMENT)
    released = exchange / COURSE_ID / "outbound" / ASSIGNMENT
    assert (released / NOTEBOOK).is_file()
    inbound = (exchange / COURSE_ID / "inbound").stat().st_mode
    assert inbound & stat.S_IWOTH and not inbound & stat.S_IROTH, "students may write to inbound, not list it"

    # The student: its own home, which is its working folder, and the hub-wide configuration.
    hub_etc = tmp_path / "etc-jupyter"  # /etc/jupyter on the hub
    hub_etc.mkdir()
    (hub_etc / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.CourseDirectory.course_id = {COURSE_ID!r}\nc.Exchange.root = {str(exchange)!r}\n")
    home = tmp_path / "student"
    home.mkdir()
    pupil = _user_env(home, config_path=hub_etc)

    def student(*args):
        return _nbgrader(home, pupil, *args)

    student("fetch_assignment", ASSIGNMENT)
    fetched = home / ASSIGNMENT / NOTEBOOK
    assert fetched.is_file()
    assert not page_leaks(as_html(nbformat.read(fetched, as_version=4)), ASSIGNMENT), "the release carries hidden tests or rubrics"
    nbformat.write(reference_submission(ASSIGNMENT), fetched)
    student("submit", ASSIGNMENT, "--student", STUDENT)
    cached = list((home / ".local/share/jupyter/nbgrader_cache" / COURSE_ID).glob(f"{STUDENT}+{ASSIGNMENT}+*"))
    assert len(cached) == 1, "submit keeps the student's copy (and its secret) in the student's cache"

    # The instructor collects, grades, and releases the feedback.
    instructor("collect", ASSIGNMENT)
    assert (course / "submitted" / STUDENT / ASSIGNMENT / NOTEBOOK).is_file()
    assert sorted(p.name for p in (course / "submitted").iterdir()) == [STUDENT]
    instructor("autograde", ASSIGNMENT)
    graded = read_grades(course, ASSIGNMENT)
    assert set(graded) == {STUDENT}
    grades = graded[STUDENT]
    assert grades.scores and not grades.failed, f"autograded cells lost points: {sorted(grades.failed)}"
    assert grades.total == grades.max_total
    derivations = {c.metadata.nbgrader["grade_id"]: c.metadata.nbgrader["points"]
                   for c in reference_submission(ASSIGNMENT).cells if is_derivation(c)}
    assert derivations and grades.pending == derivations, "the derivations, and only they, wait for a person"
    coursedir = course_directory(course)
    with Gradebook(coursedir.db_url, course_id=coursedir.course_id) as gb:  # as formgrader does
        for cell, points in grades.pending.items():
            grade = gb.find_grade(cell, notebook_name(ASSIGNMENT), ASSIGNMENT, STUDENT)
            grade.manual_score, grade.needs_manual_grade = points, False
        gb.db.commit()
    full = grades.max_total + sum(grades.pending.values())
    instructor("generate_feedback", ASSIGNMENT)
    instructor("release_feedback", ASSIGNMENT)

    # The student fetches the feedback and reads it.
    student("fetch_feedback", ASSIGNMENT)
    pages = list((home / ASSIGNMENT / "feedback").glob(f"*/{notebook_name(ASSIGNMENT)}.html"))
    assert len(pages) == 1, pages
    page = pages[0].read_text()
    leaks = page_leaks(page, ASSIGNMENT)
    assert not leaks, "the student's feedback shows " + "; ".join(
        f"{len(lines)} {kind} lines, e.g. {lines[:2]}" for kind, lines in leaks.items())
    assert "MARK SCHEME" not in page and "BEGIN HIDDEN" not in page
    assert f"{notebook_name(ASSIGNMENT)} (Score: {full:.1f} / {full:.1f})" in page, "the feedback shows the score"
    assert "✔ passed" in page and "✘ failed" not in page
