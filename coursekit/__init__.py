"""Course tooling for Loss Functions from Scratch.

- ``python -m coursekit regenerate``: rebuild release/ and solutions/ from source/.
- ``losscheck``: the checker module shipped next to every assignment notebook.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source"
RELEASE = ROOT / "release"
SOLUTIONS = ROOT / "solutions"


def assignments():
    """Names of the assignments in source/, in course order."""
    return sorted(p.name for p in SOURCE.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def notebook_name(assignment):
    """The single notebook of an assignment (its file name without .ipynb)."""
    (nb,) = sorted((SOURCE / assignment).glob("*.ipynb"))
    return nb.stem
