"""Allocates the MAE gradient with np.zeros_like(y_pred): for integer inputs an integer array, so +-1/M truncates to 0.
Float inputs are fine; the type is charged in the values cell only (the ties cell reads any numeric array)."""


import numpy as np


FAILS = ['mae_backward_values']


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
    _pair(y_true, y_pred)
    r = np.asarray(y_pred) - np.asarray(y_true)
    grad = np.zeros_like(y_pred)
    grad[r > 0] = 1 / r.size
    grad[r < 0] = -1 / r.size
    return grad
