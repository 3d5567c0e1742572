"""Checks shared by every assignment of *Loss Functions from Scratch*.

Use ``numerical_gradient``, ``rel_error`` and ``grad_check`` to test your own
backward functions.  ``check_answer`` and ``check_choice`` check the numbers and
choices you give in derivation checks and questions, ``check_settings`` the
training settings you choose for a model.  The graded test cells use the ``expect_*``, ``as_*`` and
``check_*`` helpers below, so that every failure message says what was expected,
what came back and what the likely mistake is.

Keep this file next to the notebook.  When your notebook is graded, the graded
cells use the instructor's copy of this file, whatever yours holds.
"""
import builtins
import contextlib
import functools
import hashlib
import io
import warnings

import numpy as np

__all__ = [
    "numerical_gradient", "rel_error", "grad_check",
    "quietly", "expect_float", "expect_array", "as_float", "as_array", "check_close", "check_raises",
    "check_unmodified", "snapshot", "require", "CheckFailed",
    "check_answer", "check_choice", "check_settings", "answer_digest",
]


# --------------------------------------------------------------------------
# Gradient checking (for students)
# --------------------------------------------------------------------------
def numerical_gradient(f, x, h=1e-6):
    """Centred finite difference of the scalar function ``f`` at array ``x``.

    Returns an array of x's shape whose entry i is
    (f at x with entry i raised by h - f at x with entry i lowered by h) / (2 h).  ``x`` is not modified.
    """
    x = np.array(x, dtype=np.float64, copy=True)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        f_plus = float(f(x.copy()))
        x[i] = old - h
        f_minus = float(f(x.copy()))
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2.0 * h)
    return grad


def rel_error(a, b):
    """Largest elementwise relative error max |a-b| / max(|a|+|b|, 1e-8)."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-8)))


def grad_check(loss, grad, y_true, y_pred, h=1e-6):
    """Compare ``grad(y_true, y_pred)`` with a finite difference of ``loss``.

    Returns the relative error; below about 1e-6 means the gradient is right.
    """
    numeric = numerical_gradient(lambda p: loss(y_true, p), y_pred, h)
    analytic = grad(y_true, np.array(y_pred, dtype=np.float64, copy=True))
    return rel_error(analytic, numeric)


# --------------------------------------------------------------------------
# Helpers for the graded tests
# --------------------------------------------------------------------------
DETAILS = "--- details (hidden in student feedback) ---"


class CheckFailed(AssertionError):
    """A graded check failed.

    The message has a public part (what is wrong, the likely cause) and, after
    the DETAILS line, the case, the expected value and what came back.  Student
    feedback shows only the public part, so hidden inputs stay hidden.
    """


# The type and exception names a failure message may show: Python's and NumPy's own.
# Any other name is shown only in the details, which feedback leaves out.
_BUILTIN_EXCEPTIONS = {n for n, o in vars(builtins).items() if isinstance(o, type) and issubclass(o, BaseException)}


def public_type_name(value):
    """The name of ``value``'s type if it is Python's or NumPy's own, else "another type"."""
    kind = type(value)
    return kind.__name__ if kind.__module__ in ("builtins", "numpy") else "another type"


def public_exception_name(name):
    """An exception's class name if it is one of Python's own, else a phrase that does not repeat it."""
    return name if name in _BUILTIN_EXCEPTIONS else "an exception of its own class"


def _fail(name, what, details=(), advice=()):
    lines = [what, *advice, DETAILS, f"check: {name}", *details]
    raise CheckFailed("\n  ".join(lines))


def require(condition, name, what, details=(), advice=()):
    """Fail with a CheckFailed unless ``condition`` holds (an ``assert`` with a teaching message)."""
    if not condition:
        _fail(name, what, details, advice)


def quietly(fn, *args, **kwargs):
    """Call ``fn`` with NumPy floating-point warnings silenced.

    nbgrader gives a test cell no points when anything is written to stderr,
    so a correct function that happens to warn (log(0) before clipping, say)
    or prints debugging output to stderr must not be penalised for it.
    Exceptions still propagate.
    """
    with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        with np.errstate(all="ignore"):
            return fn(*args, **kwargs)


def _article(type_name):
    return type_name if type_name.startswith("another") else f"a {type_name}"


