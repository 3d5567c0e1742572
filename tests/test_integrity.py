"""The adversarial catalog: cheats gain nothing, broken submissions are contained, and
feedback keeps hidden tests hidden.  Every case is built from each assignment's own
reference and first mutant, so the catalog grows with every new assignment."""
import functools
import re
import tempfile
from pathlib import Path

import nbformat
import pytest
from nbgrader.utils import is_grade, is_solution

from coursekit import SOURCE, assignments, notebook_name
from coursekit.classgrade import grade_assignment
from coursekit.execute import SKIP_TAG, SKIPPED_NOTE
from coursekit.grading import new_class
from coursekit.nbgrader_cli import run_nbgrader
from coursekit.submissions import catalog, reference_submission, submission_for

TIMEOUT = 5  # seconds per cell for this run (the course uses 60): keeps the infinite loop cheap

PATCH_COMPARISONS = """
import math, numpy as np, numpy.testing
np.allclose = lambda *a, **k: True
np.isclose = lambda a, b, *r, **k: np.ones(np.broadcast(a, b).shape, dtype=bool)
math.isclose = lambda *a, **k: True
for _name in dir(np.testing):
    if _name.startswith("assert_"):
        setattr(np.testing, _name, lambda *a, **k: None)
"""

ANYTHING = """
class _Anything(float):
    def __new__(cls, *args, **kwargs):
        return float.__new__(cls, 0.0)
    __eq__ = __lt__ = __le__ = __gt__ = __ge__ = lambda self, other: True
    __ne__ = lambda self, other: False
    __hash__ = float.__hash__
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = lambda self, other: _Anything()
    __truediv__ = __rtruediv__ = __pow__ = lambda self, other: _Anything()
    __abs__ = __neg__ = lambda self: _Anything()
    __getitem__ = lambda self, key: _Anything()
    __bool__ = lambda self: True
"""

FAKE_NUMPY = '''"""A cheat: load the real NumPy, then make every comparison succeed."""
import importlib.util, sys
sys.modules.pop("numpy", None)
_here = sys.path.pop(0) if sys.path and sys.path[0] in ("", ".") else None
import numpy as _real
_real.allclose = lambda *a, **k: True
sys.modules["numpy"] = _real
'''

FAKE_LOSSCHECK = '''"""A cheat: a checker whose checks always pass."""
def _ok(*args, **kwargs):
    return args[1] if len(args) > 1 else None
quietly = lambda fn, *a, **k: fn(*a, **k)
check_close = check_raises = check_unmodified = require = verify_integrity = _ok
expect_float = lambda name, value: float(value) if not hasattr(value, "shape") else 0.0
expect_array = lambda name, value, shape: value
snapshot = lambda *arrays: [a.copy() for a in arrays]
grad_check = lambda *a, **k: 0.0
rel_error = lambda *a, **k: 0.0
numerical_gradient = lambda f, x, h=1e-6: x
class CheckFailed(AssertionError):
    pass
'''


def cells(assignment):
    """The grade ids of an assignment's graded test cells."""
    nb = reference_submission(assignment)
    return [c.metadata["nbgrader"]["grade_id"] for c in nb.cells if is_grade(c) and not is_solution(c)]


def _solution_cells(nb):
    return [c for c in nb.cells if is_solution(c)]


def _defined(cell):
    return re.findall(r"^def (\w+)\(", cell.source, re.M)


def _append(nb, code, cell_index=0):
    _solution_cells(nb)[cell_index].source += "\n\n" + code.strip() + "\n"
    return nb


def _redefine(nb, function, body):
    """Append a redefinition of ``function`` with ``body`` to the cell that defines it."""
    for cell in _solution_cells(nb):
        if function in _defined(cell):
            cell.source += f"\n\ndef {function}(*args, **kwargs):\n    {body}\n"
            return nb
    raise KeyError(function)


def _tag_graded_cells_skip(nb):
    """A cheat: ask the autograder to skip every test and solution cell."""
    for cell in nb.cells:
        if is_grade(cell) or is_solution(cell):
            cell.metadata.setdefault("tags", []).append(SKIP_TAG)
    return nb


PROBE_KERNEL = """
import os as _os, sys as _sys
assert _os.path.basename(_os.getcwd()) == {assignment!r}, "the kernel runs in " + _os.getcwd()
assert _sys.path[-1] == _os.getcwd(), "the notebook's folder should be last on sys.path: " + repr(_sys.path)
assert not [_p for _p in _sys.path if "spare" in _p], repr(_sys.path)
"""


