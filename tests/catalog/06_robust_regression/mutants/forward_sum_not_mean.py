"""Every forward pass sums the losses of the M predictions instead of averaging them."""


import numpy as np


FAILS = ['huber_forward_values', 'log_cosh_forward_values', 'mae_forward_values']


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


def mae_forward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    return float(np.sum(np.abs(p - y)))


def huber_forward(y_true, y_pred, delta=1.0):
    _delta_ok(delta)
    y, p = _pair(y_true, y_pred)
    a = np.abs(p - y)
    return float(np.sum(np.where(a <= delta, 0.5 * a ** 2, delta * a - 0.5 * delta ** 2)))


def log_cosh_forward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    a = np.abs(p - y)
    return float(np.sum(a + np.log1p(np.exp(-2 * a)) - np.log(2)))
