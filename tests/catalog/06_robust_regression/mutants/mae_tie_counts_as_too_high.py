"""At a tie the MAE gradient is +1/M: np.where(r >= 0, 1, -1) instead of np.sign, which is 0 at 0."""


import numpy as np


FAILS = ['mae_backward_ties']


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
    r = p - y
    return np.where(r >= 0, 1.0, -1.0) / r.size
