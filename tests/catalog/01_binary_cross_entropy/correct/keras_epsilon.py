"""Keras' eps = 1e-7, inputs converted with astype, the mean taken over .size by hand, shapes compared with an assert-like helper."""
import numpy as np

EPSILON = 1e-7


def _require_same_shape(a, b):
    if a.shape != b.shape:
        raise ValueError("shape mismatch: y_true is %s, y_pred is %s" % (a.shape, b.shape))


def bce_forward(y_true, y_pred):
    _require_same_shape(y_true, y_pred)
    y = y_true.astype(np.float64)
    p = np.clip(y_pred.astype(np.float64), EPSILON, 1 - EPSILON)
    losses = -(y * np.log(p) + (1 - y) * np.log(1 - p))
    return float(losses.sum() / losses.size)


def bce_backward(y_true, y_pred):
    _require_same_shape(y_true, y_pred)
    p = np.clip(y_pred.astype(np.float64), EPSILON, 1 - EPSILON)
    return ((p - y_true) / (p - p * p)) / p.size


def sigmoid(z):
    z = z.astype(np.float64)
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1 / (1 + np.exp(-z[pos]))
    t = np.exp(z[~pos])
    out[~pos] = t / (1 + t)
    return out


def bce_with_logits_forward(y_true, logits):
    _require_same_shape(y_true, logits)
    z = logits.astype(np.float64)
    return float(np.mean(np.maximum(z, 0) - z * y_true + np.log(1 + np.exp(-np.abs(z)))))


def bce_with_logits_backward(y_true, logits):
    _require_same_shape(y_true, logits)
    return (sigmoid(logits) - y_true) / logits.size