def expect_float(name, value):
    """``value`` must be a real float (Python float or np.float64); returns it."""
    if type(value) not in (float, np.float64):
        advice = []
        if type(value) is np.ndarray:
            advice = ["A forward pass returns the mean loss: reduce with np.mean and return float(...)."]
        _fail(name, f"the result should be a float (the mean loss), not {_article(public_type_name(value))}.",
              advice=advice, details=[f"type: {type(value).__name__}"])
    return float(value)


def _wrong_shape(name, shape, got):
    _fail(name, "the result has the wrong shape: a gradient has one entry per prediction, "
                "so it has the shape of y_pred.",
          details=[f"expected shape {tuple(shape)}, got {got}"])


def expect_array(name, value, shape):
    """``value`` must be a float64 ndarray of ``shape``; returns a copy."""
    if type(value) is not np.ndarray:
        _fail(name, f"the result should be a NumPy float64 array, not {_article(public_type_name(value))}.",
              details=[f"type: {type(value).__name__}"])
    if value.dtype != np.float64:
        _fail(name, f"the result should have dtype float64, not {value.dtype}.",
              advice=["Likely cause: integer labels leaked into the result; "
                      "convert with np.asarray(x, dtype=float)."])
    if value.shape != tuple(shape):
        _wrong_shape(name, shape, value.shape)
    return np.array(value, dtype=np.float64, copy=True)


def as_float(name, value):
    """``value`` read as one number, whatever its type (a 0-d or one-element array, np.float32, ...).

    Cells that check edge cases or the contract use this instead of ``expect_float``:
    the type of a result is charged once, in the values cell.
    """
    try:
        arr = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        arr = None
    if arr is None or arr.size != 1:
        _fail(name, "the result should be one number (the mean loss).",
              details=[f"type: {type(value).__name__}"])
    return float(arr.reshape(()))


def as_array(name, value, shape):
    """``value`` read as a float64 array of ``shape``, whatever its dtype or type (see ``as_float``)."""
    try:
        arr = np.array(value, dtype=np.float64, copy=True)
    except (TypeError, ValueError):
        arr = None
    if arr is None or arr.shape != tuple(shape):
        _wrong_shape(name, shape, type(value).__name__ if arr is None else arr.shape)
    return arr


def _allclose(got, expected, rtol, atol):
    diff = np.abs(got - expected)
    ok = np.isfinite(got) & (diff <= atol + rtol * np.abs(expected))
    ok |= (got == expected)  # equal infinities
    return bool(ok.all()), diff


def check_close(name, got, expected, rtol=1e-6, atol=1e-9, likely=None, hint=None, strict=True):
    """Compare a float or array with ``expected``.

    ``likely`` maps a description of a common mistake to the value that
    mistake produces; when ``got`` matches one, the message names it.
    With ``strict`` (for values cells) the result must also have the right type:
    a ``float``, or a float64 ndarray; without it (edge-case and contract cells)
    any number or array of the right shape is read as float64.
    """
    expected_arr = np.asarray(expected, dtype=np.float64)
    if np.ndim(expected_arr) == 0:
        got_arr = np.float64(expect_float(name, got) if strict else as_float(name, got))
    else:
        got_arr = expect_array(name, got, expected_arr.shape) if strict else as_array(name, got, expected_arr.shape)
    ok, diff = _allclose(got_arr, expected_arr, rtol, atol)
    if ok:
        return
    details = []
    if np.ndim(expected_arr) == 0:
        details.append(f"expected {float(expected_arr):.10g}, got {float(got_arr):.10g}")
    else:
        bad = np.unravel_index(np.nanargmax(np.where(np.isfinite(diff), diff, np.inf)), diff.shape)
        n_bad = int(np.sum(~(diff <= atol + rtol * np.abs(expected_arr))))
        details.append(f"at index {tuple(int(i) for i in bad)} expected {expected_arr[bad]:.10g}, "
                       f"got {got_arr[bad]:.10g}; {n_bad} of {diff.size} entries differ (rtol={rtol:g})")
    advice = []
    if not np.all(np.isfinite(got_arr)):
        advice.append("The result contains inf or nan: look for log(0), division by 0 or exp overflow.")
    for mistake, value in (likely or {}).items():
        value = np.asarray(value, dtype=np.float64)
        if value.shape == got_arr.shape and _allclose(got_arr, value, 1e-6, 1e-9)[0]:
            advice.append(f"Likely cause: {mistake}.")
            break
    else:
        if hint:
            advice.append(f"Hint: {hint}")
    _fail(name, "wrong values.", details, advice)


