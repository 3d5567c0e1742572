"""log-cosh in two branches, as many libraries write it: np.log(np.cosh(r)) for |r| < 20 and the asymptote beyond,
but the asymptote is taken as |r| instead of |r| - log 2. The loss jumps by log 2 = 0.69 at |r| = 20 and is wrong by
0.69 for every residual beyond: log_cosh_forward(0, 25) returns 25 instead of 24.307. log_cosh_forward_values sees
residuals from 6 to 40 in size and charges it; log_cosh_forward_large compares with the function's own loss at |r| = 30,
beyond the jump, and its own slope, 1 / M, so it passes there."""
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
    small = np.log(np.cosh(np.minimum(a, 20.0)))
    return float(np.mean(np.where(a < 20.0, small, a)))
