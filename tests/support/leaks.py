"""What students must never be given, and how to look for it in what they are given.

- a *secret line*: a line of the instructor's solution, hidden-test or mark-scheme regions that the
  source notebook does not also show in its visible parts;
- a *closed form*: a result that a derivation task asks for (tests/catalog/<assignment>/closed_forms.txt);
- a *graded function with a body*: a definition of a function that a solution cell defines, other than a stub.

Files given to students are scanned line by line; an HTML page (feedback) is scanned as words
(page_leaks), since syntax highlighting splits a line of code into many elements.
"""
import ast
import html
import io
import re
import textwrap
import tokenize
from pathlib import Path

import nbformat

from coursekit import ROOT, assignments
from coursekit.cli.reference import revealed
from support.catalog import CATALOG, HIDDEN, MARK_SCHEME, SOLUTION, solution_code, source_notebook

MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "MARK SCHEME")


def texts(path):
    """(where, text) for every piece of text a reader of ``path`` meets.

    A notebook gives its cell sources and text outputs (plain, HTML, LaTeX, Markdown); another file, its text.
    """
    path = Path(path)
    if path.suffix != ".ipynb":
        yield path.name, path.read_text()
        return
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        yield f"cell {i}", cell.source
        for out in cell.get("outputs", []):
            pieces = [out.get("text", "")] + [out.get("data", {}).get(kind, "")
                                              for kind in ("text/plain", "text/html", "text/latex", "text/markdown")]
            yield f"cell {i} output", "".join(p if isinstance(p, str) else "".join(p) for p in pieces)


def squeezed(text):
    """``text`` without whitespace, so that a closed form is found however it is spaced."""
    return "".join(text.split())


def closed_forms(assignment):
    """The spellings, LaTeX and code, of the results that the assignment's derivation tasks ask for."""
    path = CATALOG / assignment / "closed_forms.txt"
    return [l.strip() for l in path.read_text().splitlines() if l.strip() and not l.startswith("#")]


def meaningful_lines(text):
    """Lines of at least 8 characters that are not comments, stripped."""
    return {l.strip() for l in text.splitlines() if len(l.strip()) >= 8 and not l.strip().startswith("#")}


def secret_lines(assignment):
    """The lines of the source's solution, hidden-test and mark-scheme regions that it shows nowhere else."""
    secret, shown = set(), set()
    for cell in source_notebook(assignment).cells:
        regions = SOLUTION.findall(cell.source) + HIDDEN.findall(cell.source) + MARK_SCHEME.findall(cell.source)
        for region in regions:
            secret |= meaningful_lines(region)
        visible = cell.source
        for rx in (SOLUTION, HIDDEN, MARK_SCHEME):
            visible = rx.sub("", visible)
        shown |= meaningful_lines(visible)
    return secret - shown


def graded_functions(assignment):
    """Names of the functions that the assignment's solution cells define."""
    return {node.name for code in solution_code(assignment).values()
            for node in ast.walk(ast.parse(code)) if isinstance(node, ast.FunctionDef)}


def _is_stub(body):
    """What a release gives: a docstring, constants (``eps = 1e-12``), then ``raise NotImplementedError``."""
    rest = body[1:] if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) else body
    constant = lambda s: isinstance(s, ast.Assign) and isinstance(s.value, ast.Constant)  # noqa: E731
    raises = lambda s: isinstance(s, ast.Raise) and "NotImplementedError" in ast.unparse(s)  # noqa: E731
    return bool(rest) and raises(rest[-1]) and all(constant(s) for s in rest[:-1])


def _python(code):
    """Cell code with IPython's magics and shell escapes left out, so that ast can parse it."""
    return "\n".join("" if l.lstrip().startswith(("%", "!")) else l for l in code.splitlines())


