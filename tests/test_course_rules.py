"""The course's own rules, checked on the text of every notebook a student reads and on the catalogs.

`00_start_here` states them once: one notation, one points policy, warnings cost nothing,
shapes are never broadcast, one epsilon story.  These tests read files only (no kernel),
so they are quick; the real nbgrader runs of test_grading.py show that the hidden tests
behave as the catalogs say.
"""
import ast
import re
from collections import Counter

import nbformat
import pytest
from nbgrader.utils import is_grade, is_solution

from coursekit import RELEASE, ROOT, SOLUTIONS, SOURCE, assignments, notebook_name
from coursekit.grader.derivations import is_derivation
from support.catalog import HIDDEN, MARK_SCHEME, catalog, is_answer_check, solution_code
from support.leaks import closed_forms, squeezed, texts

STUDENT_NOTEBOOKS = sorted([*RELEASE.glob("*/*.ipynb"), *(ROOT / "notebooks").glob("*.ipynb")])
ALL_NOTEBOOKS = sorted([*STUDENT_NOTEBOOKS, *SOURCE.glob("*/*.ipynb")])
_IDS = [str(p.relative_to(ROOT)) for p in STUDENT_NOTEBOOKS]
_ALL_IDS = [str(p.relative_to(ROOT)) for p in ALL_NOTEBOOKS]


def _markdown(path):
    nb = nbformat.read(path, as_version=4)
    return [(i, c.source) for i, c in enumerate(nb.cells) if c.cell_type == "markdown"]


def _grade_id(cell):
    return cell.metadata["nbgrader"]["grade_id"]


def _source_nb(assignment):
    return nbformat.read(SOURCE / assignment / f"{notebook_name(assignment)}.ipynb", as_version=4)


# -------------------------------------------------------------------------------------------
# Student text speaks of the course only
# -------------------------------------------------------------------------------------------
# "seed" as the course's origin (its seed notes, material or code), not a random number generator's seed.
HISTORY = re.compile(r"\bseed\s+(?:notes?|material|text|code|version|course|notebooks?)\b"
                     r"|\bdrafts?\b|grew from|earlier version|how the hidden tests are (built|written)", re.IGNORECASE)


@pytest.mark.parametrize("path", STUDENT_NOTEBOOKS, ids=_IDS)
def test_student_text_has_no_development_history(path):
    """Does no cell or output a student reads mention seeds, drafts or how the course was made?"""
    found = [(where, m.group(0)) for where, text in texts(path) for m in HISTORY.finditer(text)]
    assert not found, f"{path.name}: development history in student text: {found}"


# -------------------------------------------------------------------------------------------
# One notation
# -------------------------------------------------------------------------------------------
# The residual is prediction minus truth everywhere (r = y_pred - y_true).
RESIDUAL_FLIPPED = [
    re.compile(r"\by_true\s*-\s*y_pred\b"),
    re.compile(r"\br(?:_\{?[\w,]+\}?)?\s*=\s*y(?:_\{?[\w,]+\}?)?\s*-\s*\\hat\{y\}"),
    re.compile(r"\br\s*=\s*y\s*-\s*y_?hat\b"),
]
# The indicator is written \mathbb{I}[...]; no blackboard or bold one.
OTHER_INDICATORS = re.compile(r"\\mathbb\{1\}|𝟙|\\mathbf\{1\}\s*[\[\{_]|\\mathbb\{1\}|\\mathds|\\boldsymbol\{1\}")


def _sources(path):
    return [(f"cell {i}", c.source) for i, c in enumerate(nbformat.read(path, as_version=4).cells)]


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=_ALL_IDS)
def test_one_residual_convention(path):
    """Is the residual always r = y_pred - y_true (prediction minus truth), never the other way round?"""
    found = [(where, m.group(0)) for where, text in _sources(path) for rx in RESIDUAL_FLIPPED
             for m in rx.finditer(text)]
    assert not found, f"{path.name}: residual written as truth minus prediction: {found}"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=_ALL_IDS)
def test_one_indicator_notation(path):
    r"""Is the indicator always \mathbb{I}[...], as in 00_start_here's table?"""
    found = [(f"cell {i}", m.group(0)) for i, text in _markdown(path) for m in OTHER_INDICATORS.finditer(text)]
    assert not found, f"{path.name}: another indicator notation: {found}"


