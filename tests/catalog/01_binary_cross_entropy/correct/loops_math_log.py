"""Element by element with Python loops and the math module, eps = 1e-15."""
import math

import numpy as np


def _shapes_agree(y_true, y_pred):
    a, b = np.shape(y_true), np.shape(y_pred)
    if a != b:
        raise ValueError("y_true " + str(a) + " and y_pred " + str(b) + " must have the same shape")


def bce_forward(y_true, y_pred):
    _shapes_agree(y_true, y_pred)
    eps = 1e-15
    total = 0.0
    for y, p in zip(np.ravel(y_true), np.ravel(y_pred)):
        p = min(max(float(p), eps), 1 - eps)
        total -= y * math.log(p) + (1 - y) * math.log(1 - p)
    return total / np.size(y_pred)


def bce_backward(y_true, y_pred):
    _shapes_agree(y_true, y_pred)
    eps = 1e-15
    grad = np.empty(np.shape(y_pred))
    n = grad.size
    for idx in np.ndindex(grad.shape):
        p = min(max(float(y_pred[idx]), eps), 1 - eps)
        grad[idx] = (p - y_true[idx]) / (p * (1 - p)) / n
    return grad


def sigmoid(z):
    out = np.empty(np.shape(z))
    for idx in np.ndindex(out.shape):
        x = float(z[idx])
        if x >= 0:
            out[idx] = 1 / (1 + math.exp(-x))
        else:
            t = math.exp(x)
            out[idx] = t / (1 + t)
    return out


def bce_with_logits_forward(y_true, logits):
    _shapes_agree(y_true, logits)
    total = 0.0
    for y, z in zip(np.ravel(y_true), np.ravel(logits)):
        total += max(z, 0.0) - z * y + math.log1p(math.exp(-abs(z)))
    return total / np.size(logits)


def bce_with_logits_backward(y_true, logits):
    _shapes_agree(y_true, logits)
    grad = np.empty(np.shape(logits))
    for idx in np.ndindex(grad.shape):
        grad[idx] = (sigmoid(np.array([logits[idx]]))[0] - y_true[idx]) / grad.size
    return grad
