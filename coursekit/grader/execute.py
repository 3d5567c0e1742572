"""nbgrader's Execute step for the course: sandboxed kernels, and verdicts decided outside them.

``SandboxedExecute`` replaces nbgrader's ``Execute`` in the autograde pipeline
(``nbgrader_config.py``), so ``nbgrader autograde``, formgrader's Autograde
button and ``coursekit grade`` all use it.

- **The kernel** is a ``coursekit.grader.sandbox.SandboxedKernelManager``: one
  bubblewrap sandbox per notebook, no network, nothing of the course directory.
  The submission's files are written into its private working folder over the
  kernel channel.
- **Ordinary cells** (the student's solutions, the instructor's setup and
  demonstrations) run in that kernel, as in plain nbgrader.
- **Graded test cells never run in the kernel.**  Their source is taken from
  the gradebook and run in this process by ``coursekit.grader.verdicts.GradedCellRunner``;
  each call of a student's function is one message to the kernel, which
  answers the calls of a run of graded cells within one silent execute request
  (``coursekit.grader.calls``).  The cell's outputs, and so its grade, are the
  runner's alone: errors a kernel hides, results it fakes and hooks it
  installs change nothing.
- **Time.** A call or cell gets ``timeout`` seconds at most; a function that
  runs past it is not called again (its later tests fail at once), and the kernel
  is restarted with the cells before replayed.  The whole notebook has
  ``notebook_budget`` seconds; once they are spent, what is left fails at once.
- **Kernel deaths** (a crash in C code, out of memory) fail the cell or call
  they happen in; the kernel is restarted and the earlier cells replayed.  A
  function that crashed its kernel twice is not called again.
- **Warm start.** While a notebook runs, the next notebook's kernel starts in a
  sandbox of its own and imports the modules the instructor's cells import.  It
  shares nothing with the running one (its own PID, network and mount
  namespaces, its own user id, sockets on its own tmpfs), so no submission can
  reach it.
- Cells tagged ``skip-when-grading`` (figures, timings, comparisons with other
  libraries) are not run when they are locked, ungraded and unchanged from the
  gradebook; they get a one-line note.

After each notebook, ``coursekit-grading.json`` beside the graded notebook
records how it was graded (the sandbox, functions that timed out, a spent
budget, kernel restarts) for ``coursekit grade``'s accounts.
"""
import ast
import asyncio
import atexit
import copy
import json
import os
import secrets
import shutil
import signal
from dataclasses import dataclass, field
from pathlib import Path
from time import monotonic

from jupyter_core.utils import ensure_async, run_sync
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute
from traitlets import Bool, Integer

from .calls import CallSession, Died, Silent, Stopped
from .sandbox import SandboxedKernelManager
from .verdicts import ERRORS, BudgetSpent, GradedCellRunner, KernelDied, NoResult, TimedOut, call_request

SKIP_TAG = "skip-when-grading"
SKIPPED_NOTE = "Not run by the autograder: this cell draws a figure or runs a demonstration, which is not graded.\n"
BUDGET_NOTE = "Not run: the notebook's time budget was spent.\n"
GRADING_RECORD = "coursekit-grading.json"
CRASHES_BEFORE_GIVING_UP = 2  # a function that killed its kernel this often is not called again
MAX_FILES_BYTES = 32 * 2 ** 20  # a submission folder larger than this is not copied into the kernel
MAX_OUTPUT_BYTES = 2 ** 20  # characters of output kept per cell; the rest is dropped as it arrives
OUTPUT_CAP_NOTE = f"[the rest of this cell's output was dropped: it passed {MAX_OUTPUT_BYTES:,} characters]\n"

_spare = {"km": None, "preload": None}  # the kernel started ahead for the next notebook


_gradebooks = {}  # db_url -> nbgrader Gradebook, kept for the run


def _gradebook(db_url):
    """nbgrader's Gradebook for ``db_url``, one per run.

    A new Gradebook is a new database engine, which compiles every query again:
    that took 80 ms of each notebook.  Each use ends with a rollback, so nothing
    read is cached between notebooks and no lock is held between them.
    """
    if db_url not in _gradebooks:
        from nbgrader.api import Gradebook

        _gradebooks[db_url] = Gradebook(db_url)
    return _gradebooks[db_url]


