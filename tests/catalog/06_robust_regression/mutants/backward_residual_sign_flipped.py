"""Every backward pass takes the residual as truth minus prediction: each gradient has the wrong sign."""


import numpy as np


FAILS = ['huber_backward_values', 'log_cosh_backward_values', 'mae_backward_values']


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


def mae_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    return np.sign(y - p) / p.size


def huber_backward(y_true, y_pred, delta=1.0):
    _delta_ok(delta)
    y, p = _pair(y_true, y_pred)
    r = y - p
    return np.clip(r, -delta, delta) / r.size


def log_cosh_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    return np.tanh(y - p) / p.size
