"""The values that cross between the trusted grader and a student's kernel.

Both sides import this one file: the grader as ``coursekit.kernel.coursekit_wire``,
the sandboxed kernel as ``coursekit_wire`` (its folder is bound read-only into
the sandbox).  A value becomes plain JSON: NumPy arrays and scalars travel as
``.npy`` bytes in base64, Python scalars as text, lists, tuples and dicts with
string keys item by item.  A function defined in a module (``losses.quantile_backward``)
travels as its module's and its own name: the kernel, and only the kernel, passes
its own object of that name (``decode(..., resolve=...)``); the grader never
resolves one.  Anything else (an object of the student's own class, a float subclass whose
comparisons always succeed, ...) travels only as the name of its type, and
``decode`` turns it into an inert ``Opaque`` instance of a class of that name, so
the grader's checks see a wrong type and say which.

``decode`` is the grader's side of an untrusted channel: it never unpickles,
accepts only numeric and boolean dtypes, and bounds sizes and nesting.
"""
import base64
import io
import json
import re
import types

import numpy as np

MAX_BYTES = 64 * 2 ** 20      # largest encoded message the grader will parse
MAX_ELEMENTS = 2 ** 24        # largest array, in elements
MAX_DEPTH = 8                 # nesting of lists and tuples
MAX_TEXT = 4000               # longest string or type name kept

_DTYPE_KINDS = "biufc"        # bool, int, unsigned, float, complex


class WireError(ValueError):
    """A message from the kernel that the grader will not read."""


class Opaque:
    """Stands for a value the wire does not carry; only its type's name came across."""

    def __repr__(self):
        return f"<{type(self).__name__} object>"


def _opaque(type_name):
    name = re.sub(r"\W", "_", str(type_name))[:100] or "object"
    return type(name, (Opaque,), {})()


def _npy(array):
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def encode(value, depth=0):
    """A JSON-ready description of ``value`` (see the module docstring)."""
    kind = type(value)
    if kind is np.ndarray and value.dtype.kind in _DTYPE_KINDS:
        return {"t": "array", "npy": _npy(value)}
    if isinstance(value, np.generic) and kind is type(value) and value.dtype.kind in _DTYPE_KINDS:
        return {"t": "scalar", "npy": _npy(np.asarray(value))}
    if kind is float:
        return {"t": "float", "v": value.hex()}
    if kind is bool:
        return {"t": "bool", "v": value}
    if kind is int:
        return {"t": "int", "v": str(value)} if abs(value) < 10 ** 300 else {"t": "opaque", "type": "int"}
    if value is None:
        return {"t": "none"}
    if kind is str:
        return {"t": "str", "v": value[:MAX_TEXT]}
    if kind in (list, tuple) and depth < MAX_DEPTH:
        return {"t": kind.__name__, "items": [encode(v, depth + 1) for v in value]}
    if isinstance(value, dict) and depth < MAX_DEPTH and all(type(k) is str for k in dict.keys(value)):
        # a defaultdict or OrderedDict travels as the plain dict it holds (dict's own items, not an override)
        return {"t": "dict", "items": [[k[:MAX_TEXT], encode(v, depth + 1)] for k, v in dict.items(value)]}
    if kind is types.FunctionType and value.__name__ != "<lambda>" and value.__qualname__ == value.__name__:
        return {"t": "function", "module": str(value.__module__)[:MAX_TEXT], "name": value.__name__[:MAX_TEXT]}
    return {"t": "opaque", "type": getattr(kind, "__name__", "object")}


def _load_npy(text):
    if not isinstance(text, str):
        raise WireError("array payload is not text")
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    array = np.load(io.BytesIO(raw), allow_pickle=False)
    if type(array) is not np.ndarray or array.dtype.kind not in _DTYPE_KINDS or array.size > MAX_ELEMENTS:
        raise WireError("array of an unsupported dtype or size")
    return array


def decode(node, depth=0, resolve=None):
    """The value ``encode`` described; raises WireError on anything unexpected.

    A function is ``resolve(module, name)`` when ``resolve`` is given (the kernel's side), else an
    inert ``Opaque`` of type ``function`` (the grader's side: it never looks a name up for the kernel).
    """
    if not isinstance(node, dict) or depth > MAX_DEPTH:
        raise WireError("malformed value")
    kind = node.get("t")
    if kind == "function":  # outside the try: what resolve raises (no such module) is the kernel's to report
        module, name = node.get("module"), node.get("name")
        if not (isinstance(module, str) and isinstance(name, str)):
            raise WireError("malformed function reference")
        return _opaque("function") if resolve is None else resolve(module, name)
    try:
        if kind == "array":
            return _load_npy(node["npy"])
        if kind == "scalar":
            array = _load_npy(node["npy"])
            if array.ndim != 0:
                raise WireError("scalar payload is not 0-d")
            return array[()]
        if kind == "float":
            return float.fromhex(node["v"])
        if kind == "bool":
            return bool(node["v"]) if isinstance(node["v"], bool) else _opaque("bool")
        if kind == "int":
            text = node["v"]
            if not (isinstance(text, str) and len(text) < 310 and re.fullmatch(r"-?\d+", text)):
                raise WireError("malformed int")
            return int(text)
        if kind == "none":
            return None
        if kind == "str":
            return str(node["v"])[:MAX_TEXT]
        if kind in ("list", "tuple"):
            items = [decode(v, depth + 1, resolve) for v in node["items"]]
            return items if kind == "list" else tuple(items)
        if kind == "dict":
            pairs = [(k, decode(v, depth + 1, resolve)) for k, v in node["items"]]
            if not all(isinstance(k, str) for k, _ in pairs):
                raise WireError("a dict key is not a string")
            return {k[:MAX_TEXT]: v for k, v in pairs}
        if kind == "opaque":
            return _opaque(node.get("type", "object"))
    except WireError:
        raise
    except Exception as err:  # noqa: BLE001 - anything malformed is a WireError
        raise WireError(f"malformed {kind!r} value: {type(err).__name__}") from None
    raise WireError(f"unknown value kind {kind!r}")


def dumps(message):
    return json.dumps(message, separators=(",", ":"))


def loads(text):
    """Parse a message from the kernel, refusing oversized ones."""
    if not isinstance(text, str) or len(text) > MAX_BYTES:
        raise WireError("message missing or too large")
    try:
        message = json.loads(text)
    except ValueError:
        raise WireError("message is not JSON") from None
    if not isinstance(message, dict):
        raise WireError("message is not an object")
    return message
