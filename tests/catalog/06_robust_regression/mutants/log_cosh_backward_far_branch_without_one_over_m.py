"""log-cosh gradient in two branches: np.tanh(r) / M for |r| < 20, and for larger residuals the saturated value
np.sign(r) -- without the 1 / M. In a batch of 10 with one outlier at r = 100 the outlier's gradient is 1 instead of 0.1.
log_cosh_backward_values sees residuals from 6 to 40 in size and charges it; log_cosh_backward_large compares a batch
with the same batch at +-30 (the same M), where the branch already applies, so the missing 1 / M is not charged twice."""
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

FAILS = ['log_cosh_backward_values']


def log_cosh_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    r = p - y
    grad = np.tanh(r) / r.size
    far = np.abs(r) >= 20.0
    grad[far] = np.sign(r[far])
    return grad
