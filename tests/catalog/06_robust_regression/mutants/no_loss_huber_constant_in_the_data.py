"""Computes no loss: huber_forward returns delta**2 and huber_backward an array full of delta, whatever the data.
Both obey the scaling rule of the delta cells exactly (delta**2 * 1 and delta * 1), finite and far above 1e-6; the delta
cells also call the function with every prediction exact, where the result must differ (a constant earns nothing
there). Loses the values cell and the delta cell of both functions."""
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

FAILS = ['huber_forward_values', 'huber_forward_delta', 'huber_backward_values', 'huber_backward_delta']


def huber_forward(y_true, y_pred, delta=1.0):
    _delta_ok(delta)
    _pair(y_true, y_pred)
    return float(delta) ** 2


def huber_backward(y_true, y_pred, delta=1.0):
    _delta_ok(delta)
    y, p = _pair(y_true, y_pred)
    return np.full(p.shape, float(delta))
