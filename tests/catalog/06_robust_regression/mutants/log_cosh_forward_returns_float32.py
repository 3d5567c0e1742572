"""One mistake in the type: log_cosh_forward computes in float64 but returns np.float32(mean). Charged in
log_cosh_forward_values (not a float, and float32's rounding is above a relative 1e-9); log_cosh_forward_large allows
16 times the rounding of the type returned, so it does not charge it again."""
import numpy as np


def _pair(y_true, y_pred):
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y.shape} but y_pred has shape {p.shape}")
    return y, p

FAILS = ['log_cosh_forward_values']


def log_cosh_forward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    a = np.abs(p - y)
    return np.float32(np.mean(a + np.log1p(np.exp(-2.0 * a)) - np.log(2.0)))
