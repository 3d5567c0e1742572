"""One type mistake per function: computed in float64, returned in float32 (np.float32 for a loss, .astype(np.float32)
for a gradient). Charged in each values cell; the own-relative cells compare to a relative 1e-6 (Huber delta) or
compare the function with itself at saturated entries (log-cosh backward), so they do not charge it again."""
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

FAILS = ['mae_backward_values', 'huber_forward_values', 'huber_backward_values', 'log_cosh_backward_values']


def mae_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    return (np.sign(p - y) / p.size).astype(np.float32)


def huber_forward(y_true, y_pred, delta=1.0):
    _delta_ok(delta)
    y, p = _pair(y_true, y_pred)
    r = p - y
    a = np.abs(r)
    return np.float32(np.mean(np.where(a <= delta, 0.5 * r * r, delta * (a - 0.5 * delta))))


def huber_backward(y_true, y_pred, delta=1.0):
    _delta_ok(delta)
    y, p = _pair(y_true, y_pred)
    r = p - y
    return (np.clip(r, -delta, delta) / r.size).astype(np.float32)


def log_cosh_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    r = p - y
    return (np.tanh(r) / r.size).astype(np.float32)
