"""Graded test cells run in the grader's own process; the student's kernel only answers calls.

An instructor writes a hidden test as ordinary Python in a graded cell:

    from losscheck import check_close, quietly
    check_close("mse_forward, shape (5, 3)", quietly(mse_forward, y, p), expected, likely={...})

At grading time that cell never runs in the student's kernel.  ``GradedCellRunner``
executes its source (taken from the gradebook, so it is the instructor's)
here, in a namespace where ``np``, the course's ``losscheck`` and the other
modules the instructor's cells import are the grader's own, and where each
function a student writes (``mse_forward``) is a ``StudentFunction``: calling
it sends the arguments to the kernel, which calls the student's function and
reports what it did (see ``coursekit/grader/calls.py`` and
``coursekit/kernel/coursekit_kernel.py``).  The
proxy then replays that here: it returns the value, raises the exception,
re-emits the warnings and the stderr text, and copies the arguments' state
after the call back into the grader's arrays, so ``check_unmodified`` sees an
in-place modification.  Expected values, the checks and their verdicts never
leave this process, so nothing a submission does in its kernel (replacing
``losscheck``, NumPy or builtins, hooking IPython, faking outputs) can pass a
check its functions do not pass.

The cell's outputs are made here too: what the test printed, and the error
that failed it.  ``CheckFailed`` is only ever raised by the course's checker;
an exception a student's function raised keeps its name (``NotImplementedError``)
unless it is one of ``RESERVED``, which gets a ``student.`` prefix.
"""
import ast
import contextlib
import io
import re
import sys
import traceback
import warnings

import numpy as np
from nbformat.v4 import new_output

from ..kernel import coursekit_wire as wire


class CallFailed(BaseException):
    """A call that could not be answered.  BaseException, so a check's ``except Exception`` lets it through."""
    ename = "CallFailed"


class TimedOut(CallFailed):
    ename = "TimedOut"


class KernelDied(CallFailed):
    ename = "KernelDied"


class BudgetSpent(CallFailed):
    ename = "BudgetSpent"


class NoResult(CallFailed):
    ename = "NoResult"


# The checks of a student's answers (losscheck): the name passed to them is read from the kernel.
ANSWER_CHECKS = {"check_answer", "check_choice", "check_settings"}

RESERVED = {"CheckFailed", "CallFailed", "TimedOut", "KernelDied", "BudgetSpent", "NoResult"}

# The one table that explains errors: the executor's messages, student feedback and the
# instructor's accounts all read it.  CheckFailed carries its own message (the checker's).
ERRORS = {
    "TimedOut": "ran past the time limit (look for an infinite loop); the kernel was restarted, "
                "and a function that timed out is not called again",
    "KernelDied": "the Python process died (a crash in C code, or out of memory); the kernel was restarted, "
                  "and a function that crashed it twice is not called again",
    "BudgetSpent": "not run: the notebook's time budget was spent (an earlier cell or call was too slow)",
    "NoResult": "the call of the student's function reported no result (the notebook changed how calls "
                "are reported, or the call was cut short)",
    "NotImplementedError": "the function is not implemented yet",
    "SystemExit": "the code called sys.exit() (or raised SystemExit)",
    "NameError": "a name is not defined: did the cell that defines it (your function, or your answer) run without errors?",
}


class StudentRaised(Exception):
    """Base of the exceptions rebuilt from what a student's function raised."""


def rebuild_exception(description):
    """An exception of the student's class name, a ValueError when theirs was one."""
    name = re.sub(r"\W", "_", str(description.get("type", "Exception")))[:80] or "Exception"
    if name in RESERVED:
        name = f"student.{name}"
    mro = description.get("mro") or []
    bases = (StudentRaised, ValueError) if "ValueError" in mro else (StudentRaised,)
    return type(name, bases, {})(str(description.get("message", ""))[:wire.MAX_TEXT])


_WARNINGS = {cls.__name__: cls for cls in (RuntimeWarning, UserWarning, DeprecationWarning, FutureWarning,
                                           SyntaxWarning, ImportWarning, UnicodeWarning, BytesWarning,
                                           ResourceWarning, PendingDeprecationWarning)}


def _write_back(original, after):
    """Give the grader's copy of an argument the state the student's call left it in (arrays, also
    inside lists, tuples and dicts, such as ``init=(W0, b0)``)."""
    if type(original) is np.ndarray:
        if type(after) is np.ndarray and after.shape == original.shape and original.flags.writeable:
            np.copyto(original, after, casting="unsafe")
        elif not (type(after) is np.ndarray and after.shape == original.shape
                  and np.array_equal(after, original, equal_nan=True)):
            original[...] = ~original if original.dtype == bool else original + 1  # changed beyond repair
    elif type(original) in (list, tuple) and type(after) is type(original) and len(after) == len(original):
        for i, (item, item_after) in enumerate(zip(original, after)):
            if type(item) in (np.ndarray, list, tuple, dict):
                _write_back(item, item_after)
            elif type(original) is list:
                original[i] = item_after
    elif type(original) is list and type(after) is list:
        original[:] = after
    elif type(original) is dict and type(after) is dict:
        for key, item in original.items():
            if key in after and type(item) in (np.ndarray, list, tuple, dict):
                _write_back(item, after[key])


