"""log-cosh computed as written, np.log(np.cosh(r)): right for moderate residuals, inf beyond |r| ≈ 710.5."""


import numpy as np


FAILS = ['log_cosh_forward_large']


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


def log_cosh_forward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    return float(np.mean(np.log(np.cosh(p - y))))
