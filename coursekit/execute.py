"""nbgrader's Execute preprocessor, made to survive a dying kernel.

When the kernel process dies during a cell (a segfault in C code, the
out-of-memory killer), nbclient raises DeadKernelError and nbgrader throws
the whole notebook away.  ``ResilientExecute`` instead records the death as
that cell's error, starts a fresh kernel, silently re-runs the earlier cells
that are not graded tests (imports, the student's functions, the checks), and
goes on with the next cell, so every cell that can still be graded is.
"""
import copy

from nbclient.exceptions import DeadKernelError
from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute


def _is_test_cell(cell):
    nbg = cell.metadata.get("nbgrader", {})
    return bool(nbg.get("grade")) and not nbg.get("solution")


class ResilientExecute(Execute):
    """Execute, but a kernel death fails one cell instead of the notebook."""

    def preprocess(self, nb, resources=None, km=None):
        self._dead_cells = set()
        return super().preprocess(nb, resources, km)

    def preprocess_cell(self, cell, resources, index):
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
            replay = [i for i, c in enumerate(self.nb.cells[:index])
                      if c.cell_type == "code" and not _is_test_cell(c) and i not in self._dead_cells]
            try:
                for i in replay:
                    super().preprocess_cell(copy.deepcopy(self.nb.cells[i]), self.resources, i)
                return
            except DeadKernelError:
                self._dead_cells.add(i)  # it crashes on its own: leave it out and start again
