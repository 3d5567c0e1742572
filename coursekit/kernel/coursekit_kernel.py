"""Kernel side of grading: runs inside the student's sandboxed kernel.

Nothing here is trusted, and nothing here decides a grade.  The grader asks
the kernel to do three things, each as a silent execute request:

- ``preload()``, at start-up: import the modules the instructor's cells import
  (named in COURSEKIT_PRELOAD), so that a kernel started ahead of its notebook
  has done that work before the notebook arrives;
- ``populate(files)``: write the submission's files into the kernel's working
  folder (a private tmpfs of the sandbox);
- ``serve(path, token)``: while a graded cell runs in the grader, answer its
  calls of the student's functions (and its reads of the student's answers).  The grader made a ZeroMQ socket at
  ``path`` (in a folder it owns, bound read-only into the sandbox); this
  connects to it, says ``token``, and then, for each request, calls the
  function on the inputs the grader sent and reports what it did: the value it
  returned or the exception it raised, the warnings it emitted, what it wrote
  to stderr, and the state of its arguments afterwards (to see whether it
  modified them).  A request ``{"done": token}`` ends it.  One execute request
  serves every call of a run of graded cells, so a call costs a socket round
  trip, not a whole execute request.

A submission can replace any of this; it then only changes what its own
functions are reported to have done, which it could as well have done by
writing them that way.  Expected values never enter the kernel.
"""
import base64
import contextlib
import importlib
import io
import json
import os
import warnings

import coursekit_wire as wire


def preload():
    for name in filter(None, os.environ.get("COURSEKIT_PRELOAD", "").split(",")):
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - not installed: the notebook will say so itself
            pass


def populate(payload):
    """Write {relative path: base64 bytes} into the current folder."""
    here = os.path.realpath(os.getcwd())
    for relative, data in json.loads(payload).items():
        target = os.path.realpath(os.path.join(here, relative))
        if os.path.commonpath([here, target]) != here:
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(base64.b64decode(data))


def _describe(err):
    try:
        message = str(err)[:wire.MAX_TEXT]
    except Exception:  # noqa: BLE001 - a student's __str__ may raise
        message = ""
    return {"type": type(err).__name__, "mro": [c.__name__ for c in type(err).__mro__], "message": message}


class _Discard(io.TextIOBase):
    """stdout while a student's function is called for the grader: nobody reads it."""

    def writable(self):
        return True

    def write(self, text):
        return len(text)


def serve(path, token):
    import zmq

    socket = zmq.Context.instance().socket(zmq.PAIR)
    socket.linger = 0
    socket.connect(f"ipc://{path}")
    try:
        socket.send_string(wire.dumps({"ready": token}))
        while True:
            request = json.loads(socket.recv_string())
            if request.get("done") == token:
                return
            socket.send_string(wire.dumps(answer(request)))
    finally:
        socket.close()


def _resolve(module, name):
    """The kernel's own function ``name`` of ``module``, for a function the grader passed (a loss of ``losses``)."""
    found = getattr(importlib.import_module(module), name, None)
    if not callable(found):
        raise NameError(f"{module}.{name} is not a function in this kernel")
    return found


def answer(request):
    """Call the function a request names; return the report of what it did."""
    import numpy as np
    from IPython import get_ipython

    args, kwargs = [], {}
    report = {"nonce": request["nonce"]}
    stderr = io.StringIO()
    with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stderr(stderr), \
            contextlib.redirect_stdout(_Discard()), np.errstate(**request["errstate"]):
        warnings.simplefilter("always")
        try:
            args = [wire.decode(a, resolve=_resolve) for a in request["args"]]
            kwargs = {k: wire.decode(v, resolve=_resolve) for k, v in request["kwargs"].items()}
            namespace = get_ipython().user_ns
            if request["name"] not in namespace:
                raise NameError(f"name {request['name']!r} is not defined")
            if request.get("get"):  # an answer's value, not a call
                report["value"] = wire.encode(namespace[request["name"]])
            else:
                report["value"] = wire.encode(namespace[request["name"]](*args, **kwargs))
        except BaseException as err:  # noqa: BLE001 - SystemExit and KeyboardInterrupt are reported too
            report["error"] = _describe(err)
    report["warnings"] = [{"category": w.category.__name__, "message": str(w.message)[:500]} for w in caught[:50]]
    report["stderr"] = stderr.getvalue()[:10000]
    report["args_after"] = [wire.encode(a) for a in args]
    report["kwargs_after"] = {k: wire.encode(v) for k, v in kwargs.items()}
    return report