def graded_definitions(code, names):
    """The names of ``names`` that ``code`` defines with a body: a def other than a stub, a lambda or
    other value bound to the name, or an import under the name."""
    found = []
    for node in ast.walk(ast.parse(_python(code))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in names and not _is_stub(node.body):
            found.append(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            found += [t.id for t in targets if isinstance(t, ast.Name) and t.id in names]
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            found += [a.asname or a.name for a in node.names if (a.asname or a.name) in names]
    return found


def code_of(path):
    """(where, code) for the Python code of a notebook's code cells, or of a .py file."""
    path = Path(path)
    if path.suffix == ".py":
        return [(path.name, path.read_text())]
    if path.suffix == ".ipynb":
        nb = nbformat.read(path, as_version=4)
        return [(f"cell {i}", c.source) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    return []


def leaks(paths, assignment=None):
    """Everything of the above found in ``paths``: a list of (file, where, what) triples.

    Secret lines are those of ``assignment``, or of every assignment when it is None; lines that the
    course's checker (losscheck.py, shipped to students) also has are not secret.  The files of an
    assignment that ships the earlier assignments' reference solutions (``reference.revealed``: the
    capstone, released after their deadlines) may show those assignments' secrets, never their own.
    """
    every = assignments()
    shipped = meaningful_lines((ROOT / "coursekit" / "losscheck.py").read_text())
    kept = [a for a in every if a not in revealed(assignment)] if assignment else every
    secrets = {line for a in ([assignment] if assignment else every) for line in secret_lines(a)} - shipped
    forms = {f: squeezed(f) for a in kept for f in closed_forms(a)}
    graded = set().union(*(graded_functions(a) for a in kept))
    found = []
    for path in map(Path, paths):
        for where, text in texts(path):
            found += [(path.name, where, f"marker {m!r}") for m in MARKERS if m in text]
            lines = {l.strip() for l in text.splitlines()}
            found += [(path.name, where, f"secret line {l!r}") for l in sorted(secrets & lines)]
            flat = squeezed(text)
            found += [(path.name, where, f"closed form {f!r}") for f, s in forms.items() if s in flat]
        for where, code in code_of(path):
            found += [(path.name, where, f"defines {n}") for n in graded_definitions(code, graded)]
    return found


def text_files(folder):
    """Every file under ``folder`` that is read as text: notebooks, Python, Markdown, requirements."""
    return sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.suffix in (".ipynb", ".py", ".md", ".txt"))


def words(text):
    """``text`` as its words and numbers only, one space apart: what a reader sees of it, whatever the
    markup (syntax highlighting splits a code line into many spans, markdown drops its ``**``)."""
    return " ".join(re.findall(r"\w+", text))


def code_pieces(code):
    """The pieces of each line of Python ``code`` between its string literals: a hidden test's code without
    the messages that its checks show in feedback by design."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(textwrap.dedent(code)).readline))
    except (tokenize.TokenError, SyntaxError):
        return re.split(r"(?:'[^']*'|\"[^\"]*\"|\n)", code)
    pieces, current, row = [], [], None
    for tok in tokens:
        if tok.type == tokenize.STRING or tok.start[0] != row:
            pieces.append(" ".join(current))
            current, row = [], tok.start[0]
        if tok.type != tokenize.STRING:
            current.append(tok.string)
    return [*pieces, " ".join(current)]


def _region_lines(pattern, nb, min_words=3, split=str.splitlines):
    """The lines (as words; or other pieces, by ``split``) inside ``pattern``'s regions of ``nb`` that
    appear nowhere outside them."""
    inside = {words(l) for cell in nb.cells for region in pattern.findall(cell.source) for l in split(region)}
    outside = f" {words(' '.join(pattern.sub(' ', cell.source) for cell in nb.cells))} "
    return {l for l in inside if len(l.split()) >= min_words and f" {l} " not in outside}


def page_secrets(assignment):
    """kind -> the lines a student must never see on a page: the source's hidden tests (their code: the messages
    of their checks are feedback) and rubrics."""
    nb = source_notebook(assignment)
    return {"hidden test": _region_lines(HIDDEN, nb, split=code_pieces), "rubric": _region_lines(MARK_SCHEME, nb)}


def page_leaks(page, assignment, submitted=None):
    """kind -> the secret lines of ``assignment`` that an HTML page shows (as words, tags left out).

    A line that the ``submitted`` notebook (the student's own, which feedback shows) also has is the
    student's text, not a leak: a student may well write ``2.0 * r / n_rows`` as a hidden test computes it.
    """
    text = f" {words(html.unescape(re.sub(r'<[^>]+>', ' ', page)))} "
    own = f" {words(' '.join(c.source for c in submitted.cells))} " if submitted is not None else ""
    found = {kind: sorted(l for l in lines if f" {l} " in text and f" {l} " not in own)
             for kind, lines in page_secrets(assignment).items()}
    return {kind: lines for kind, lines in found.items() if lines}


def as_html(nb):
    """A notebook rendered as nbconvert renders feedback: highlighted code, rendered markdown."""
    from nbconvert import HTMLExporter

    return HTMLExporter().from_notebook_node(nb)[0]
