"""Kernel side of grading: runs inside the student's sandboxed kernel.

Nothing here is trusted, and nothing here decides a grade.  The grader asks
the kernel to do three things, each as a silent execute request:

- ``preload()``, at start-up: import the modules the instructor's cells import
  (named in COURSEKIT_PRELOAD), so that a kernel started ahead of its notebook
  has done that work before the notebook arrives;
- ``populate(files)``: write the submission's files into the kernel's working
  folder (a private tmpfs of the sandbox);
- ``call(request)``: call one of the student's functions on inputs the grader
  sent, and report what it did: the value it returned or the exception it
  raised, the warnings it emitted, what it wrote to stderr, and the state of
  its array arguments afterwards (to see whether it modified them).

The report is published as display data of type ``coursekit_wire.MIME``.  A
submission can replace any of this; it then only changes what its own
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


def call(request_text):
    import numpy as np
    from IPython import get_ipython
    from IPython.display import publish_display_data

    request = json.loads(request_text)
    args = [wire.decode(a) for a in request["args"]]
    kwargs = {k: wire.decode(v) for k, v in request["kwargs"].items()}
    report = {"nonce": request["nonce"]}
    stderr = io.StringIO()
    with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stderr(stderr), \
            np.errstate(**request["errstate"]):
        warnings.simplefilter("always")
        try:
            function = get_ipython().user_ns.get(request["name"])
            if function is None:
                raise NameError(f"name {request['name']!r} is not defined")
            report["value"] = wire.encode(function(*args, **kwargs))
        except BaseException as err:  # noqa: BLE001 - SystemExit and KeyboardInterrupt are reported too
            report["error"] = _describe(err)
    report["warnings"] = [{"category": w.category.__name__, "message": str(w.message)[:500]} for w in caught[:50]]
    report["stderr"] = stderr.getvalue()[:10000]
    report["args_after"] = [wire.encode(a) for a in args]
    report["kwargs_after"] = {k: wire.encode(v) for k, v in kwargs.items()}
    publish_display_data({wire.MIME: wire.dumps(report)})
