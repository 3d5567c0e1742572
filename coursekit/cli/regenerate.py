"""Regenerate release/ and solutions/ from source/ with the real nbgrader.

    python -m coursekit regenerate            # every assignment
    python -m coursekit regenerate 01_binary_cross_entropy

Generation runs in scratch course directories, so no gradebook.db is left in
the repository.  Execution timestamps are stripped, so an unchanged source
regenerates to byte-identical files, and consecutive stream outputs are
merged: the kernel flushes stdout on a timer, so one ``print`` may arrive in one
chunk or in two.
"""
import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat

from .. import RELEASE, SOLUTIONS, assignments as all_assignments
from .nbgrader import new_course_dir, run_nbgrader
from .reference import write_modules


def strip_volatile(nb):
    """Drop what changes from run to run: execution timestamps and stream chunking."""
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        merged = []
        for out in cell.get("outputs", []):
            previous = merged[-1] if merged else None
            if (out.output_type == "stream" and previous is not None
                    and previous.output_type == "stream" and previous.name == out.name):
                previous.text += out.text
            else:
                merged.append(out)
        if "outputs" in cell:
            cell.outputs = merged
    return nb


def _generate_one(assignment, scratch):
    """generate_assignment and generate_solution for one assignment, in a course of its own."""
    course = new_course_dir(Path(scratch) / assignment, [assignment])
    run_nbgrader(course, "generate_assignment", assignment, "--force")
    run_nbgrader(course, "generate_solution", assignment, "--force")
    return course


def generate(assignments, out_dir):
    """Generate release/ and solutions/ for ``assignments`` under ``out_dir``.

    Each assignment is generated in a scratch course of its own, one per core at a time.
    """
    out_dir = Path(out_dir)
    with tempfile.TemporaryDirectory(prefix="lfs-generate-") as tmp, \
            ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:
        courses = dict(zip(assignments, pool.map(lambda a: _generate_one(a, tmp), assignments)))
        for kind in ("release", "solutions"):
            for a in assignments:
                dest = out_dir / kind / a
                if dest.exists():
                    shutil.rmtree(dest)
                shutil.copytree(courses[a] / kind / a, dest,
                                ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
                for path in dest.glob("*.ipynb"):
                    nb = strip_volatile(nbformat.read(path, as_version=4))
                    nbformat.write(nb, path)
    return out_dir


def regenerate(assignments=None):
    """Rewrite release/ and solutions/ in the repository, after the reference module that an assignment
    ships (``reference.SHIPS``); an assignment whose module changed is regenerated too."""
    assignments = list(assignments or all_assignments())
    assignments += [a for a in write_modules() if a not in assignments]
    with tempfile.TemporaryDirectory(prefix="lfs-out-") as out:
        generate(assignments, out)
        for kind, target in (("release", RELEASE), ("solutions", SOLUTIONS)):
            for a in assignments:
                if (target / a).exists():
                    shutil.rmtree(target / a)
                shutil.copytree(Path(out) / kind / a, target / a)
    return assignments
