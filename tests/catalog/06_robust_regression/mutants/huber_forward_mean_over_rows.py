"""One mistake in the mean: huber_forward averages with np.mean(..., axis=0), over the N rows only, so a 2-D batch
gets one loss per column (an array) instead of one float; a 1-D batch is right. Section 6 says that a mistake in the
mean is charged once, at delta = 1 (huber_forward_values): huber_forward_delta reads the results as arrays and compares
them entry by entry with delta**2 times the function's own results at delta = 1, which obey the same scaling."""
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

FAILS = ['huber_forward_values']


def huber_forward(y_true, y_pred, delta=1.0):
    _delta_ok(delta)
    y, p = _pair(y_true, y_pred)
    r = p - y
    a = np.abs(r)
    return np.mean(np.where(a <= delta, 0.5 * r ** 2, delta * (a - 0.5 * delta)), axis=0)
