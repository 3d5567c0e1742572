"""log cosh(r) = log cosh(min(|r|, 20)) + (|r| - 20)_+, but the second part is summed instead of averaged:
np.mean(first) + np.sum(second). Wrong by a factor M on the tail of every batch with M > 1 and a residual beyond 20:
charged in log_cosh_forward_values (residuals up to 40 in size). log_cosh_forward_large measures the slope beyond 30
in the same batch from the function itself (here 1 instead of 1 / M), as it must for a function that sums instead of
averaging, so it passes there."""
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

FAILS = ['log_cosh_forward_values']


def log_cosh_forward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    a = np.abs(p - y)
    return float(np.mean(np.log(np.cosh(np.minimum(a, 20.0)))) + np.sum(np.maximum(a - 20.0, 0.0)))