class StudentFunction:
    """Stands for a student's function in the grader's namespace (see the module docstring)."""

    def __init__(self, name, call):
        self.__name__ = self.__qualname__ = name
        self._call = call

    def __repr__(self):
        return f"<student function {self.__name__}>"

    def __call__(self, *args, **kwargs):
        report = self._call(self.__name__, args, kwargs)
        try:
            for original, after in zip(args, report.get("args_after", [])):
                _write_back(original, wire.decode(after))
            for key, after in (report.get("kwargs_after") or {}).items():
                if key in kwargs:
                    _write_back(kwargs[key], wire.decode(after))
            for w in report.get("warnings", [])[:50]:
                warnings.warn_explicit(str(w.get("message", ""))[:500], _WARNINGS.get(w.get("category"), Warning),
                                       f"<{self.__name__}>", 0)
            if report.get("stderr"):
                sys.stderr.write(str(report["stderr"])[:10000])
            if "error" in report:
                raise rebuild_exception(report["error"])
            if "value" not in report:
                raise NoResult(f"{self.__name__} reported neither a value nor an exception")
            return wire.decode(report["value"])
        except wire.WireError as err:
            raise NoResult(f"{self.__name__}'s report could not be read: {err}") from None


def call_request(name, args, kwargs, nonce, get=False):
    """The request text a kernel's ``coursekit_kernel.answer`` reads (``get``: the value, not a call)."""
    return wire.dumps({"name": name, "nonce": nonce, "errstate": np.geterr(), "get": bool(get),
                       "args": [wire.encode(a) for a in args],
                       "kwargs": {k: wire.encode(v) for k, v in kwargs.items()}})


class GradedCellRunner:
    """Runs graded test cells in this process against a student's kernel."""

    def __init__(self, imports, student_functions, call, shipped=None):
        """``imports``: the instructor's import statements; ``call(name, args, kwargs, get=False)`` returns
        a report (``get``: of the value a name has in the kernel, not of a call); ``shipped``: {module
        name: path} of the modules the assignment ships next to its notebook (``losses.py``), loaded from
        the instructor's source folder, whatever lies in the student's."""
        from .. import losscheck

        self.namespace = {"__name__": "__hidden_tests__"}
        self._modules = {name: _load_module(name, path) for name, path in (shipped or {}).items()
                         if name != "losscheck"}
        self._modules["losscheck"] = losscheck  # the course's checker, whatever lies in the student's folder
        with self._instructor_modules():
            exec(compile(imports, "<instructor imports>", "exec"), self.namespace)  # noqa: S102 - instructor code
        for name in student_functions:
            self.namespace[name] = StudentFunction(name, call)
        self._call = call

    @contextlib.contextmanager
    def _instructor_modules(self):
        """sys.modules maps the course's checker and the shipped modules to the instructor's copies meanwhile."""
        previous = {name: sys.modules.get(name) for name in self._modules}
        sys.modules.update(self._modules)
        try:
            yield
        finally:
            for name, module in previous.items():
                if module is None:
                    sys.modules.pop(name, None)
                else:
                    sys.modules[name] = module

    def _read_answers(self, source):
        """Bind the student's answers that ``source`` checks, the names passed to ``check_answer`` or
        ``check_choice`` (``check_answer(label, dl_dp, ...)``), to their values in the kernel, now.

        Only those names, and only as data: no other name of the kernel reaches a graded cell.
        """
        try:
            tree = ast.parse(source)
        except SyntaxError:
            return
        names = {node.args[1].id for node in ast.walk(tree)
                 if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ANSWER_CHECKS
                 and len(node.args) >= 2 and isinstance(node.args[1], ast.Name)}
        for name in sorted(names):
            self.namespace.pop(name, None)  # not defined in the kernel: the cell fails with a NameError
            report = self._call(name, (), {}, get=True)
            if "error" not in report and "value" in report:
                try:
                    self.namespace[name] = wire.decode(report["value"])
                except wire.WireError as err:
                    raise NoResult(f"{name}'s value could not be read: {err}") from None

    def run(self, source, label):
        """Execute one graded cell's source; return its outputs (stdout, stderr, and the error if it failed)."""
        stdout, stderr = io.StringIO(), io.StringIO()
        error = None
        try:
            with self._instructor_modules(), contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr), \
                    warnings.catch_warnings(), np.errstate(all="warn", under="ignore"):
                warnings.simplefilter("default")
                self._read_answers(source)
                exec(compile(source, f"<{label}>", "exec"), self.namespace)  # noqa: S102 - instructor code
        except BaseException as err:  # noqa: BLE001 - every failure becomes the cell's error output
            error = err
        outputs = [new_output("stream", name=n, text=s.getvalue())
                   for n, s in (("stdout", stdout), ("stderr", stderr)) if s.getvalue()]
        if error is not None:
            outputs.append(error_output(error, label))
        return outputs


def _load_module(name, path):
    """A fresh module ``name`` executed from the file ``path`` (instructor code)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def error_output(error, label):
    """An nbformat error output for an exception raised while a graded cell ran here."""
    ename = getattr(error, "ename", None) or type(error).__name__
    evalue = str(error)
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == f"<{label}>"]
    where = [f"  {label}, line {f.lineno}" for f in frames[-1:]]
    return new_output("error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}", *where])
