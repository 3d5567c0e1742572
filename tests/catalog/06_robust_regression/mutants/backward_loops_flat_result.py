"""One mistake, the same in the three backward passes: the gradient is built element by element in a Python list over
r.flat and returned as np.array(list), a 1-D array of M entries, whatever y_pred's shape; the values are right.
The shape is charged in each values cell only: the edge-case cells (mae_backward_ties, huber_backward_delta,
log_cosh_backward_large) read a gradient entry by entry, in y_pred's order."""
import math
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

FAILS = ['mae_backward_values', 'huber_backward_values', 'log_cosh_backward_values']


def mae_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    r = p - y
    return np.array([(1.0 if d > 0 else -1.0 if d < 0 else 0.0) / r.size for d in r.flat])


def huber_backward(y_true, y_pred, delta=1.0):
    _delta_ok(delta)
    y, p = _pair(y_true, y_pred)
    r = p - y
    return np.array([max(-delta, min(d, delta)) / r.size for d in r.flat])


def log_cosh_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    r = p - y
    return np.array([math.tanh(d) / r.size for d in r.flat])
