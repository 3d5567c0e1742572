"""Build student submissions from the released notebook.

A *catalog entry* is a small Python file under ``tests/catalog/<assignment>/``
that stands for one student: its top-level functions replace the solution
cells that define the same names, and the rest of the notebook is the
reference solution.  Its imports, constants and helpers (functions whose names
start with ``_``) go in front of each replaced cell.  ``FAILS`` lists the grade
ids the entry must lose.  ``ANSWERS`` maps the names of answers (derivation
checks and questions) to the student's answer, written as Python source.
"""
import ast
import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.utils import is_solution

from coursekit import RELEASE, ROOT, SOURCE, notebook_name

CATALOG = ROOT / "tests" / "catalog"
_MARKER = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")
# The regions of an instructor's cell, each with what lies between its markers.
SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", re.S)
HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", re.S)
MARK_SCHEME = re.compile(r"=== BEGIN MARK SCHEME ===\n(.*?)=== END MARK SCHEME ===", re.S)


def _nbgrader(cell):
    return cell.metadata.get("nbgrader", {})


def release_notebook(assignment):
    """The student version, as released."""
    return nbformat.read(RELEASE / assignment / f"{notebook_name(assignment)}.ipynb", as_version=4)


def source_notebook(assignment):
    """The instructor's master, from source/."""
    return nbformat.read(SOURCE / assignment / f"{notebook_name(assignment)}.ipynb", as_version=4)


def solution_cells(assignment, cell_types=("code", "markdown")):
    """grade_id -> the source solution cell's text (code or a derivation), without the solution markers."""
    return {_nbgrader(c)["grade_id"]: "\n".join(l for l in c.source.splitlines() if not _MARKER.match(l))
            for c in source_notebook(assignment).cells if is_solution(c) and c.cell_type in cell_types}


def solution_code(assignment):
    """grade_id -> the source solution code cell's code, without the solution markers."""
    return solution_cells(assignment, cell_types=("code",))


def reference_submission(assignment):
    """The released notebook with every solution cell (code and derivations) filled in from source/."""
    nb = release_notebook(assignment)
    text = solution_cells(assignment)
    for cell in nb.cells:
        if is_solution(cell):
            cell.source = text[_nbgrader(cell)["grade_id"]]
    return nb


@dataclass
class CatalogEntry:
    """One catalog file: a student's implementation of some functions."""
    path: Path
    kind: str                       # "mutants" or "correct"
    doc: str
    fails: frozenset                # grade ids that must score 0
    preamble: str                   # imports, constants and _helpers, put in front of each function
    functions: dict = field(default_factory=dict)  # name -> source
    answers: dict = field(default_factory=dict)    # answer name -> the answer's Python source
    stops: frozenset = frozenset()  # functions that the mistake keeps from running at all (their cells cannot judge them)

    @property
    def name(self):
        return self.path.stem

    @property
    def student_id(self):
        return f"{self.kind}-{self.name}".replace("_", "-")


def load_entry(path):
    path = Path(path)
    text = path.read_text()
    tree = ast.parse(text)
    lines = text.splitlines()
    fails, preamble, functions, answers, stops = frozenset(), [], {}, {}, frozenset()
    for node in tree.body:
        segment = "\n".join(lines[node.lineno - 1 - len(getattr(node, "decorator_list", [])):node.end_lineno])
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            functions[node.name] = segment
        elif isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["FAILS"]:
            fails = frozenset(ast.literal_eval(node.value))
        elif isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["STOPS"]:
            stops = frozenset(ast.literal_eval(node.value))
        elif isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["ANSWERS"]:
            answers = {ast.literal_eval(k): ast.get_source_segment(text, v)
                       for k, v in zip(node.value.keys, node.value.values)}
        elif not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):
            preamble.append(segment)  # imports, constants and _helpers; the docstring is skipped
    kind = path.parent.name
    if kind not in ("mutants", "correct"):
        raise ValueError(f"{path}: catalog entries live in mutants/ or correct/")
    if kind == "mutants" and not fails:
        raise ValueError(f"{path}: a mutant must name the grade ids it fails in FAILS")
    if kind == "correct" and fails:
        raise ValueError(f"{path}: a correct implementation fails nothing")
    if stops and kind != "mutants":
        raise ValueError(f"{path}: only a mutant stops a function")
    return CatalogEntry(path, kind, ast.get_docstring(tree) or "", fails, "\n".join(preamble), functions, answers, stops)


def catalog(assignment):
    """Every catalog entry of an assignment, mutants first."""
    base = CATALOG / assignment
    return [load_entry(p) for kind in ("mutants", "correct")
            for p in sorted((base / kind).glob("*.py"))]


def submission_for(assignment, entry):
    """The reference submission with the entry's functions swapped in."""
    nb = reference_submission(assignment)
    defines = re.compile(r"^def (\w+)\(", re.M)
    remaining, answers = dict(entry.functions), dict(entry.answers)
    for cell in nb.cells:
        if not is_solution(cell) or cell.cell_type != "code":
            continue
        names = defines.findall(cell.source)
        if names and all(n in remaining for n in names):
            parts = [entry.preamble] if entry.preamble else []
            cell.source = "\n\n".join(parts + [remaining.pop(n) for n in names])
        elif (name := answer_name(cell.source)) in answers:
            cell.source = f"{name} = {answers.pop(name)}"
    if remaining or answers:
        raise ValueError(f"{entry.path}: no solution cell defines {sorted(remaining) + sorted(answers)}")
    return nb


def hidden_answers(assignment):
    """grade id -> the expected answer (a number or a choice) of each answer check's hidden test, from source/."""
    found = {}
    for cell in source_notebook(assignment).cells:
        gid = _nbgrader(cell).get("grade_id", "")
        if is_answer_check(gid) and _nbgrader(cell).get("grade") and not is_solution(cell):
            hidden = "\n".join(HIDDEN.findall(cell.source))
            call = next(n for n in ast.walk(ast.parse(hidden)) if isinstance(n, ast.Call)
                        and getattr(n.func, "id", "") in ("check_answer", "check_choice"))
            found[gid] = next(ast.literal_eval(k.value) for k in call.keywords if k.arg == "expected")
    return found


def is_answer_check(grade_id):
    """A test cell that checks a number or a choice: a derivation check or a question."""
    return grade_id.startswith(("derivation_check_", "question_"))


def answer_name(source):
    """The name an answer cell (one assignment, no function) assigns, else None."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    names = [t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets
             if isinstance(t, ast.Name)]
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    return names[0] if len(names) == 1 and not functions else None


def untouched_release(assignment):
    """The released notebook exactly as a student receives it."""
    return copy.deepcopy(release_notebook(assignment))


def _only_defines(source):
    """Does this code hold only imports and function definitions (a locked helpers cell)?"""
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return False
    return bool(body) and all(isinstance(n, (ast.Import, ast.ImportFrom, ast.FunctionDef)) for n in body)


def reference_functions(assignment):
    """The source solution's functions, executed in a namespace with numpy as np, after the locked
    helpers they may call (ungraded code cells of imports and function definitions only)."""
    import numpy as np

    namespace = {"np": np, "__name__": f"reference_{assignment}"}
    helpers = [c.source for c in source_notebook(assignment).cells if c.cell_type == "code" and not is_solution(c)
               and not _nbgrader(c).get("grade") and _only_defines(c.source)]
    for code in helpers + list(solution_code(assignment).values()):
        exec(compile(code, f"<source/{assignment}>", "exec"), namespace)  # noqa: S102 - our own source
    return namespace
