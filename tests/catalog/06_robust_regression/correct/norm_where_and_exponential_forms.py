"""Correct, written otherwise: MAE forward with np.linalg.norm, MAE backward with nested np.where, Huber forward as
delta**2 * (the loss at delta = 1 of r / delta), Huber backward as sign(r) * min(|r|, delta), log-cosh forward
accurate near 0 (log1p(2 sinh(r/2)**2) below |r| = 1, Task 5.1's form above), log-cosh backward as
1 - 2 / (1 + e^{2r}) (e^{2r} overflows to inf beyond r = 354.9, and 2 / inf = 0: finite and saturated, no nan), results
as np.float64. Loses nothing."""
import numpy as np


def _pair(y_true, y_pred):
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y.shape} but y_pred has shape {p.shape}")
    return y, p


def _delta_ok(delta):
    if not delta > 0:
        raise ValueError(f"delta must be > 0, got {delta}")


def mae_forward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    return float(np.linalg.norm((p - y).ravel(), 1) / p.size)


def mae_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    return np.where(p > y, 1.0, np.where(p < y, -1.0, 0.0)) / p.size


def huber_forward(y_true, y_pred, delta=1.0):
    _delta_ok(delta)
    y, p = _pair(y_true, y_pred)
    s = np.abs(p - y) / delta
    return float(delta ** 2 * np.mean(np.where(s <= 1.0, 0.5 * s * s, s - 0.5)))


def huber_backward(y_true, y_pred, delta=1.0):
    _delta_ok(delta)
    y, p = _pair(y_true, y_pred)
    r = p - y
    return np.sign(r) * np.minimum(np.abs(r), delta) / r.size


def log_cosh_forward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    r = p - y
    a = np.abs(r)
    with np.errstate(over="ignore"):
        near = np.log1p(2.0 * np.sinh(np.minimum(a, 1.0) / 2.0) ** 2)
    far = a + np.log1p(np.exp(-2.0 * a)) - np.log(2.0)
    return np.float64(np.mean(np.where(a < 1.0, near, far)))


def log_cosh_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    r = p - y
    with np.errstate(over="ignore"):
        t = 1.0 - 2.0 / (1.0 + np.exp(2.0 * r))
    return t / r.size
