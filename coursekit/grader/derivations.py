"""Derivations: manually graded answers, and the switch that runs the course autograded only.

A derivation task is two cells: a locked markdown prompt whose rubric lies in a
mark scheme region (nbgrader removes it from the release and restores it in the
autograded notebook, so formgrader shows it to the grader; feedback removes it
again, see ``feedback.py``), and a manually graded markdown answer with points.

``AutogradedOnly`` runs first in ``nbgrader generate_assignment``.  With
``c.AutogradedOnly.enabled = True`` in ``nbgrader_config.py`` the derivation
answers count 0 points: students still write them, nobody has to grade them,
and every total is the autograded one.
"""
from nbgrader.preprocessors import NbGraderPreprocessor
from nbgrader.utils import is_grade, is_solution
from traitlets import Bool


def is_derivation(cell):
    """A manually graded answer written in markdown (a derivation)."""
    return cell.cell_type == "markdown" and is_grade(cell) and is_solution(cell)


class AutogradedOnly(NbGraderPreprocessor):
    """With ``enabled``, every derivation answer is worth 0 points (see the module docstring)."""

    enabled = Bool(False, help="Derivation answers count 0 points: the course is graded by the autograder alone."
                   ).tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        if self.enabled and is_derivation(cell):
            cell.metadata.nbgrader["points"] = 0
        return cell, resources
