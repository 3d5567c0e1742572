"""The student bundle: what an instructor hands to students, and nothing else.

    python -m coursekit bundle                          # every assignment, into dist/
    python -m coursekit bundle 01_binary_cross_entropy  # only these assignments (one a week)
    python -m coursekit bundle --out DIR

writes ``DIR/loss-functions-from-scratch/`` and ``DIR/loss-functions-from-scratch.zip`` holding:

- the picked assignments, as nbgrader released them (``release/<assignment>/``, each with its losscheck.py);
- the ungraded notebooks of ``notebooks/``, stored executed, with a ``losscheck.py`` beside them;
- the course's JupyterLab settings (``jupyter_lab_config.py``: the README's command starts JupyterLab with them);
- a student README (how to set up, work and submit) and a student requirements file: the pins of
  requirements.txt that the notebooks, JupyterLab and nbgrader's Validate button and Assignments tab need.

Nothing from source/, solutions/, tests/ or coursekit/ goes in, but the checker (losscheck.py).
Links are copied as the files they point to.
"""
import re
import shutil
import tempfile
from importlib import metadata
from pathlib import Path

from .. import RELEASE, ROOT, assignments as all_assignments, notebook_name
from .reference import revealed

NAME = "loss-functions-from-scratch"
NOTEBOOKS = ("00_start_here.ipynb", "loss_gallery.ipynb")
# What students install: the notebooks' imports, JupyterLab, and nbgrader (Validate, the Assignments tab).
STUDENT_PACKAGES = ("numpy", "matplotlib", "scipy", "scikit-learn", "jupyterlab", "nbgrader")
README_TEMPLATE = Path(__file__).with_name("student_readme.md")


def _canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pins_of(text):
    """Canonical name -> version of every ``name==version`` line of requirements (or ``pip freeze``) text."""
    pins = {}
    for line in text.splitlines():
        m = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", line.strip())
        if m:
            pins[_canonical(m.group(1))] = m.group(2)
    return pins


def student_requirements(requirements=ROOT / "requirements.txt"):
    """The pins of ``requirements`` that STUDENT_PACKAGES need on this platform: those packages and, from the
    installed distributions' metadata, everything they require, with the extras they ask for
    (``bleach[css]`` brings tinycss2), as requirements-file text."""
    from packaging.requirements import Requirement

    pins = pins_of(Path(requirements).read_text())
    seen, todo = set(), [(name, frozenset()) for name in STUDENT_PACKAGES]
    while todo:
        name, extras = todo.pop()
        name = _canonical(name)
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        for spec in metadata.requires(name) or []:
            req = Requirement(spec)
            if req.marker is None or any(req.marker.evaluate({"extra": e}) for e in ("", *extras)):
                todo.append((req.name, frozenset(req.extras)))
    needed = {name for name, _ in seen}
    missing = [n for n in STUDENT_PACKAGES if _canonical(n) not in pins]
    if missing:
        raise ValueError(f"{requirements} pins none of {missing}")
    lines = sorted((f"{n}=={pins[n]}" for n in needed if n in pins), key=str.lower)  # setuptools is left to pip
    return ("# Exact pins of what the course's notebooks need: " + ", ".join(STUDENT_PACKAGES)
            + ", and what they pull in on Linux\n# (pip adds a few platform packages on Windows and macOS). "
            "Tested with Python 3.11. See README.md to install.\n" + "\n".join(lines) + "\n")


def student_readme(picked):
    """The bundle's README for the assignments ``picked``."""
    rows = "\n".join(f"| `{a}/` | `{a}/{notebook_name(a)}.ipynb` |" for a in picked)
    return README_TEMPLATE.read_text().replace("{assignments}", rows)


def build(picked=None, out=ROOT / "dist"):
    """Write the bundle folder and its zip under ``out``; returns (folder, zip path)."""
    everything = all_assignments()
    picked = list(picked or everything)
    unknown = [a for a in picked if a not in everything]
    if unknown:
        raise ValueError(f"no such assignment: {', '.join(unknown)} (there are {', '.join(everything)})")
    picked = [a for a in everything if a in picked]  # course order, each once
    for a in picked:
        missing = [earlier for earlier in revealed(a) if earlier not in picked]
        if missing:
            raise ValueError(f"{a} ships the reference solutions of the assignments before it: bundle it only with "
                             f"all of them, once their deadlines have passed (missing: {', '.join(missing)})")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    folder, archive = out / NAME, out / f"{NAME}.zip"
    with tempfile.TemporaryDirectory(prefix=".bundle-", dir=out) as tmp:
        stage = Path(tmp) / NAME
        stage.mkdir()
        for a in picked:
            shutil.copytree(RELEASE / a, stage / a, symlinks=False,
                            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        for nb in NOTEBOOKS:
            shutil.copy(ROOT / "notebooks" / nb, stage / nb)
        shutil.copy(ROOT / "coursekit" / "losscheck.py", stage / "losscheck.py")
        shutil.copy(ROOT / "jupyter_lab_config.py", stage / "jupyter_lab_config.py")
        (stage / "README.md").write_text(student_readme(picked))
        (stage / "requirements.txt").write_text(student_requirements())
        made = shutil.make_archive(str(Path(tmp) / NAME), "zip", root_dir=tmp, base_dir=NAME)
        if folder.exists():
            shutil.rmtree(folder)
        shutil.move(stage, folder)
        shutil.move(made, archive)
    return folder, archive
