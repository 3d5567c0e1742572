"""Student feedback that teaches without leaking the hidden tests.

nbgrader's feedback shows every cell as graded, hidden tests and their
tracebacks included (jupyter/nbgrader#917).  ``HideHiddenTests`` runs after
nbgrader's ``GetGrades`` in ``generate_feedback`` and rewrites the notebook:

- each graded test cell loses its hidden region, and its outputs become one
  line saying passed or failed, the points, and the public part of the
  diagnostic (what was wrong, the likely cause).  Everything after losscheck's
  DETAILS line (the case, hidden inputs, expected values), anything the test
  printed, and traceback frames are dropped;
- every other cell after the first graded test cell that calls the student's
  functions loses its outputs: the student's code saw the hidden inputs from
  then on and could print them.  Cells that only check answers (numbers and
  choices, ``check_answer``, ``check_choice``) pass the student's code nothing;
- the rubrics (mark scheme regions) that the grader saw in formgrader are removed.

A graded cell's outputs come only from the grader (``coursekit/grader/verdicts.py``),
which names an error ``CheckFailed`` only when the course's checker raised it;
an exception of a student's class of that name arrives as ``student.CheckFailed``.
So the diagnostic shown is always the checker's own.
"""
import ast
import re

from nbformat.v4 import new_output
from nbgrader.preprocessors import ClearHiddenTests, ClearMarkScheme, NbGraderPreprocessor
from nbgrader.utils import is_grade, is_solution

from ..losscheck import DETAILS, public_exception_name
from .verdicts import ANSWER_CHECKS, ERRORS

_DELIMITERS = ClearHiddenTests()
HIDDEN_REGION = re.compile(rf"[^\n]*{re.escape(_DELIMITERS.begin_test_delimeter)}.*?"
                           rf"{re.escape(_DELIMITERS.end_test_delimeter)}[^\n]*\n?", re.S)
_MARK_SCHEME = ClearMarkScheme()
MARK_SCHEME = re.compile(rf"[^\n]*{re.escape(_MARK_SCHEME.begin_mark_scheme_delimeter)}.*?"
                         rf"{re.escape(_MARK_SCHEME.end_mark_scheme_delimeter)}[^\n]*\n?", re.S)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def checks_answers_only(source):
    """Whether a graded cell only imports and checks answers: it calls no student function."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return False
    return all(isinstance(node, (ast.Import, ast.ImportFrom))
               or (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
                   and isinstance(node.value.func, ast.Name) and node.value.func.id in ANSWER_CHECKS)
               for node in tree.body)


def public_message(ename, evalue):
    """The part of an error that a student may see."""
    evalue = ANSI.sub("", evalue or "")
    if ename == "CheckFailed":
        return evalue.split(DETAILS)[0].rstrip().replace("\n  ", "\n")
    if ename in ERRORS:
        return f"{ename}: {ERRORS[ename]}."
    return f"your code raised {public_exception_name(ename)} while the hidden tests ran (its message is not shown here)."


def summarise(cell):
    """One feedback line for a graded test cell, from its score and outputs."""
    nbg = cell.metadata.nbgrader
    score, points = nbg.get("score"), nbg.get("points")
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    stderr = any(o.get("output_type") == "stream" and o.get("name") == "stderr" for o in cell.get("outputs", []))
    if score is not None and points is not None and score >= points:
        return f"✔ passed: {score:g} / {points:g} points"
    head = f"✘ failed: {score or 0:g} / {points:g} points" if points is not None else "✘ failed"
    if errors:
        why = public_message(errors[0].get("ename", ""), errors[0].get("evalue", ""))
    elif stderr:
        why = "the cell wrote to stderr (an uncaught warning or print(..., file=sys.stderr)), which the autograder counts as a failure."
    else:
        why = "no error was recorded; the score was set by the instructor."
    return f"{head}\n{why}"


AFTER_TESTS_NOTE = "Output not shown in feedback: this cell ran after the hidden tests had started.\n"


class HideHiddenTests(NbGraderPreprocessor):
    """Strip hidden tests, their traces and later outputs from the feedback (see module docstring)."""

    def preprocess(self, nb, resources):
        tests_started = False
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                cell.source = MARK_SCHEME.sub("", cell.source).rstrip()
            if cell.cell_type == "code" and is_grade(cell) and not is_solution(cell):
                tests_started = tests_started or not checks_answers_only(cell.source)
                cell.source = HIDDEN_REGION.sub("", cell.source).rstrip()
                cell.outputs = [new_output("stream", name="stdout", text=summarise(cell) + "\n")]
            elif tests_started and cell.cell_type == "code" and cell.get("outputs"):
                cell.outputs = [new_output("stream", name="stdout", text=AFTER_TESTS_NOTE)]
        return nb, resources