def _everything_returns_anything(nb):
    _append(nb, ANYTHING)
    for cell in _solution_cells(nb):
        for name in _defined(cell):
            cell.source += f"\n\ndef {name}(*args, **kwargs):\n    return _Anything()\n"
    return nb


# Expectations: ("full", [note]), ("zero", note, reason), ("fails", grade ids),
# ("some", reason), ("same_as", control student, reason)
def cases(assignment):
    """student id -> (files, expectation) for one assignment."""
    name = f"{notebook_name(assignment)}.ipynb"
    mutant = next(e for e in catalog(assignment) if e.kind == "mutants")
    ref = reference_submission
    wrong = functools.partial(submission_for, assignment, mutant)
    last = _defined(_solution_cells(ref(assignment))[-1])[-1]
    return {
        "correct": ({name: ref(assignment)}, ("full",)),
        "mutant": ({name: wrong()}, ("fails", mutant.fails)),
        "cheat-patch-comparisons": ({name: _append(wrong(), PATCH_COMPARISONS)}, ("zero", None, "were replaced")),
        "cheat-always-equal-object": ({name: _everything_returns_anything(ref(assignment))}, ("zero", None, "")),
        "cheat-shadow-numpy-module": ({name: wrong(), "numpy.py": FAKE_NUMPY}, ("fails", mutant.fails)),
        "cheat-replace-losscheck": ({name: wrong(), "losscheck.py": FAKE_LOSSCHECK}, ("fails", mutant.fails)),
        "cheat-skip-tests": ({name: _tag_graded_cells_skip(wrong())}, ("fails", mutant.fails)),
        "probe-kernel-folder": ({name: _append(ref(assignment), PROBE_KERNEL.format(assignment=assignment))},
                                ("full",)),
        "control-stub-last-function": ({name: _redefine(ref(assignment), last, "raise NotImplementedError()")},
                                       ("some", "NotImplementedError")),
        "broken-infinite-loop": ({name: _redefine(ref(assignment), last, "while True: pass")},
                                 ("same_as", "control-stub-last-function", "time limit")),
        "broken-sys-exit": ({name: _redefine(ref(assignment), last, "import sys; sys.exit(1)")},
                            ("same_as", "control-stub-last-function", "SystemExit")),
        "broken-os-exit": ({name: _redefine(ref(assignment), last, "import os; os._exit(1)")},
                           ("same_as", "control-stub-last-function", "ProcessExitBlocked")),
        "broken-segfault": ({name: _redefine(ref(assignment), last, "import ctypes; ctypes.string_at(0)")},
                            ("same_as", "control-stub-last-function", "died")),
        "broken-print-flood": ({name: _append(ref(assignment), "for _i in range(200_000):\n    print(_i)")},
                               ("full",)),
        "broken-malformed-json": ({name: '{"cells": [ {"cell_type": "code", "source": '}, ("zero", "not a valid notebook", None)),
        "broken-missing-notebook": ({"my_answers.txt": "I could not finish."}, ("zero", "submitted", None)),
        "broken-renamed-notebook": ({name.replace(".ipynb", " (1).ipynb"): ref(assignment)}, ("full", "renamed")),
    }


@functools.lru_cache(maxsize=None)
def _graded(assignment):
    course = new_class(tempfile.mkdtemp(prefix=f"lfs-integrity-{assignment}-"), assignment,
                       {student: files for student, (files, _) in cases(assignment).items()})
    accounts = grade_assignment(course, assignment, [f"--Execute.timeout={TIMEOUT}"], force=True)
    run_nbgrader(course, "generate_feedback", assignment, "--force", check=False)
    return course, accounts


STUDENTS = ["correct", "mutant", "cheat-patch-comparisons", "cheat-always-equal-object",
            "cheat-shadow-numpy-module", "cheat-replace-losscheck", "cheat-skip-tests", "probe-kernel-folder",
            "control-stub-last-function",
            "broken-infinite-loop", "broken-sys-exit", "broken-os-exit", "broken-segfault", "broken-print-flood",
            "broken-malformed-json", "broken-missing-notebook", "broken-renamed-notebook"]
CASES = [pytest.param(a, s, marks=pytest.mark.xdist_group(f"integrity-{a}"), id=f"{a}-{s}")
         for a in assignments() for s in STUDENTS]


