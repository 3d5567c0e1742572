"""Builds the Huber gradient in np.asarray(y_pred, dtype=float), which is y_pred itself for a float array:
the gradient is right, and the caller's predictions are overwritten with it."""


import numpy as np


FAILS = ['huber_backward_contract']


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


def huber_backward(y_true, y_pred, delta=1.0):
    _delta_ok(delta)
    y, _ = _pair(y_true, y_pred)
    grad = np.asarray(y_pred, dtype=float)
    grad -= y
    np.clip(grad, -delta, delta, out=grad)
    grad /= grad.size
    return grad
