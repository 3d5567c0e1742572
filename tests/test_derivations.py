"""Derivations and answers, end to end through real nbgrader, on a small hand-built assignment.

- a derivation's rubric (a mark scheme region in the locked prompt) leaves the release, comes back in the
  autograded notebook that formgrader shows, and leaves again in the student's feedback;
- the grader reads a student's answers (numbers, choices) from the kernel, and judges them in its own
  process: a kernel that fakes the visible check still fails;
- manual scores entered through nbgrader's API, as formgrader enters them, make the totals of
  ``nbgrader export``;
- ``c.AutogradedOnly.enabled = True`` makes the derivations worth 0 points.
"""
import csv
import shutil
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from coursekit import ROOT
from coursekit.cli.gradebook import read_grades
from coursekit.cli.nbgrader import run_nbgrader
from coursekit.losscheck import answer_digest
from support.scratch import write_submission

pytestmark = pytest.mark.xdist_group("derivations-demo")  # one scratch course, one worker

A, NB = "demo", "demo"
RUBRIC = "Rubric for the grader: 1 point for the chain rule, 1 point for the 1/M."
MODEL = r"$$\begin{aligned} \frac{\partial L}{\partial \hat y_i} &= \frac{2}{M}(\hat y_i - y_i) \end{aligned}$$"
LABEL = "dL/dp at y = 1, p = 3, M = 2"


def _cell(make, source, **nbgrader):
    cell = make(source)
    cell.metadata["nbgrader"] = {"schema_version": 3, "grade": False, "solution": False, "locked": False,
                                 "task": False, **nbgrader}
    return cell


def demo_source():
    return new_notebook(cells=[
        _cell(new_markdown_cell, "### Task 1 — derive the gradient\nStart from the definition.\n"
              f"=== BEGIN MARK SCHEME ===\n{RUBRIC}\n=== END MARK SCHEME ===",
              grade_id="derivation_gradient_task", locked=True),
        _cell(new_markdown_cell, f"### BEGIN SOLUTION\n{MODEL}\n### END SOLUTION",
              grade_id="derivation_gradient", grade=True, solution=True, points=2),
        _cell(new_code_cell, "# Your dL/dp, in dl_dp\n### BEGIN SOLUTION\ndl_dp = 2.0\n### END SOLUTION",
              grade_id="dl_dp_answer", solution=True),
        _cell(new_code_cell, f"from losscheck import check_answer\n"
              f"check_answer({LABEL!r}, dl_dp, digest={answer_digest(LABEL, 2.0)!r})\n"
              f"### BEGIN HIDDEN TESTS\ncheck_answer({LABEL!r}, dl_dp, expected=2.0)\n### END HIDDEN TESTS",
              grade_id="derivation_check_gradient", grade=True, locked=True, points=1),
        _cell(new_code_cell, "### BEGIN SOLUTION\nanswer_1 = 'b'\n### END SOLUTION",
              grade_id="question_1_answer", solution=True),
        _cell(new_code_cell, "from losscheck import check_choice\ncheck_choice('Question 1', answer_1, 'abc')\n"
              "### BEGIN HIDDEN TESTS\ncheck_choice('Question 1', answer_1, 'abc', expected='b')\n### END HIDDEN TESTS",
              grade_id="question_1", grade=True, locked=True, points=1),
    ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})