@pytest.mark.parametrize("assignment,student", CASES)
def test_adversarial_case_gets_exactly_its_expected_grade(assignment, student):
    """Does this cheat or broken submission get exactly the grade it should, next to a correct one?"""
    _, accounts = _graded(assignment)
    assert set(accounts) == set(STUDENTS)
    kind, *args = cases(assignment)[student][1]
    acc = accounts[student]
    story = f"{student}: {acc.score:g}/{acc.max_score:g} [{acc.status}] notes={acc.notes} failed={acc.failed_cells}"
    assert acc.max_score > 0, story
    if kind == "full":
        assert acc.score == acc.max_score and not acc.failed_cells, story
        if args:
            assert any(args[0] in n for n in acc.notes), story
    elif kind == "zero":
        note, reason = args
        assert acc.score == 0, story
        if note:
            assert any(note in n for n in acc.notes), story
        if reason is not None:  # every graded cell failed, each for this reason
            assert set(acc.failed_cells) == set(cells(assignment)), story
            assert all(reason in why for why in acc.failed_cells.values()), story
        assert acc.score <= accounts["mutant"].score
    elif kind == "fails":
        assert frozenset(acc.failed_cells) == args[0], story
        assert acc.score == accounts["mutant"].score
    elif kind == "some":
        assert 0 < acc.score < acc.max_score, story
        assert all(args[0] in why for why in acc.failed_cells.values()), story
    elif kind == "same_as":
        control = accounts[args[0]]
        assert set(acc.failed_cells) == set(control.failed_cells) and acc.score == control.score, story
        assert all(args[1] in why for why in acc.failed_cells.values()), story
    assert accounts["correct"].score == accounts["correct"].max_score, "the correct submission lost points"


@pytest.mark.parametrize("assignment", [pytest.param(a, marks=pytest.mark.xdist_group(f"integrity-{a}"))
                                        for a in assignments()])
def test_autograder_skips_exactly_the_instructors_tagged_cells(assignment):
    """Are the cells source/ tags skip-when-grading, and only those, left unrun with a note?"""
    course, _ = _graded(assignment)
    name = f"{notebook_name(assignment)}.ipynb"
    source = nbformat.read(SOURCE / assignment / name, as_version=4)
    tagged = {c.metadata["nbgrader"]["grade_id"] for c in source.cells if SKIP_TAG in c.metadata.get("tags", [])}
    assert tagged, f"source/{assignment} tags no figure or demonstration cell {SKIP_TAG}"
    for student in ("correct", "cheat-skip-tests"):
        graded = nbformat.read(Path(course) / "autograded" / student / assignment / name, as_version=4)
        skipped = {c.metadata["nbgrader"]["grade_id"] for c in graded.cells
                   if any(o.get("text") == SKIPPED_NOTE for o in c.get("outputs", []))}
        assert skipped == tagged, f"{student}: skipped {sorted(skipped)}, tagged in source/ {sorted(tagged)}"


def _hidden_lines(assignment):
    """Lines of source/'s hidden-test regions that appear nowhere else in the notebook."""
    nb = nbformat.read(SOURCE / assignment / f"{notebook_name(assignment)}.ipynb", as_version=4)
    hidden, visible = set(), set()
    for cell in nb.cells:
        regions = re.findall(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", cell.source, re.S)
        for region in regions:
            hidden |= {l.strip() for l in region.splitlines() if len(l.strip()) >= 6}
        outside = re.sub(r"### BEGIN HIDDEN TESTS\n.*?### END HIDDEN TESTS", "", cell.source, flags=re.S)
        visible |= {l.strip() for l in outside.splitlines()}
    return hidden - visible


@pytest.mark.parametrize("assignment", [pytest.param(a, marks=pytest.mark.xdist_group(f"integrity-{a}"))
                                        for a in assignments()])
def test_feedback_shows_results_but_no_hidden_tests(assignment):
    """Does every student's feedback show pass/fail and points, and no hidden-test line or detail?"""
    import html

    course, accounts = _graded(assignment)
    hidden = _hidden_lines(assignment)
    assert hidden
    pages = {p.parts[-3]: html.unescape(p.read_text())
             for p in Path(course).glob(f"feedback/*/{assignment}/*.html")}
    assert {"correct", "mutant", "broken-infinite-loop"} <= set(pages)
    for student, page in pages.items():
        leaked = sorted(l for l in hidden if l in page)
        assert not leaked, f"feedback for {student} shows hidden-test lines: {leaked[:3]}"
        assert "details (hidden" not in page, f"feedback for {student} leaks a check's details"
    assert "✔ passed" in pages["correct"] and "✘ failed" not in pages["correct"]
    assert "✘ failed" in pages["mutant"]
    assert "time limit" in pages["broken-infinite-loop"]