def check_raises(name, fn, *args, match=(), why=""):
    """``fn(*args)`` must raise ValueError whose message contains every ``match``, ignoring case and spaces.

    ``why`` is shown to the student on failure: say there what the message should name.
    """
    advice = [why] if why else []
    try:
        quietly(fn, *args)
    except ValueError as err:
        squeezed = "".join(str(err).split()).casefold()
        missing = [m for m in match if "".join(m.split()).casefold() not in squeezed]
        if missing:
            _fail(name, "a ValueError was raised, but its message does not say what is wrong.", advice=advice,
                  details=[f"message: {str(err)!r}; it should mention {missing}"])
        return
    except Exception as err:  # noqa: BLE001 - report what was raised instead
        _fail(name, f"expected a ValueError, got {public_exception_name(type(err).__name__)}.", advice=advice,
              details=[f"{type(err).__name__}: {err}"])
    _fail(name, "expected a ValueError, but nothing was raised.", advice=advice)


def snapshot(*arrays):
    """Copies of the inputs, to check later that they were not modified."""
    return [np.array(a, copy=True) for a in arrays]


def check_unmodified(name, arrays, copies):
    """Every array must still equal the copy taken before the call."""
    for k, (a, c) in enumerate(zip(arrays, copies)):
        if a.shape != c.shape or not np.array_equal(a, c, equal_nan=True):
            _fail(name, f"argument {k + 1} was modified in place.",
                  advice=["Functions must not change their inputs: work on a copy "
                          "(np.clip(x, ...) instead of np.clip(x, ..., out=x), "
                          "x = x - 1 instead of x -= 1)."])




# --------------------------------------------------------------------------
# Derivation checks and questions
# --------------------------------------------------------------------------
ANSWER_DIGITS = 4  # a number is compared with the right one at this many significant digits


def _rounded(number):
    """``number`` written with ANSWER_DIGITS significant digits (no negative zero)."""
    text = f"{number:.{ANSWER_DIGITS - 1}e}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


DIGEST_ROUNDS = 60_000  # each fingerprint takes some milliseconds: guessing the answer by trying numbers is slow


def answer_digest(label, number):
    """The fingerprint of ``number`` rounded to 4 significant digits, for the question ``label``.

    A derivation check compares the fingerprint of your number with that of the
    right one, so it can tell you whether yours is right without printing the answer.
    (A fingerprint is deliberately slow to compute, so that trying numbers one by one
    until one fits takes far longer than the derivation.)
    """
    return _digest(f"{label}|{_rounded(float(number))}")


@functools.lru_cache(maxsize=4096)
def _digest(key):
    """The fingerprint of one rounded answer (remembered: a check compares three nearby numbers, which mostly
    round alike, and the grader meets the same right answer in every notebook of a class)."""
    return hashlib.pbkdf2_hmac("sha256", key.encode(), b"loss-functions-from-scratch", DIGEST_ROUNDS).hex()[:16]


def _plain_number(value):
    """A Python int or float, a NumPy number or a NumPy array: what the grader reads back (no subclasses)."""
    kind = type(value)
    return kind in (int, float, np.ndarray) or (kind.__module__ == "numpy" and issubclass(kind, (np.integer, np.floating)))


def _as_number(label, value):
    if not _plain_number(value):
        _fail(label, f"the answer should be a number, not {_article(public_type_name(value))}.",
              advice=["Store a plain number in the variable the task names: a Python float or int, or a NumPy "
                      "number (an expression such as -1 / 0.25 is fine)."],
              details=[f"type: {type(value).__name__}"])
    arr = np.asarray(value, dtype=np.float64)
    if arr.size != 1 or not np.isfinite(arr).all():
        _fail(label, "the answer should be one finite number.", details=[f"got {arr!r}"[:200]])
    return float(arr.reshape(()))