def test_the_indicator_rule_catches_the_other_notations():
    """Would the indicator rule notice the notations it forbids (so that it can fail)?"""
    for text in (r"\mathbb{1}[m < 1]", "𝟙[m < 1]", r"\mathbf{1}[y = c]", r"\mathbf{1}_{y = c}"):
        assert OTHER_INDICATORS.search(text), text
    assert not OTHER_INDICATORS.search(r"\mathbb{I}[m < 1] + \mathbf{1}^\top \mathbf{x}")
    for text in ("r = y_true - y_pred", r"r_i = y_i - \hat{y}_i", r"r = y - \hat{y}"):
        assert any(rx.search(text) for rx in RESIDUAL_FLIPPED), text
    assert not any(rx.search(r"r_i = \hat{y}_i - y_i, r = y_pred - y_true") for rx in RESIDUAL_FLIPPED)


# -------------------------------------------------------------------------------------------
# Visible checks explain themselves
# -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", STUDENT_NOTEBOOKS, ids=_IDS)
def test_every_visible_assert_has_a_message(path):
    """Does every assert a student can see say what went wrong?"""
    nb = nbformat.read(path, as_version=4)
    bare = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or is_solution(cell):
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:  # IPython magics
            tree = ast.parse("\n".join(l for l in cell.source.splitlines() if not l.lstrip().startswith(("%", "!"))))
        bare += [f"cell {i} line {n.lineno}" for n in ast.walk(tree) if isinstance(n, ast.Assert) and n.msg is None]
    assert not bare, f"{path.name}: asserts without a message: {bare}"


EXECUTED = sorted([*SOLUTIONS.glob("*/*.ipynb"), *(ROOT / "notebooks").glob("*.ipynb")])


@pytest.mark.parametrize("path", EXECUTED, ids=[str(p.relative_to(ROOT)) for p in EXECUTED])
def test_visible_checks_print_measurements_not_bare_booleans(path):
    """Does no printed line end in a bare True or False instead of the measured value?"""
    lines = [(where, line) for where, text in texts(path) if "output" in where
             for line in text.splitlines() if re.search(r"\b(True|False)\s*$", line)]
    assert not lines, f"{path.name}: bare booleans printed: {lines}"


@pytest.mark.parametrize("path", EXECUTED, ids=[str(p.relative_to(ROOT)) for p in EXECUTED])
def test_figures_are_sharp_on_high_density_screens(path):
    """Does every notebook that draws figures ask for retina (or vector) output?"""
    nb = nbformat.read(path, as_version=4)
    draws = any("image/png" in out.get("data", {}) or "image/svg+xml" in out.get("data", {})
                for c in nb.cells for out in c.get("outputs", []))
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    if draws:
        assert re.search(r"figure_formats?\s*=\s*[\[\{(]?\s*['\"](retina|svg)", code) or \
            re.search(r"set_matplotlib_formats\(\s*['\"](retina|svg)", code), \
            f"{path.name} draws figures at the default 72-dpi PNG: set InlineBackend.figure_formats = ['retina']"


# -------------------------------------------------------------------------------------------
# One points policy, one warnings rule
# -------------------------------------------------------------------------------------------
def _functions(assignment):
    """Name -> argument names of every function a student writes."""
    found = {}
    for code in solution_code(assignment).values():
        for node in ast.parse(code).body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                found[node.name] = [a.arg for a in node.args.args]
    return found


def function_of(assignment, grade_id):
    """The function a graded cell belongs to: the longest function name its grade id starts with."""
    names = [f for f in _functions(assignment) if grade_id.startswith(f + "_")]
    return max(names, key=len) if names else None


# Cells that judge the training settings a student chose for a model (the capstone): they read the
# settings with check_settings and train with the grader's own reference trainer, so they belong to no function.
MODEL = "model_"


def _graded_cells(assignment):
    """The autograded test cells of the functions (answer checks and model cells excluded)."""
    return [c for c in _source_nb(assignment).cells if is_grade(c) and not is_solution(c)
            and not is_answer_check(_grade_id(c)) and not _grade_id(c).startswith(MODEL)]


def _model_cells(assignment):
    return [c for c in _source_nb(assignment).cells if is_grade(c) and not is_solution(c)
            and _grade_id(c).startswith(MODEL)]


