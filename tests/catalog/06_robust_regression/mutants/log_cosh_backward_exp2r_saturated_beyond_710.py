"""tanh(r) written as (e^{2r} - 1) / (e^{2r} + 1), saturated to sign(r) only beyond |r| = 710 (where the text says
sinh and cosh overflow). e^{2r} overflows beyond r = 354.9, and inf / inf is nan: the gradient is nan for
354.9 < r <= 710, although the docstring says it must be finite for every residual. Charged in
log_cosh_backward_large, whose residuals start at 40 (r = 360, 400, 709.875)."""
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

FAILS = ['log_cosh_backward_large']


def log_cosh_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    r = p - y
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(2.0 * r)
        t = (e - 1.0) / (e + 1.0)
    return np.where(np.abs(r) > 710.0, np.sign(r), t) / r.size
