"""The quadratic part of the Huber loss is r**2 instead of r**2 / 2 (the linear part is right)."""


import numpy as np


FAILS = ['huber_forward_values']


def _pair(y_true, y_pred):
    """Both arrays in float64, after checking that their shapes are equal."""
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y.shape} but y_pred has shape {p.shape}")
    return y, p


def _delta_ok(delta):
    if not delta > 0:
        raise ValueError(f"delta must be > 0, got {delta}")


def huber_forward(y_true, y_pred, delta=1.0):
    _delta_ok(delta)
    y, p = _pair(y_true, y_pred)
    a = np.abs(p - y)
    return float(np.mean(np.where(a <= delta, a ** 2, delta * (a - 0.5 * delta))))
