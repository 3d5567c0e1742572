"""Runs in every kernel nbgrader starts, before the notebook's first cell.

nbgrader_config.py passes this file to the kernel (IPKernelApp.exec_files).
It defends the grading of the whole class against one student's submission:

1. Files submitted next to the notebook (numpy.py, math.py, ...) must not
   shadow real modules: the notebook's folder moves to the *end* of
   sys.path, so installed packages and the standard library win, while the
   course's own losscheck.py (restored by nbgrader from source/) still imports.
2. Code that would end the kernel process (os._exit, os.abort, os.kill of
   itself, exit() or quit()) raises ProcessExitBlocked instead, so the cell
   that called it fails and every later cell is still graded.
3. A kernel started ahead of its notebook (coursekit/execute.py) imports the
   modules named in COURSEKIT_PRELOAD while it waits, so the notebook's own
   imports find them loaded.  Nothing is bound in the notebook's namespace.
"""


def _install_guard():
    import os
    import signal
    import sys

    here = os.getcwd()
    sys.path[:] = [p for p in sys.path if p not in ("", ".", here)] + [here]

    class ProcessExitBlocked(BaseException):
        """Raised instead of ending the grading kernel."""

    def called_from_notebook():
        frame = sys._getframe(2)
        while frame is not None:
            name = frame.f_code.co_filename
            if name.startswith("<ipython-input") or "ipykernel_" in name:
                return True
            frame = frame.f_back
        return False

    def blocking(original, what):
        def guarded(*args, **kwargs):
            if called_from_notebook():
                raise ProcessExitBlocked(f"{what} would end the grading kernel; it is blocked here")
            return original(*args, **kwargs)
        return guarded

    os._exit = blocking(os._exit, "os._exit()")
    os.abort = blocking(os.abort, "os.abort()")

    original_kill = os.kill

    def kill(pid, sig):
        if pid in (0, os.getpid()) and sig not in (0, signal.SIGINT) and called_from_notebook():
            raise ProcessExitBlocked("os.kill() of the grading kernel is blocked here")
        return original_kill(pid, sig)

    os.kill = kill

    def no_exit(*args, **kwargs):
        raise ProcessExitBlocked("exit() and quit() would end the grading kernel; they are blocked here")

    shell = get_ipython()  # noqa: F821 - defined in the kernel
    shell.user_ns["exit"] = shell.user_ns["quit"] = no_exit
    shell.user_ns_hidden.update({"exit": no_exit, "quit": no_exit})

    import importlib

    for name in filter(None, os.environ.get("COURSEKIT_PRELOAD", "").split(",")):
        try:
            importlib.import_module(name)
        except Exception:  # not installed, or the notebook's own module: the notebook will say so
            pass


_install_guard()
del _install_guard
