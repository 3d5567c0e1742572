"""Huber with the quadratic part only for |r| < delta, as PyTorch's documentation writes it: |r| == delta goes to the
linear part, where both parts agree (value delta**2 / 2, slope +-delta). The gradient is delta * sign(r) there, built with
np.where; the other functions use np.where and np.sign, and validate delta with a try/except around float()."""
import numpy as np


def _pair(y_true, y_pred):
    y = np.array(y_true, dtype=float)  # copies: working on them in place is harmless
    p = np.array(y_pred, dtype=float)
    if y.shape != p.shape:
        raise ValueError(f"y_pred {p.shape} does not match y_true {y.shape}")
    return y, p


def _positive(delta):
    try:
        ok = float(delta) > 0
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise ValueError(f"delta must be a positive number (got {delta!r})")


def mae_forward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    p -= y
    np.abs(p, out=p)
    return float(p.mean())


def mae_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    p -= y
    return np.where(p > 0, 1.0, np.where(p < 0, -1.0, 0.0)) / p.size


def huber_forward(y_true, y_pred, delta=1.0):
    _positive(delta)
    y, p = _pair(y_true, y_pred)
    r = p - y
    a = np.abs(r)
    return float(np.where(a < delta, 0.5 * r ** 2, delta * (a - delta / 2)).mean())


def huber_backward(y_true, y_pred, delta=1.0):
    _positive(delta)
    y, p = _pair(y_true, y_pred)
    r = p - y
    return np.where(np.abs(r) < delta, r, delta * np.sign(r)) / r.size


def log_cosh_forward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    a = np.abs(p - y)
    return float(np.mean(a - np.log(2.0) + np.log1p(np.exp(-2.0 * a))))


def log_cosh_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    return np.tanh(p - y) * (1.0 / p.size)
