"""Loaded by every pytest run in this repository, whatever it collects (tests/, solutions/, notebooks/ or one notebook).

pytest.ini runs tests under xdist; nbval needs a notebook's cells in order, in one kernel, so each
notebook's cells go to one worker.
"""
import os
import sys
from pathlib import Path

import pytest

# nbgrader runs `alembic`, and the tests start `nbgrader`, `jupyter` and kernels, from PATH: this interpreter's
# bin/ goes first, so that `.venv/bin/python -m pytest` works without activating the virtual environment.
os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Run all cells of one notebook in one xdist worker (nbval needs them in order)."""
    for item in items:
        if type(item).__name__ == "IPyNbCell":
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))