@atexit.register
def _close_gradebooks():
    while _gradebooks:
        _gradebooks.popitem()[1].close()


@dataclass
class GradingPlan:
    """What the gradebook says about a notebook: its tests, the student's functions, the instructor's imports."""
    tests: dict = field(default_factory=dict)       # grade id -> the instructor's source
    functions: list = field(default_factory=list)   # names the solution cells define
    imports: str = ""                               # import statements of the instructor's cells that run
    skipped: set = field(default_factory=set)       # grade ids of the demonstrations not run
    shipped: dict = field(default_factory=dict)     # module name -> path: the .py files of the assignment's source

    @classmethod
    def from_gradebook(cls, db_url, assignment, notebook, nb):
        gb = _gradebook(db_url)
        try:
            master = gb.find_notebook(notebook, assignment)
            solutions = {c.name for c in master.solution_cells}
            graded = {c.name for c in master.grade_cells}
            sources = {c.name: (c.source, c.locked, c.cell_type) for c in master.source_cells}
        finally:
            gb.db.rollback()  # end the read: no lock is held, and the next notebook reads afresh

        def demonstration(cell):
            """The gradebook's source of this cell if it is a locked, ungraded cell of the instructor's."""
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            source, locked, _ = sources.get(grade_id, (None, False, None))
            return source if locked and grade_id not in graded | solutions else None

        skipped = {cell.metadata.nbgrader["grade_id"] for cell in nb.cells if cell.cell_type == "code"
                   and SKIP_TAG in cell.metadata.get("tags", []) and demonstration(cell) == cell.source}
        plan = cls(tests={g: sources[g][0] for g in graded - solutions if g in sources}, skipped=skipped)
        imports = []
        for name, (source, locked, cell_type) in sources.items():
            if cell_type != "code" or not (name in solutions or locked) or name in graded or name in skipped:
                continue
            try:
                tree = ast.parse(source)
            except SyntaxError:  # IPython magics
                continue
            for node in tree.body:
                if name in solutions and isinstance(node, ast.FunctionDef):
                    plan.functions.append(node.name)
                elif name not in solutions and isinstance(node, (ast.Import, ast.ImportFrom)) and not getattr(node, "level", 0):
                    imports.append(ast.unparse(node))
        plan.imports = "\n".join(dict.fromkeys(imports))
        return plan

    @property
    def preload(self):
        names = set()
        for line in self.imports.splitlines():
            node = ast.parse(line).body[0]
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            else:
                names.add(node.module)
        return sorted(names - {"losscheck"} - set(self.shipped))


def not_regular(folder):
    """Relative paths under ``folder`` that are links or special files (no regular file or folder)."""
    found = []
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = os.path.join(root, name)
            if os.path.islink(path) or not (os.path.isfile(path) or os.path.isdir(path)):
                found.append(os.path.relpath(path, folder))
    return sorted(found)


def submission_files(folder):
    """{relative path: base64} of a submission folder, for the kernel's working folder."""
    import base64

    files, total = {}, 0
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file() and not path.is_symlink() and path.name != GRADING_RECORD:
            data = path.read_bytes()
            total += len(data)
            if total > MAX_FILES_BYTES:
                raise RuntimeError(f"the submission folder holds more than {MAX_FILES_BYTES // 2 ** 20} MiB")
            files[str(path.relative_to(folder))] = base64.b64encode(data).decode("ascii")
    return files


async def _kill(km):
    """SIGKILL a kernel's sandbox if it is alive; return whether it was."""
    alive = await ensure_async(km.is_alive())
    if alive:
        try:
            await ensure_async(km.signal_kernel(signal.SIGKILL))
        except OSError:
            pass
    return alive


async def _discard(km):
    """End a kernel and its sandbox, and tidy up after them.

    SIGKILL ends the sandbox's first process and with it everything in its PID
    namespace; waiting for that in 5 ms steps, instead of jupyter_client's 100 ms
    ones, makes the kernel manager's own shutdown below only tidy up.
    """
    try:
        if await _kill(km):
            for _ in range(200):
                if not await ensure_async(km.is_alive()):
                    break
                await asyncio.sleep(0.005)
            await ensure_async(km.shutdown_kernel(now=True))
    finally:
        await ensure_async(km.cleanup_resources())


