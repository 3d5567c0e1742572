"""nbgrader's Execute preprocessor, made to survive a dying kernel.

When the kernel process dies during a cell (a segfault in C code, the
out-of-memory killer), nbclient raises DeadKernelError and nbgrader throws
the whole notebook away.  ``ResilientExecute`` instead records the death as
that cell's error, starts a fresh kernel, silently re-runs the earlier cells
that are not graded tests (imports, the student's functions, the checks), and
goes on with the next cell, so every cell that can still be graded is.

It also starts each notebook's kernel ahead of time.  While one notebook runs,
the kernel for the next one is already starting in an empty folder and
importing the modules the instructor's locked cells import (numpy,
matplotlib.pyplot, ...), so most of a kernel's start-up overlaps the grading of
the notebook before.  When the next notebook comes, that kernel moves into the
notebook's folder (which goes last on sys.path, as kernel_guard.py does) and
runs it.  Every notebook still gets a kernel of its own: nothing a student's
code does can reach the next student.

Cells tagged ``skip-when-grading`` (figures, timings, comparisons with other
libraries: most of a notebook's run time, and never graded) are not run; they
get a one-line note instead.  Only locked, ungraded cells whose source is the
instructor's are skipped, so a tag a student adds to another cell changes
nothing, except to skip one of the instructor's own demonstrations.
"""
import ast
import atexit
import copy
import os
import shutil
import tempfile

from jupyter_core.utils import ensure_async, run_sync
from nbclient.exceptions import DeadKernelError
from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute
from traitlets import Bool

# Moves a kernel started in the spare folder into the notebook's folder; runs silently,
# in a namespace of its own, so the notebook sees no new names.
ENTER_FOLDER = """exec({code!r}, {{}})"""
_ENTER_BODY = """import os, sys
spare, folder = os.getcwd(), {folder!r}
os.chdir(folder)
sys.path[:] = [p for p in sys.path if p not in ("", ".", spare, folder)] + [folder]
"""

SKIP_TAG = "skip-when-grading"
SKIPPED_NOTE = "Not run by the autograder: this cell draws a figure or runs a demonstration, which is not graded.\n"

_spare = {"km": None, "folder": None}  # the kernel started ahead for the next notebook


def instructor_imports(nb, skipped=()):
    """Modules imported at the top level of the notebook's locked cells that will run.

    nbgrader restores locked cells from source/ before execution, so these are
    the instructor's imports, never a student's.
    """
    names = set()
    for index, cell in enumerate(nb.cells):
        if (cell.cell_type != "code" or not cell.metadata.get("nbgrader", {}).get("locked")
                or index in skipped):
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:  # IPython magics
            continue
        for node in tree.body:
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
    return sorted(names)


def cells_to_skip(nb, resources):
    """Indices of the cells tagged SKIP_TAG that are locked, ungraded and unchanged in the gradebook."""
    nbg = (resources or {}).get("nbgrader", {})
    if not {"db_url", "assignment", "notebook"} <= set(nbg):
        return set()
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(nbg["db_url"]) as gb:
        try:
            master = gb.find_notebook(nbg["notebook"], nbg["assignment"])
        except MissingEntry:
            return set()
        graded = {c.name for c in master.grade_cells} | {c.name for c in master.solution_cells}
        demos = {c.name: c.source for c in master.source_cells
                 if c.locked and c.cell_type == "code" and c.name not in graded}
    return {i for i, cell in enumerate(nb.cells)
            if cell.cell_type == "code" and SKIP_TAG in cell.metadata.get("tags", [])
            and demos.get(cell.metadata.get("nbgrader", {}).get("grade_id")) == cell.source}


def _spare_folder():
    if _spare["folder"] is None:
        _spare["folder"] = tempfile.mkdtemp(prefix="coursekit-spare-kernel-")
    return _spare["folder"]


async def _discard(km):
    try:
        if await ensure_async(km.is_alive()):
            await ensure_async(km.shutdown_kernel(now=True))
    finally:
        await ensure_async(km.cleanup_resources())


