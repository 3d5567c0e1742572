"""No loss computed: Huber forward returns inf, Huber backward an array of inf, log-cosh backward sign(r) * inf.
check_close accepts got == expected for equal infinities, and delta**2 * inf == inf, so the own-relative cells check
finiteness explicitly; as 00_start_here says, a function that computes nothing earns nothing in the edge-case cells,
so this entry loses more than one cell of a function."""
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

FAILS = ['huber_forward_values', 'huber_forward_delta', 'huber_backward_values', 'huber_backward_delta',
         'log_cosh_backward_values', 'log_cosh_backward_large']


def huber_forward(y_true, y_pred, delta=1.0):
    _delta_ok(delta)
    y, p = _pair(y_true, y_pred)
    return float("inf")


def huber_backward(y_true, y_pred, delta=1.0):
    _delta_ok(delta)
    y, p = _pair(y_true, y_pred)
    return np.full(p.shape, np.inf)


def log_cosh_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    return np.sign(p - y) * np.inf
