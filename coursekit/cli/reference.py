"""The course's reference losses as one module, for the assignment that trains models with them.

``08_training`` ships ``losses.py``: every function that the solution cells of
the assignments before it define (with the locked helpers they call), taken
from their source notebooks, so that the module is the solutions students
were graded against and is never written twice.  ``python -m coursekit
regenerate`` writes it into the assignment's source folder, from where nbgrader
releases it; ``tests/test_generated.py`` fails while it is stale.
"""
import ast

import nbformat

from .. import SOURCE, assignments, notebook_name

SHIPS = {"08_training": "losses.py"}  # assignment -> the module of the earlier assignments' reference losses

MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")


def _code_cells(assignment):
    """(source, parsed body) of the code cells that define the reference, solution markers removed: solution
    cells with a function, and the locked helper cells (imports and functions only) they may call."""
    nb = nbformat.read(SOURCE / assignment / f"{notebook_name(assignment)}.ipynb", as_version=4)
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or meta.get("grade"):
            continue
        source = "\n".join(l for l in cell.source.splitlines() if l.strip() not in MARKERS)
        try:
            body = ast.parse(source).body
        except SyntaxError:  # IPython magics: not a helper
            continue
        defines = any(isinstance(n, ast.FunctionDef) for n in body)
        helper = bool(body) and all(isinstance(n, (ast.Import, ast.ImportFrom, ast.FunctionDef)) for n in body)
        if defines and (meta.get("solution") or (meta.get("locked") and helper)):
            yield source, body


def revealed(assignment):
    """The assignments whose reference solutions ``assignment`` gives to students (none for most)."""
    return [a for a in assignments() if a < assignment] if assignment in SHIPS else []


def module_text(assignment):
    """The text of the reference module that ``assignment`` ships."""
    earlier = revealed(assignment)
    imports, sections = ["import numpy as np"], []
    for a in earlier:
        functions = []
        for source, body in _code_cells(a):
            for node in body:
                if isinstance(node, (ast.Import, ast.ImportFrom)) and "losscheck" not in ast.unparse(node):
                    imports.append(ast.unparse(node))
                elif isinstance(node, ast.FunctionDef):
                    functions.append(ast.get_source_segment(source, node))
        sections.append(f"# {'-' * 76}\n# {a}\n# {'-' * 76}\n\n" + "\n\n\n".join(functions))
    header = (f'"""The course\'s reference loss functions: assignments {earlier[0][:2]} to {earlier[-1][:2]}.\n\n'
              "Every function here is the reference solution of the assignment named above it, with the\n"
              "docstring you worked from.  Import what you need: ``from losses import softmax_cross_entropy_forward``.\n\n"
              "Generated from the course's source notebooks, with every change to them: do not edit.\n"
              '"""\n')
    return header + "\n".join(dict.fromkeys(imports)) + "\n\n\n" + "\n\n\n".join(sections) + "\n"


def write_modules():
    """Write the reference module of every assignment that ships one; return those whose text changed."""
    changed = []
    for assignment, filename in SHIPS.items():
        folder = SOURCE / assignment
        if folder.is_dir():
            path, text = folder / filename, module_text(assignment)
            if not path.exists() or path.read_text() != text:
                path.write_text(text)
                changed.append(assignment)
    return changed
