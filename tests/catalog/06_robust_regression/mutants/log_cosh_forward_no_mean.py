"""One mistake in the reduction: log_cosh_forward returns the loss of each prediction (an array), not their mean.
Charged in log_cosh_forward_values; log_cosh_forward_large reads a result as the mean of its entries, so it does not
charge the same mistake again."""
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
    return a + np.log1p(np.exp(-2.0 * a)) - np.log(2.0)
