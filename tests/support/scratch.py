"""Scratch courses for tests and benchmarks: a course directory with one assignment generated
and a class of submissions in place, graded by the real ``nbgrader autograde``."""
from pathlib import Path

import nbformat

from coursekit import notebook_name
from coursekit.cli.gradebook import read_grades
from coursekit.cli.nbgrader import new_course_dir, run_nbgrader


class Link(str):
    """A file of a submission that is a symbolic link to this target."""


def write_submission(course, assignment, student, files):
    """Place a student's files in submitted/<student>/<assignment>/.

    ``files`` maps a file name to a notebook node, text, bytes or a Link.
    """
    folder = Path(course) / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        if isinstance(content, Link):
            (folder / name).symlink_to(content)
        elif isinstance(content, nbformat.NotebookNode):
            nbformat.write(content, folder / name)
        elif isinstance(content, bytes):
            (folder / name).write_bytes(content)
        else:
            (folder / name).write_text(content)


def new_class(course_dir, assignment, submissions=(), db_url=None):
    """A scratch course with ``assignment`` generated and ``submissions`` in place.

    ``submissions`` maps a student id to that student's files (see write_submission);
    ``db_url``, if given, is set in the course's nbgrader_config.py.
    """
    course = new_course_dir(course_dir, [assignment])
    if db_url:
        with open(course / "nbgrader_config.py", "a") as f:
            f.write(f"\nc.CourseDirectory.db_url = {db_url!r}\n")
    run_nbgrader(course, "generate_assignment", assignment, "--force")
    for student, files in dict(submissions).items():
        write_submission(course, assignment, student, files)
    return course


def grade_class(assignment, submissions, course_dir, env=None):
    """Autograde ``submissions`` (student id -> notebook node) in a fresh course.

    One plain ``nbgrader autograde`` grades them all.  Returns
    (student id -> Graded, nbgrader's completed process).
    """
    filename = f"{notebook_name(assignment)}.ipynb"
    course = new_class(course_dir, assignment, {s: {filename: nb} for s, nb in submissions.items()})
    proc = run_nbgrader(course, "autograde", assignment, "--force", env=env)
    return read_grades(course, assignment), proc