def _compares_shapes(args):
    return len(args) >= 2 and args[0] == "y_true"


@pytest.mark.parametrize("assignment", assignments())
def test_points_follow_the_policy_of_00_start_here(assignment):
    """Values 3 (2 for a helper), edge cases 2, contract 1; every graded cell belongs to one function,
    and every function that takes y_true has a contract cell."""
    wrong, orphans = [], []
    functions = _functions(assignment)
    for cell in _graded_cells(assignment):
        gid, points = _grade_id(cell), cell.metadata["nbgrader"]["points"]
        fn = function_of(assignment, gid)
        if fn is None:
            orphans.append(gid)
            continue
        if gid.endswith("_values"):
            want = 3 if re.search(r"forward|backward", fn) or fn == "train" else 2
        elif gid.endswith("_contract"):
            want = 1
        else:
            want = 2
        if points != want:
            wrong.append(f"{gid}: {points} points, the policy gives {want}")
    assert not orphans, f"graded cells that belong to no function: {orphans}"
    assert not wrong, wrong
    graded = {_grade_id(c) for c in _graded_cells(assignment)}
    missing = [f for f, args in functions.items() if _compares_shapes(args) and f"{f}_contract" not in graded]
    assert not missing, f"functions without a contract cell: {missing}"
    assert all(f"{f}_values" in graded for f in functions), "every function has a values cell"
    for cell in _model_cells(assignment):
        assert cell.metadata["nbgrader"]["points"] == 2, f"{_grade_id(cell)}: a model cell is worth 2 points"
        assert _calls(HIDDEN.sub("", cell.source), "check_settings"), \
            f"{_grade_id(cell)}: a model cell reads the student's settings with a visible check_settings(label, NAME, budget)"


# Mutants that compute no loss at all (a constant, inf, 1e-300): they hold no mistake but the absence of the work, and
# 00_start_here says that "a function that returns a constant earns nothing" in the edge-case cells, so they may lose
# the values cell and the edge-case cells of one function; never its contract cell, which does not look at values.
NO_LOSS_COMPUTED = "no_loss_"


