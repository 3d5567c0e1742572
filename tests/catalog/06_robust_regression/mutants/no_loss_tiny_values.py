"""No loss computed at all: forward passes return 1e-300, backward passes 1e-300 * sign(r)
(Huber's backward a constant array of 1e-300); shapes and delta are validated. The own-relative cells compare with
atol = 0 and ask for results above 1e-6 in size on inputs where the right ones are large, so values far below
check_close's default atol of 1e-9 earn nothing there; as 00_start_here says, a function that computes nothing earns
nothing in the edge-case cells, so this entry loses more than one cell of a function."""
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

FAILS = ['mae_forward_values', 'huber_forward_values', 'huber_forward_delta', 'log_cosh_forward_values',
         'log_cosh_forward_large', 'mae_backward_values', 'mae_backward_ties', 'huber_backward_values',
         'huber_backward_delta', 'log_cosh_backward_values', 'log_cosh_backward_large']


def mae_forward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    return 1e-300


def huber_forward(y_true, y_pred, delta=1.0):
    _delta_ok(delta)
    y, p = _pair(y_true, y_pred)
    return 1e-300


def log_cosh_forward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    return 1e-300


def mae_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    return np.sign(p - y) * 1e-300


def huber_backward(y_true, y_pred, delta=1.0):
    _delta_ok(delta)
    y, p = _pair(y_true, y_pred)
    return np.full(p.shape, 1e-300)


def log_cosh_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    return np.sign(p - y) * 1e-300