def demo_course(path, autograded_only=False):
    course = Path(path)
    (course / "source" / A).mkdir(parents=True)
    shutil.copy(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    if autograded_only:
        with open(course / "nbgrader_config.py", "a") as f:
            f.write("\nc.AutogradedOnly.enabled = True\n")
    shutil.copy(ROOT / "coursekit" / "losscheck.py", course / "source" / A / "losscheck.py")
    nbformat.write(demo_source(), course / "source" / A / f"{NB}.ipynb")
    run_nbgrader(course, "generate_assignment", A, "--force")
    return course


def student(course, answers, derivation="$$\\begin{aligned} g &= 2(p - y)/M \\end{aligned}$$"):
    nb = nbformat.read(course / "release" / A / f"{NB}.ipynb", as_version=4)
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid == "derivation_gradient" and derivation is not None:
            cell.source = derivation
        elif gid in answers:
            cell.source = answers[gid]
    return nb


STUDENTS = {
    "right": {"dl_dp_answer": "dl_dp = 4 / 2", "question_1_answer": "answer_1 = ' (B) '"},
    "wrong": {"dl_dp_answer": "dl_dp = 4.0", "question_1_answer": "answer_1 = 'c'"},
    # fakes the visible checks in its kernel: a losscheck of its own that passes everything
    "faker": {"dl_dp_answer": "import sys, types\nfake = types.ModuleType('losscheck')\n"
                              "fake.check_answer = fake.check_choice = lambda *a, **k: None\n"
                              "sys.modules['losscheck'] = fake\ndl_dp = 7.0",
              "question_1_answer": "answer_1 = 'a'"},
    "missing": {"dl_dp_answer": "# forgot", "question_1_answer": "answer_1 = 12"},
}


def pasted(nb):
    """A student who copied and pasted the answer cell of question 1 (the copy keeps its grade id) and
    touched the derivation's placeholder without writing anything."""
    import copy

    i = next(i for i, c in enumerate(nb.cells) if c.metadata["nbgrader"]["grade_id"] == "question_1_answer")
    pasted_cell = copy.deepcopy(nb.cells[i])
    pasted_cell.id = "pasted-copy"  # JupyterLab gives a pasted cell an id of its own, not its grade id
    nb.cells.insert(i + 1, pasted_cell)
    nb.cells[i].source = "answer_1 = 'c'  # first try"
    nb.cells[1].source = "YOUR ANSWER HERE\n\n"
    nb.cells[0].metadata["nbgrader"]["schema_version"] = 2
    return nb


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = demo_course(tmp_path_factory.mktemp("derivations"))
    for name, answers in STUDENTS.items():
        write_submission(course, A, name, {f"{NB}.ipynb": student(course, answers)})
    write_submission(course, A, "blank", {f"{NB}.ipynb": student(course, {}, derivation=None)})
    # graded first of all: the students after it must be graded too
    write_submission(course, A, "a-pasted", {f"{NB}.ipynb": pasted(student(course, STUDENTS["right"], derivation=None))})
    run_nbgrader(course, "autograde", A, "--force")
    return course


def test_a_pasted_cell_or_an_edited_schema_stops_nobodys_grading(graded):
    """nbgrader would stop the whole run at a repeated grade id or an old schema version; the repair
    grades that student (the last copy of a cell counts, as in nbgrader) and everyone after."""
    grades = read_grades(graded, A)
    assert set(grades) == {*STUDENTS, "blank", "a-pasted"}
    assert all((graded / "autograded" / s / A / f"{NB}.ipynb").exists() for s in grades), "someone was not graded"
    # the answers count (the pasted copy, the last, holds the right one); the blank derivation scores 0 at once
    assert grades["a-pasted"].failed == {"derivation_gradient"} and grades["a-pasted"].pending == {}, grades["a-pasted"]


def test_release_hides_rubric_model_and_values(graded):
    text = (graded / "release" / A / f"{NB}.ipynb").read_text()
    for secret in (RUBRIC, "MARK SCHEME", r"\frac{2}{M}", "expected=2.0", "expected='b'", "dl_dp = 2.0"):
        assert secret not in text, f"the release shows {secret!r}"
    assert answer_digest(LABEL, 2.0) in text, "the visible check should carry the digest"


def test_answers_are_judged_by_the_grader(graded):
    grades = read_grades(graded, A)
    assert grades["right"].failed == frozenset(), grades["right"]
    for name in ("wrong", "faker", "missing"):
        assert {"derivation_check_gradient", "question_1"} <= grades[name].failed, (name, grades[name])
    assert grades["right"].pending == {"derivation_gradient": 2.0}, grades["right"]
    assert grades["blank"].pending == {} and grades["blank"].scores["derivation_gradient"] == 0


def test_formgrader_shows_rubric_and_feedback_hides_it(graded):
    autograded = (graded / "autograded" / "right" / A / f"{NB}.ipynb").read_text()
    assert RUBRIC in autograded, "formgrader shows the autograded notebook: the rubric must be back in it"
    run_nbgrader(graded, "generate_feedback", A, "--force")
    feedback = (graded / "feedback" / "right" / A / f"{NB}.html").read_text()
    assert RUBRIC not in feedback and "MARK SCHEME" not in feedback
    assert "expected=2.0" not in feedback


def test_manual_scores_make_the_export_totals(graded):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{graded}/gradebook.db") as gb:  # as formgrader's API does
        for name, points in (("right", 1.5), ("wrong", 2.0)):
            grade = gb.find_grade("derivation_gradient", NB, A, name)
            grade.manual_score = points
            grade.needs_manual_grade = False
        gb.db.commit()
    run_nbgrader(graded, "export", "--to", str(graded / "grades.csv"))
    rows = {r["student_id"]: r for r in csv.DictReader(open(graded / "grades.csv"))}
    assert float(rows["right"]["score"]) == 1.5 + 2  # the derivation by hand, both answers by the grader
    assert float(rows["wrong"]["score"]) == 2.0
    assert float(rows["blank"]["score"]) == 0
    assert float(rows["right"]["max_score"]) == 4
    assert read_grades(graded, A)["right"].pending == {}


def test_autograded_only_switch(tmp_path):
    course = demo_course(tmp_path / "course", autograded_only=True)
    write_submission(course, A, "right", {f"{NB}.ipynb": student(course, STUDENTS["right"])})
    run_nbgrader(course, "autograde", A, "--force")
    run_nbgrader(course, "export", "--to", str(tmp_path / "grades.csv"))
    rows = list(csv.DictReader(open(tmp_path / "grades.csv")))
    assert [(float(r["score"]), float(r["max_score"])) for r in rows] == [(2.0, 2.0)]


def test_solutions_keep_model_derivation_and_rubric(graded):
    run_nbgrader(graded, "generate_solution", A, "--force")
    text = (graded / "solutions" / A / f"{NB}.ipynb").read_text()
    assert RUBRIC in text and r"\frac{2}{M}" in text, "solutions/ is the instructor's: rubric and model both"
