"""One mistake per function: the inputs converted to float32 instead of float64 (the results still returned as
Python floats or arrays). Charged in each values cell (relative 1e-9); the own-relative cells (huber_*_delta to a
relative 1e-6, the log-cosh _large cells, whose inputs are exact in float32 and whose loss is read with log 2 in
float64) do not charge it again."""
import numpy as np


def _pair(y_true, y_pred):
    y = np.asarray(y_true, dtype=np.float32)
    p = np.asarray(y_pred, dtype=np.float32)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y.shape} but y_pred has shape {p.shape}")
    return y, p


def _delta_ok(delta):
    if not delta > 0:
        raise ValueError(f"delta must be > 0, got {delta}")

FAILS = ['huber_forward_values', 'huber_backward_values', 'log_cosh_forward_values', 'log_cosh_backward_values']


def huber_forward(y_true, y_pred, delta=1.0):
    _delta_ok(delta)
    y, p = _pair(y_true, y_pred)
    r = p - y
    a = np.abs(r)
    return float(np.mean(np.where(a <= delta, 0.5 * r * r, delta * (a - 0.5 * delta))))


def huber_backward(y_true, y_pred, delta=1.0):
    _delta_ok(delta)
    y, p = _pair(y_true, y_pred)
    r = p - y
    return np.clip(r, -delta, delta) / r.size


def log_cosh_forward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    a = np.abs(p - y)
    return float(np.mean(a + np.log1p(np.exp(-2 * a)) - np.log(2)))


def log_cosh_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    r = p - y
    return np.tanh(r) / r.size
