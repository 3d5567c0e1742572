"""np.log(np.cosh(r)) with the far formula |r| - log 2 only from |r| = 711 on (section 5's demo shows np.cosh
overflowing at 711), but np.cosh already overflows beyond 710.48: the loss is inf for 710.48 < |r| < 711. Charged in
log_cosh_forward_large (r = -710.5, 710.75, and -710.75 in a batch)."""
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
    r = p - y
    a = np.abs(r)
    with np.errstate(over="ignore"):
        near = np.log(np.cosh(r))
    return float(np.mean(np.where(a < 711.0, near, a - np.log(2.0))))
