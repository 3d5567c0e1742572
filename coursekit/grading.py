"""Grade a class of submissions with the real ``nbgrader autograde``."""
from dataclasses import dataclass
from pathlib import Path

import nbformat

from . import notebook_name
from .nbgrader_cli import new_course_dir, run_nbgrader

COURSE_ID = "loss-functions-from-scratch"


@dataclass
class Graded:
    """What nbgrader recorded for one student's notebook."""
    scores: dict        # grade_id -> score
    max_scores: dict    # grade_id -> points

    @property
    def total(self):
        return sum(self.scores.values())

    @property
    def max_total(self):
        return sum(self.max_scores.values())

    @property
    def failed(self):
        """grade ids that scored less than full marks."""
        return frozenset(g for g, s in self.scores.items() if s < self.max_scores[g])


def write_submission(course, assignment, student, files):
    """Place a student's files in submitted/<student>/<assignment>/.

    ``files`` maps a file name to a notebook node, text or bytes.
    """
    folder = Path(course) / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        if isinstance(content, nbformat.NotebookNode):
            nbformat.write(content, folder / name)
        elif isinstance(content, bytes):
            (folder / name).write_bytes(content)
        else:
            (folder / name).write_text(content)


def db_url_of(course, db_url=None):
    """The gradebook URL: ``db_url`` if given, else nbgrader's default SQLite file."""
    return db_url or f"sqlite:///{Path(course) / 'gradebook.db'}"


def read_grades(course, assignment, db_url=None):
    """student -> Graded, from the course's gradebook."""
    from nbgrader.api import Gradebook

    db_url = db_url_of(course, db_url)
    result = {}
    with Gradebook(db_url, course_id=COURSE_ID) as gb:
        for sub in gb.assignment_submissions(assignment):
            nb = sub.notebooks[0]
            result[sub.student_id] = Graded(
                scores={g.name: g.score for g in nb.grades},
                max_scores={g.name: g.max_score for g in nb.grades})
    return result


def new_class(course_dir, assignment, submissions=(), db_url=None):
    """A scratch course with ``assignment`` generated and ``submissions`` in place.

    ``submissions`` maps a student id to that student's files (see write_submission).
    """
    course = new_course_dir(course_dir, [assignment])
    extra = [f"--CourseDirectory.db_url={db_url}"] if db_url else []
    run_nbgrader(course, "generate_assignment", assignment, "--force", *extra)
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
