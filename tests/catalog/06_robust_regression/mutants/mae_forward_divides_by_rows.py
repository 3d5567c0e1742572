"""Divides the summed absolute error by len(y_true), the N rows, instead of M = y_pred.size: right for 1-D batches only."""


import numpy as np


FAILS = ['mae_forward_values']


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
    return float(np.sum(np.abs(p - y)) / len(y))