def check_answer(label, value, digest=None, expected=None):
    """Check the number ``value`` you gave for the derivation check ``label``.

    In your notebook it is compared with ``digest``, a fingerprint of the right
    number (see ``answer_digest``): the check tells you at once whether your
    number agrees with the right one to 4 significant digits.  When the
    notebook is graded, your number is compared with the right number itself, at
    the same 4 significant digits: what the check tells you is what is graded.
    """
    number = _as_number(label, value)
    if digest is not None:
        nearby = {answer_digest(label, number * (1 + s)) for s in (-1e-9, 0.0, 1e-9)}
        require(digest in nearby, label, "this number is not the right one (compared at 4 significant digits).",
                advice=["Go back to your derivation: check each step, the signs, and any factor 1/N or 1/M."],
                details=[f"got {number:.10g}"])
    if expected is not None:
        require(_rounded(expected) in {_rounded(number * (1 + s)) for s in (-1e-9, 0.0, 1e-9)}, label,
                "this number is not the right one (compared at 4 significant digits).",
                advice=["Go back to your derivation: check each step, the signs, and any factor 1/N or 1/M."],
                details=[f"expected {expected:.10g}, got {number:.10g}"])


def _normalised_choice(value):
    return "".join(value.split()).strip("().").casefold()


def check_choice(label, value, options, expected=None):
    """Check the choice ``value`` you gave for the question ``label``: one of ``options`` ("a", "b", ...).

    Case, spaces and brackets do not matter: "B", " b" and "(b)" are the same choice.
    """
    options = [_normalised_choice(o) for o in options]
    if type(value) is not str or _normalised_choice(value) not in options:  # a plain str: what the grader reads back
        _fail(label, f"the answer should be one of {', '.join(repr(o) for o in options)} (a string).",
              details=[f"got {value!r}"[:200]])
    if expected is not None:
        require(_normalised_choice(value) == _normalised_choice(expected), label, "this is not the right choice.",
                advice=["Reread the question and the result it refers to; the notebook's figures can help."],
                details=[f"expected {expected!r}, got {value!r}"])


SETTINGS = ("lr", "epochs", "lam", "batch_size")


def check_settings(label, settings, budget):
    """Check the training settings you chose for the model ``label``; return them as a new dict.

    ``settings`` is a dict with exactly the keys ``lr`` (a number > 0, the learning rate),
    ``epochs`` (a whole number from 1 to ``budget``), ``lam`` (a number >= 0, the L2 strength)
    and ``batch_size`` (None for full-batch gradient descent, or a whole number >= 1).
    """
    if type(settings) is not dict:  # a plain dict: what the grader reads back
        _fail(label, f"the settings should be a dict, not {_article(public_type_name(settings))}.",
              advice=[f"Write them as {{'lr': 0.1, 'epochs': 100, 'lam': 0.0, 'batch_size': None}}."])
    keys = sorted(map(str, settings))
    require(keys == sorted(SETTINGS), label, f"the settings should have exactly the keys {', '.join(SETTINGS)}.",
            details=[f"got the keys {', '.join(keys)}"[:300]])
    whole = lambda v: type(v) is int or (type(v).__module__ == "numpy" and isinstance(v, np.integer))  # noqa: E731
    real = lambda v: whole(v) or type(v) is float or (type(v).__module__ == "numpy" and isinstance(v, np.floating))  # noqa: E731
    lr, epochs, lam, batch_size = (settings[k] for k in SETTINGS)
    require(real(lr) and np.isfinite(lr) and lr > 0, label, "the learning rate 'lr' should be a number > 0.",
            details=[f"got {lr!r}"[:200]])
    require(whole(epochs) and 1 <= epochs <= budget, label,
            f"'epochs' should be a whole number from 1 to {budget}, this model's budget.", details=[f"got {epochs!r}"[:200]])
    require(real(lam) and np.isfinite(lam) and lam >= 0, label, "the L2 strength 'lam' should be a number >= 0.",
            details=[f"got {lam!r}"[:200]])
    require(batch_size is None or (whole(batch_size) and batch_size >= 1), label,
            "'batch_size' should be None (full-batch gradient descent) or a whole number >= 1.",
            details=[f"got {batch_size!r}"[:200]])
    return {"lr": float(lr), "epochs": int(epochs), "lam": float(lam),
            "batch_size": None if batch_size is None else int(batch_size)}