@pytest.mark.parametrize("assignment", assignments())
def test_one_mistake_costs_one_cell_of_a_function(assignment):
    """Does every mutant lose at most one cell of each function (a no_loss_ mutant: no contract cell; a function the
    mistake keeps from running at all, named in STOPS, any of its cells), and cells of a function it does not define
    only when that function calls one it does?"""
    code = solution_code(assignment)
    calls = {f: {g for g in _functions(assignment) if g != f and any(
        re.search(rf"def {f}\(", c) and re.search(rf"\b{g}\(", c) for c in code.values())}
        for f in _functions(assignment)}
    problems = []
    for entry in catalog(assignment):
        if entry.kind != "mutants":
            continue
        wrong_answers = {g for g in entry.fails if is_answer_check(g)}
        if wrong_answers and not entry.answers:
            problems.append(f"{entry.name}: loses answer checks {sorted(wrong_answers)} without changing an answer")
        models = {g for g in entry.fails if g.startswith(MODEL)}
        train_never_runs = "train" in entry.stops or (entry.name.startswith(NO_LOSS_COMPUTED) and "train" in entry.functions)
        if models and not entry.answers and not train_never_runs:
            problems.append(f"{entry.name}: loses model cells {sorted(models)}, which judge only the settings (found "
                            "with a train that runs), without changing them (ANSWERS) or keeping train from running")
        per_function = Counter(function_of(assignment, g) for g in entry.fails
                               if not is_answer_check(g) and not g.startswith(MODEL))
        for f in entry.stops:  # its cells cannot judge a function that never runs: they may all be lost
            if f in entry.functions or not calls.get(f, set()) & set(entry.functions):
                problems.append(f"{entry.name}: STOPS {f}, which it defines or which calls nothing it defines")
            per_function.pop(f, None)
        if entry.name.startswith(NO_LOSS_COMPUTED):
            problems += [f"{entry.name}: loses {g}, which does not look at values" for g in entry.fails
                         if g.endswith("_contract")]
        else:
            problems += [f"{entry.name}: loses {n} cells of {f}" for f, n in per_function.items() if n > 1]
        problems += [f"{entry.name}: loses a cell of {f}, which neither it defines nor calls what it defines"
                     for f in per_function if f not in entry.functions and not calls[f] & set(entry.functions)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("assignment", assignments())
def test_every_shape_check_has_a_mutant(assignment):
    """Does every function that takes (y_true, y_pred) have a mutant that broadcasts instead of refusing,
    and does that mutant lose exactly the function's contract cell?"""
    entries = {e.name: e for e in catalog(assignment)}
    problems = []
    for fn, args in _functions(assignment).items():
        if not _compares_shapes(args):
            continue
        entry = entries.get(f"{fn}_ignores_shapes")
        if entry is None:
            problems.append(f"no mutants/{fn}_ignores_shapes.py")
        elif entry.fails != {f"{fn}_contract"}:
            problems.append(f"{fn}_ignores_shapes fails {sorted(entry.fails)}, not just {fn}_contract")
    assert not problems, problems


WARNING_CHECKS = re.compile(r"catch_warnings\(\s*record|simplefilter\(\s*['\"](error|always)|errstate\([^)]*['\"](warn|raise)")


@pytest.mark.parametrize("assignment", assignments())
def test_no_graded_cell_charges_for_a_warning(assignment):
    """Warnings cost nothing (00_start_here): does no graded cell record warnings or turn them into errors?"""
    found = [_grade_id(c) for c in _graded_cells(assignment) if WARNING_CHECKS.search(c.source)]
    assert not found, f"graded cells that look at warnings: {found}"


@pytest.mark.parametrize("assignment", [a for a in assignments() if "eps" in "\n".join(solution_code(a).values())])
def test_every_allowed_epsilon_is_among_the_correct_versions(assignment):
    """Is the whole epsilon range of 00_start_here (1e-15 to 1e-6) graded as correct?"""
    texts = [e.path.read_text() for e in catalog(assignment) if e.kind == "correct"]
    for eps in ("1e-15", "1e-6"):
        assert any(re.search(rf"eps\w*\s*=\s*{re.escape(eps)}\b", t) for t in texts), \
            f"no correct version clips with eps = {eps}"


# -------------------------------------------------------------------------------------------
# Students derive: derivation tasks, checks of their results, questions; no closed form given away
# -------------------------------------------------------------------------------------------


def _calls(source, name):
    """(positional args, keyword args) of every call of ``name`` in ``source``, as Python values or names."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == name:
            value = lambda n: n.id if isinstance(n, ast.Name) else ast.literal_eval(n)  # noqa: E731
            found.append(([value(a) for a in node.args], {k.arg: value(k.value) for k in node.keywords}))
    return found


@pytest.mark.parametrize("assignment", assignments())
def test_every_assignment_asks_for_derivations(assignment):
    """At least two derivations (manually graded markdown answers, 2 to 4 points), each right after its
    locked prompt, whose rubric (a mark scheme region) gives the same points in steps."""
    cells = _source_nb(assignment).cells
    derivations = [i for i, c in enumerate(cells) if is_derivation(c)]
    assert len(derivations) >= 2, f"{assignment}: {len(derivations)} derivation tasks, at least 2 are required"
    for i in derivations:
        gid, points = _grade_id(cells[i]), cells[i].metadata["nbgrader"]["points"]
        assert gid.startswith("derivation_") and 2 <= points <= 4, (gid, points)
        prompt = cells[i - 1]
        assert prompt.cell_type == "markdown" and prompt.metadata.get("nbgrader", {}).get("locked") \
            and _grade_id(prompt) == f"{gid}_task", f"{gid}: the cell before it must be its locked prompt {gid}_task"
        rubric = MARK_SCHEME.search(prompt.source)
        assert rubric, f"{gid}_task has no rubric (=== BEGIN MARK SCHEME === ... === END MARK SCHEME ===)"
        steps = [float(x) for x in re.findall(r"\((\d+(?:\.\d+)?) points?\)", rubric.group(1))]
        assert len(steps) >= 2 and sum(steps) == points, \
            f"{gid}: the rubric's steps ({steps}, written '(1 point)') must add up to the cell's {points} points"
        assert "### BEGIN SOLUTION" in cells[i].source, f"{gid}: the model derivation goes between solution markers"


@pytest.mark.parametrize("assignment", assignments())
def test_rubrics_sit_only_in_locked_prompts(assignment):
    """A mark scheme anywhere else would not come back in the autograded notebook that formgrader shows."""
    misplaced = [_grade_id(c) if "nbgrader" in c.metadata else f"cell {i}"
                 for i, c in enumerate(_source_nb(assignment).cells) if "MARK SCHEME" in c.source
                 and not (c.cell_type == "markdown" and c.metadata.get("nbgrader", {}).get("locked")
                          and _grade_id(c).endswith("_task"))]
    assert not misplaced, misplaced


@pytest.mark.parametrize("assignment", assignments())
def test_derivation_checks_and_questions(assignment):
    """At least two derivation checks (a number; the visible check carries the digest of the hidden
    expected value) and two questions (a number or a choice, expected value hidden), 1 point each."""
    from coursekit.losscheck import answer_digest

    checks = {"derivation_check_": [], "question_": []}
    for cell in _source_nb(assignment).cells:
        if not (is_grade(cell) and not is_solution(cell) and is_answer_check(_grade_id(cell))):
            continue
        gid = _grade_id(cell)
        checks["question_" if gid.startswith("question_") else "derivation_check_"].append(gid)
        assert cell.metadata["nbgrader"]["points"] == 1, f"{gid}: an answer check is worth 1 point"
        hidden = "\n".join(HIDDEN.findall(cell.source))
        visible = HIDDEN.sub("", cell.source)
        kind = "check_choice" if "check_choice" in cell.source else "check_answer"
        shown, graded = _calls(visible, kind), _calls(hidden, kind)
        assert shown and graded, f"{gid}: a visible {kind} and a hidden one with expected=..."
        assert all("expected" not in kw for _, kw in shown), f"{gid}: the expected answer is visible"
        assert all("expected" in kw for _, kw in graded), f"{gid}: the hidden check needs expected=..."
        if gid.startswith("derivation_check_"):
            (label, _), kw = shown[0][0][:2], shown[0][1]
            assert kind == "check_answer" and "digest" in kw, f"{gid}: a derivation check shows a digest"
            expected = graded[0][1]["expected"]
            assert kw["digest"] == answer_digest(label, expected), \
                f"{gid}: the digest is not that of the hidden expected value {expected} (label {label!r})"
    for kind, found in checks.items():
        assert len(found) >= 2, f"{assignment}: {found}: at least two {kind}* cells are required"


@pytest.mark.parametrize("assignment", assignments())
def test_release_states_no_closed_form_that_a_task_asks_for(assignment):
    """Does the released notebook (cells, outputs, and the checker beside it) leave out every closed form
    listed in tests/catalog/<assignment>/closed_forms.txt, in every spelling (whitespace ignored)?"""
    forms = closed_forms(assignment)
    assert len(forms) >= 6, f"{assignment}: list the closed forms a task asks for, in LaTeX and code spellings"
    release = [*texts(RELEASE / assignment / f"{notebook_name(assignment)}.ipynb"),
               ("losscheck.py", (RELEASE / assignment / "losscheck.py").read_text())]
    found = [(where, form) for form in forms for where, text in release if squeezed(form) in squeezed(text)]
    assert not found, f"{assignment}: the release gives away {found}"
    # The guard can fail: most of what it forbids is written in the instructor's copy.
    source = squeezed("\n".join(text for _, text in texts(SOURCE / assignment / f"{notebook_name(assignment)}.ipynb")))
    present = [f for f in forms if squeezed(f) in source]
    assert len(present) >= len(forms) / 2, \
        f"{assignment}: most closed forms listed should appear in source/ (found {present})"


@pytest.mark.parametrize("assignment", assignments())
def test_catalog_grades_answers_both_ways(assignment):
    """A mutant gives wrong answers and loses exactly the answer checks; a correct entry writes them otherwise."""
    cells = {_grade_id(c) for c in _source_nb(assignment).cells if is_grade(c) and is_answer_check(_grade_id(c))}
    entries = catalog(assignment)
    assert any(e.kind == "mutants" and e.answers and e.fails == cells and not e.functions for e in entries), \
        f"{assignment}: no mutant with wrong ANSWERS that loses exactly {sorted(cells)}"
    assert any(e.kind == "correct" and e.answers for e in entries), f"{assignment}: no correct entry with ANSWERS"
