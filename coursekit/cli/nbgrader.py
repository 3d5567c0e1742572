"""Run the real nbgrader command line in a course directory."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .. import ROOT


def nbgrader_env():
    """The environment for nbgrader: this interpreter's bin/ first on PATH.

    nbgrader shells out to ``alembic`` and starts kernels with ``python``;
    both must come from the same virtual environment as nbgrader itself.
    """
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return env


def run_nbgrader(course_dir, *args, check=True, env=None):
    """``nbgrader ARGS`` in ``course_dir``; with ``check``, raises with nbgrader's log on failure.

    ``env`` adds environment variables for nbgrader and the kernels it starts.
    """
    proc = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course_dir,
                          env={**nbgrader_env(), **(env or {})}, capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed ({proc.returncode}):\n"
                           f"{proc.stdout[-4000:]}\n{proc.stderr[-8000:]}")
    return proc


def new_course_dir(path, assignments):
    """A scratch course directory at ``path`` with the config and these assignments' sources.

    The config imports the installed coursekit; links in source/ (the shared
    losscheck.py) are copied as files.
    """
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "nbgrader_config.py", path / "nbgrader_config.py")
    for a in assignments:
        shutil.copytree(ROOT / "source" / a, path / "source" / a, symlinks=False,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    return path
