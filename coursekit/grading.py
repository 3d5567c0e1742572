"""Grade a class of submissions with the real ``nbgrader autograde``."""
from dataclasses import dataclass
from pathlib import Path

import nbformat

from . import notebook_name
from .nbgrader_cli import new_course_dir, run_nbgrader


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


def course_directory(course):
    """nbgrader's CourseDirectory (course id, db_url, paths) as `nbgrader` run in ``course`` sees it.

    Loaded by nbgrader's own app: Jupyter's config folders, then ``course/nbgrader_config.py``.
    """
    from nbgrader.apps.baseapp import NbGrader

    class CourseConfig(NbGrader):
        load_cwd_config = False  # nbgrader runs in the course, so its folder's config is the course's

        def init_syspath(self):
            pass  # nbgrader puts its working folder on sys.path for the preprocessors it runs; we run none

    app = CourseConfig(log_level="ERROR")
    app.initialize([], root=str(Path(course).resolve()))
    return app.coursedir


def read_grades(course, assignment):
    """student -> Graded, from the gradebook the course's nbgrader_config.py names."""
    from nbgrader.api import Gradebook

    coursedir = course_directory(course)
    result = {}
    with Gradebook(coursedir.db_url, course_id=coursedir.course_id) as gb:
        for sub in gb.assignment_submissions(assignment):
            nb = sub.notebooks[0]
            result[sub.student_id] = Graded(
                scores={g.name: g.score for g in nb.grades},
                max_scores={g.name: g.max_score for g in nb.grades})
    return result


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
