"""The course's gradebook, as nbgrader's own configuration names it: course id, db_url, grades."""
from dataclasses import dataclass, field
from pathlib import Path



@dataclass
class Graded:
    """What nbgrader recorded for one student's notebook.

    ``scores`` and ``max_scores`` hold the cells graded so far, by the autograder or by hand;
    ``pending`` the derivations that still wait for a person (formgrader), with their points.
    """
    scores: dict        # grade_id -> score
    max_scores: dict    # grade_id -> points
    pending: dict = field(default_factory=dict)  # grade_id -> points, not graded yet

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
            waiting = {g.name for g in nb.grades if g.auto_score is None and g.manual_score is None}
            result[sub.student_id] = Graded(
                scores={g.name: g.score for g in nb.grades if g.name not in waiting},
                max_scores={g.name: g.max_score for g in nb.grades if g.name not in waiting},
                pending={g.name: g.max_score for g in nb.grades if g.name in waiting})
    return result