_ended = []  # kernels killed, not yet tidied up after


def _end(km):
    """Kill a kernel's sandbox now, and tidy up after it later (``_tidy_up``), when it has exited
    and that costs no wait: a notebook's kernel is tidied up while the next notebook starts."""
    run_sync(_kill)(km)
    _ended.append(km)


def _tidy_up():
    while _ended:
        run_sync(_discard)(_ended.pop())


@atexit.register
def _discard_spare():
    km, _spare["km"] = _spare["km"], None
    if km is not None:
        _end(km)
    _tidy_up()


class SandboxedExecute(Execute):
    """nbgrader's Execute with sandboxed kernels and graded cells run by the grader (module docstring)."""

    warm_start = Bool(True, help="Start the next notebook's kernel, in its own sandbox, while this one runs."
                      ).tag(config=True)
    notebook_budget = Integer(300, help="Seconds of execution for a whole notebook; "
                                        "once spent, the remaining cells fail at once.").tag(config=True)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("kernel_manager_class", SandboxedKernelManager)
        super().__init__(*args, **kwargs)
        self.interrupt_on_timeout = False  # a timed-out kernel is replaced, never trusted to stop
        self._cell_timeout = self.timeout

    # ---- the notebook -------------------------------------------------------------------------
    def preprocess(self, nb, resources=None, km=None):
        nbg = resources["nbgrader"]
        self.plan = GradingPlan.from_gradebook(nbg["db_url"], nbg["assignment"], nbg["notebook"], nb)
        self.plan.shipped = self._shipped_modules(nbg["assignment"])
        self.folder = resources.get("metadata", {}).get("path") or os.getcwd()
        self.record = {"sandbox": None, "warm_start": False, "timed_out": [], "crashed": {}, "budget_spent": False,
                       "kernel_restarts": 0, "calls": 0, "seconds": dict.fromkeys(("connect", "cells", "graded cells"), 0.0)}
        self._deadline = monotonic() + self.notebook_budget
        self._dead_cells, self._index = set(), 0
        self._leave_out_links(resources["nbgrader"])
        self._files = submission_files(self.folder)
        self._output_bytes = {}
        self._calls = None  # the CallSession serving the current run of graded cells
        self.runner = GradedCellRunner(self.plan.imports, self.plan.functions, self._call, self.plan.shipped)
        km = self._take_kernel(nb)
        self.record["sandbox"] = km.sandbox_description
        try:
            return super().preprocess(nb, resources, km=km)
        finally:
            self._drop_calls()
            if self.kc is not None:
                self.kc.stop_channels()
                self.kc = None
            if self.km is not None:
                _end(self.km)
            Path(self.folder, GRADING_RECORD).write_text(json.dumps(self.record, indent=1))

    def _shipped_modules(self, assignment):
        """{name: path} of the Python modules in the assignment's source folder (the instructor's copies)."""
        from nbgrader.coursedir import CourseDirectory

        coursedir = CourseDirectory(config=self.config)
        source = Path(coursedir.format_path(coursedir.source_directory, ".", assignment))
        return {path.stem: str(path) for path in sorted(source.glob("*.py")) if path.is_file()}

    def _leave_out_links(self, nbg):
        """Remove from the graded folder what was a link or special file in the submission.

        nbgrader copies a submission by following its links, so a link to the course's
        source/ (or /etc/passwd) would arrive here, in the kernel and in the feedback as a file.
        """
        from nbgrader.coursedir import CourseDirectory

        coursedir = CourseDirectory(config=self.config)
        submitted = coursedir.format_path(coursedir.submitted_directory, nbg["student"], nbg["assignment"])
        self.record["left_out"] = not_regular(submitted) if os.path.isdir(submitted) else []
        for relative in self.record["left_out"]:
            path = Path(self.folder, relative)
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            elif path.exists() or path.is_symlink():
                path.unlink()

    def output(self, outs, msg, display_id, cell_index):
        """nbclient's output handler, keeping at most MAX_OUTPUT_BYTES of a cell's output as it arrives."""
        content = msg.get("content", {})
        size = (len(str(content.get("text", ""))) + len(str(content.get("data", ""))) + len(str(content.get("evalue", "")))
                + len(str(content.get("traceback", ""))))
        used = self._output_bytes.get(cell_index, 0) + size
        self._output_bytes[cell_index] = used
        if used > MAX_OUTPUT_BYTES:
            if used - size <= MAX_OUTPUT_BYTES:
                outs.append(new_output("stream", name="stdout", text=OUTPUT_CAP_NOTE))
            return None
        return super().output(outs, msg, display_id, cell_index)

    def _new_kernel(self, nb):
        km = self.kernel_manager_class(kernel_name=nb.metadata.get("kernelspec", {}).get("name") or "python3",
                                       config=self.config)
        km.preload = self.plan.preload
        run_sync(km.start_kernel)(extra_arguments=[
            *self.extra_arguments, "--IPKernelApp.exec_lines=__import__('coursekit_kernel').preload()"])
        return km

    def _take_kernel(self, nb):
        _tidy_up()
        spare, _spare["km"] = _spare["km"], None
        if spare is not None and (_spare["preload"] != self.plan.preload or not run_sync(spare.is_alive)()):
            _end(spare)
            spare = None
        km = spare or self._new_kernel(nb)
        self.record["warm_start"] = spare is not None
        if self.warm_start:
            _spare["km"], _spare["preload"] = self._new_kernel(nb), self.plan.preload
        return km

    async def async_start_new_kernel_client(self):
        """Connect, then write the submission's files into the kernel's working folder."""
        start = monotonic()
        kc = await super().async_start_new_kernel_client()
        payload = json.dumps(self._files)
        msg_id = await ensure_async(kc.execute(f"__import__('coursekit_kernel').populate({payload!r})",
                                               silent=True, store_history=False))
        self.timeout = self.startup_timeout  # no student code has run yet: this waits only for a busy machine
        reply = await self.async_wait_for_reply(msg_id)
        if reply is None or reply["content"]["status"] != "ok":
            raise RuntimeError(f"could not copy the submission into the grading kernel: {reply}")
        self.record["seconds"]["connect"] += monotonic() - start
        return kc

    start_new_kernel_client = run_sync(async_start_new_kernel_client)

    def _update_display_id(self, display_id, msg):
        """A display update rewrites the output of an earlier cell, which feedback shows even when the
        update was made after the hidden tests (with what the student's code saw): dropped."""

    # ---- cells ----------------------------------------------------------------------------------
    def _remaining(self):
        return self._deadline - monotonic()

    def _arm_timeout(self):
        self.timeout = max(1, int(min(self._cell_timeout or 1e9, self._remaining())))

    def preprocess_cell(self, cell, resources, index):
        self._index = index
        if cell.cell_type != "code":
            return cell, resources
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in self.plan.skipped:
            cell.outputs, cell.execution_count = [new_output("stream", name="stdout", text=SKIPPED_NOTE)], None
            return cell, resources
        if grade_id in self.plan.tests:
            start = monotonic()
            cell.outputs = self.runner.run(self.plan.tests[grade_id], grade_id)
            cell.execution_count = None
            self.record["seconds"]["graded cells"] += monotonic() - start
            return cell, resources
        if self._remaining() <= 0:
            self.record["budget_spent"] = True
            cell.outputs, cell.execution_count = [new_output("stream", name="stdout", text=BUDGET_NOTE)], None
            return cell, resources
        self._end_calls(index)
        self._arm_timeout()
        start = monotonic()
        try:
            return super().preprocess_cell(cell, resources, index)
        except Exception as err:  # noqa: BLE001 - a dead, hung or unreadable kernel: replace it
            died = not isinstance(err, CellTimeoutError)
            if not isinstance(err, (DeadKernelError, CellTimeoutError)):
                self.log.exception("Cell %d could not be run; restarting the kernel", index)
            self.log.warning("The kernel %s in cell %d; restarting it", "died" if died else "timed out", index)
            self._dead_cells.add(index)
            ename = KernelDied.ename if died else TimedOut.ename
            cell.outputs.append(new_output("error", ename=ename, evalue=f"this cell {ERRORS[ename]}", traceback=[]))
            self._restart_and_replay(index)
            return cell, self.resources
        finally:
            self.record["seconds"]["cells"] += monotonic() - start

    # ---- calls from the test runner -------------------------------------------------------------
    def _call(self, name, args, kwargs, get=False):
        """Call the student's ``name`` in the kernel (or, with ``get``, read its value); return the report
        (coursekit_kernel.answer)."""
        if name in self.record["timed_out"]:
            raise TimedOut(f"{name} ran past the time limit on an earlier hidden test, so it is not called again")
        if self.record["crashed"].get(name, 0) >= CRASHES_BEFORE_GIVING_UP:
            raise KernelDied(f"{name} crashed the Python process {CRASHES_BEFORE_GIVING_UP} times, "
                             "so it is not called again")
        if self._remaining() <= 0:
            self.record["budget_spent"] = True
            raise BudgetSpent(ERRORS["BudgetSpent"])
        self.record["calls"] += 1
        nonce = secrets.token_hex(8)
        request = call_request(name, args, kwargs, nonce, get)
        self._arm_timeout()
        deadline = monotonic() + self.timeout
        try:
            if self._calls is None:
                self._calls = CallSession(self.km, self.kc)
                self._calls.open(deadline)
            return self._calls.call(request, nonce, deadline)
        except Silent:
            self.record["timed_out"].append(name)
            self._restart_and_replay(self._index)
            raise TimedOut(f"{name} {ERRORS['TimedOut']}") from None
        except Died:
            self.record["crashed"][name] = self.record["crashed"].get(name, 0) + 1
            self._restart_and_replay(self._index)
            raise KernelDied(f"{name}: {ERRORS['KernelDied']}") from None
        except Stopped:  # the kernel is idle again: a new session serves the next call
            self._drop_calls()
            raise NoResult(f"{name}: {ERRORS['NoResult']}") from None
        except Exception as err:  # noqa: BLE001 - an unreadable answer, or a socket that failed
            self.log.warning("Calling %s in the kernel failed (%s); restarting it", name, err)
            self._restart_and_replay(self._index)
            raise NoResult(f"{name}: {ERRORS['NoResult']}") from None

    def _drop_calls(self):
        if self._calls is not None:
            self._calls.drop()
            self._calls = None

    def _end_calls(self, index):
        """Let the kernel stop serving calls before cell ``index`` runs in it; replace a kernel that does not."""
        if self._calls is None:
            return
        session, self._calls = self._calls, None
        if not session.close(monotonic() + max(1.0, min(self.startup_timeout, self._remaining()))):
            self.log.warning("The kernel did not stop serving calls; restarting it")
            self._restart_and_replay(index)

    def _replace_kernel(self):
        if self.kc is not None:
            self.kc.stop_channels()
            self.kc = None
        _end(self.km)
        self.km = self._new_kernel(self.nb)
        self.start_new_kernel_client()

    def _restart_and_replay(self, index):
        """A fresh kernel with the state of the ordinary cells before ``index`` (those that did not fail)."""
        self.record["kernel_restarts"] += 1
        self._drop_calls()
        while True:
            try:
                self._replace_kernel()
            except Exception:  # noqa: BLE001 - a kernel that fails to start on a busy machine: one more try
                self.log.exception("A restarted kernel did not come up; trying once more")
                self._replace_kernel()
            replay = [i for i, c in enumerate(self.nb.cells[:index]) if c.cell_type == "code"
                      and c.metadata.get("nbgrader", {}).get("grade_id") not in set(self.plan.tests) | self.plan.skipped
                      and i not in self._dead_cells]
            try:
                for i in replay:
                    if self._remaining() <= 0:
                        return
                    self._arm_timeout()
                    original = self.nb.cells[i]
                    try:
                        self.execute_cell(copy.deepcopy(original), i, store_history=False)
                    finally:
                        self.nb.cells[i] = original
                return
            except (DeadKernelError, CellTimeoutError):
                self._dead_cells.add(i)  # it fails on its own: leave it out and start again
