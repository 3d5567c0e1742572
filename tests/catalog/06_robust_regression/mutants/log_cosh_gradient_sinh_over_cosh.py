"""The log-cosh gradient as sinh(r) / cosh(r) / M: right for moderate residuals, inf / inf = nan beyond |r| = 710."""


import numpy as np


FAILS = ['log_cosh_backward_large']


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


def log_cosh_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    r = p - y
    return np.sinh(r) / np.cosh(r) / r.size
