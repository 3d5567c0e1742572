"""Huber written as 0.5 * min(|r|, delta)**2 + delta * (|r| - min(|r|, delta)), with no branch at all; its gradient
np.clip(r, -delta, delta) / M; MAE through np.maximum(r, -r); log-cosh's gradient as the stable ratio
-expm1(-2|r|) / (1 + exp(-2|r|)) times sign(r); integers turned into floats with astype.
"""
import numpy as np


def _pair(y_true, y_pred):
    y = np.asarray(y_true)
    p = np.asarray(y_pred)
    if y.shape != p.shape:
        raise ValueError("shape mismatch: y_true " + str(y.shape) + ", y_pred " + str(p.shape))
    return y.astype(np.float64), p.astype(np.float64)


def _positive(delta):
    if delta <= 0:
        raise ValueError("Huber needs a positive DELTA, got " + repr(delta))


def mae_forward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    r = p - y
    return float(np.maximum(r, -r).mean())


def mae_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    r = p - y
    return ((r > 0).astype(np.float64) - (r < 0).astype(np.float64)) / r.size


def huber_forward(y_true, y_pred, delta=1.0):
    _positive(delta)
    y, p = _pair(y_true, y_pred)
    a = np.abs(p - y)
    inside = np.minimum(a, delta)
    return float(np.mean(0.5 * inside ** 2 + delta * (a - inside)))


def huber_backward(y_true, y_pred, delta=1.0):
    _positive(delta)
    y, p = _pair(y_true, y_pred)
    return np.clip(p - y, -delta, delta) / p.size


def log_cosh_forward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    r = p - y
    return float(np.mean(np.logaddexp(r, -r) - np.log(2.0)))


def log_cosh_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    r = p - y
    e = np.exp(-2.0 * np.abs(r))
    return np.sign(r) * (-np.expm1(-2.0 * np.abs(r))) / (1.0 + e) / r.size