@atexit.register
def _discard_spare():
    km, _spare["km"] = _spare["km"], None
    if km is not None:
        run_sync(_discard)(km)
    if _spare["folder"] is not None:
        shutil.rmtree(_spare["folder"], ignore_errors=True)


def _is_test_cell(cell):
    nbg = cell.metadata.get("nbgrader", {})
    return bool(nbg.get("grade")) and not nbg.get("solution")


class ResilientExecute(Execute):
    """Execute, but a kernel death fails one cell instead of the notebook, the next
    notebook's kernel starts while this one runs, and tagged demonstrations are skipped."""

    warm_start = Bool(True, help="Start the next notebook's kernel while this notebook runs.").tag(config=True)

    def preprocess(self, nb, resources=None, km=None):
        self._dead_cells = set()
        self._enter_folder = None
        self._skipped = cells_to_skip(nb, resources)
        return super().preprocess(nb, resources, km)

    async def async_start_new_kernel(self, **kwargs):
        """Take the kernel started ahead if there is one, and start the next one."""
        if not self.warm_start:
            return await super().async_start_new_kernel(**kwargs)
        folder = kwargs.get("cwd") or self.resources.get("metadata", {}).get("path") or os.getcwd()
        spare, _spare["km"] = _spare["km"], None
        if (spare is not None and spare.kernel_name == self.km.kernel_name
                and await ensure_async(spare.is_alive())):
            self.km = spare
            self._enter_folder = os.path.abspath(folder)
        else:
            if spare is not None:
                await _discard(spare)
            await super().async_start_new_kernel(**kwargs)
        _spare["km"] = await self._start_spare()

    async def _start_spare(self):
        km = self.kernel_manager_class(kernel_name=self.km.kernel_name, config=self.config)
        env = {**os.environ, "COURSEKIT_PRELOAD": ",".join(instructor_imports(self.nb, self._skipped))}
        await ensure_async(km.start_kernel(extra_arguments=self.extra_arguments, cwd=_spare_folder(), env=env))
        return km

    start_new_kernel = run_sync(async_start_new_kernel)

    async def async_start_new_kernel_client(self):
        kc = await super().async_start_new_kernel_client()
        folder, self._enter_folder = self._enter_folder, None
        if folder is not None:
            code = ENTER_FOLDER.format(code=_ENTER_BODY.format(folder=folder))
            reply = await self.async_wait_for_reply(kc.execute(code, silent=True, store_history=False))
            if reply is None or reply["content"]["status"] != "ok":
                raise RuntimeError(f"could not move the warm kernel into {folder}: {reply}")
        return kc

    start_new_kernel_client = run_sync(async_start_new_kernel_client)

    def preprocess_cell(self, cell, resources, index):
        if index in self._skipped:
            cell.outputs = [new_output("stream", name="stdout", text=SKIPPED_NOTE)]
            cell.execution_count = None
            return cell, resources
        try:
            return super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self.log.warning("The kernel died in cell %d; restarting it and re-running the cells before", index)
            self._dead_cells.add(index)
            cell.outputs.append(new_output(
                "error", ename="KernelDied",
                evalue="the Python process died while this cell ran (a crash in C code, or out of memory)",
                traceback=[]))
            self._restart_and_replay(index)
            return cell, self.resources

    def _restart_and_replay(self, index):
        """A fresh kernel with the state of the cells before ``index`` (those that did not crash)."""
        while True:
            self._cleanup_kernel()
            self.km = self.create_kernel_manager()
            self.start_new_kernel()
            self.start_new_kernel_client()
            replay = [i for i, c in enumerate(self.nb.cells[:index]) if c.cell_type == "code"
                      and not _is_test_cell(c) and i not in self._dead_cells | self._skipped]
            try:
                for i in replay:
                    super().preprocess_cell(copy.deepcopy(self.nb.cells[i]), self.resources, i)
                return
            except DeadKernelError:
                self._dead_cells.add(i)  # it crashes on its own: leave it out and start again
