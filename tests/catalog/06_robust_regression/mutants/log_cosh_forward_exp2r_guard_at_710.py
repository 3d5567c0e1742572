"""log cosh(r) written as log((e^{2|r|} + 1) / 2) - |r|, guarded by |r| - log 2 only beyond |r| = 710 (where the text
says np.cosh overflows). But e^{2|r|} overflows beyond |r| = 354.9, so the loss is inf for 354.9 < |r| < 710, although
the docstring says it must be finite for every residual. Charged in log_cosh_forward_large, whose residuals start at
40 (r = 360, -500, 709.875, 400 in a batch)."""
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

FAILS = ['log_cosh_forward_large']


def log_cosh_forward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    a = np.abs(p - y)
    with np.errstate(over="ignore"):
        near = np.log((np.exp(2.0 * a) + 1.0) / 2.0) - a
    return float(np.mean(np.where(a < 710.0, near, a - np.log(2.0))))
