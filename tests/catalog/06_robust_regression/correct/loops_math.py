"""Element by element with Python loops and the math module.

The residuals are walked with np.ndindex; the Huber loss and gradient use if/else on |r| against delta,
log-cosh is |r| + math.log1p(math.exp(-2|r|)) - math.log(2), its gradient math.tanh, the MAE gradient
if r > 0 / elif r < 0 (0 at a tie), and the error messages phrase things their own way.
"""
import math

import numpy as np


def _residuals(y_true, y_pred):
    """Every residual y_pred - y_true as a Python float, with its index, and the shape of y_pred."""
    truth = np.asarray(y_true)
    pred = np.asarray(y_pred)
    if truth.shape != pred.shape:
        raise ValueError(f"cannot pair targets of shape {truth.shape} with predictions of shape {pred.shape}")
    return [(idx, float(pred[idx]) - float(truth[idx])) for idx in np.ndindex(pred.shape)], pred.shape


def _positive(delta):
    if not delta > 0:
        raise ValueError(f"the Huber threshold delta={delta} is not positive")


def mae_forward(y_true, y_pred):
    pairs, _ = _residuals(y_true, y_pred)
    return math.fsum(abs(r) for _, r in pairs) / len(pairs)


def mae_backward(y_true, y_pred):
    pairs, shape = _residuals(y_true, y_pred)
    grad = np.zeros(shape)
    for idx, r in pairs:
        if r > 0:
            grad[idx] = 1.0 / len(pairs)
        elif r < 0:
            grad[idx] = -1.0 / len(pairs)
    return grad


def huber_forward(y_true, y_pred, delta=1.0):
    _positive(delta)
    pairs, _ = _residuals(y_true, y_pred)
    total = 0.0
    for _, r in pairs:
        if abs(r) <= delta:
            total += 0.5 * r * r
        else:
            total += delta * abs(r) - 0.5 * delta * delta
    return total / len(pairs)


def huber_backward(y_true, y_pred, delta=1.0):
    _positive(delta)
    pairs, shape = _residuals(y_true, y_pred)
    grad = np.zeros(shape)
    for idx, r in pairs:
        if abs(r) <= delta:
            grad[idx] = r / len(pairs)
        else:
            grad[idx] = math.copysign(delta, r) / len(pairs)
    return grad


def log_cosh_forward(y_true, y_pred):
    pairs, _ = _residuals(y_true, y_pred)
    total = 0.0
    for _, r in pairs:
        total += abs(r) + math.log1p(math.exp(-2.0 * abs(r))) - math.log(2.0)
    return total / len(pairs)


def log_cosh_backward(y_true, y_pred):
    pairs, shape = _residuals(y_true, y_pred)
    grad = np.zeros(shape)
    for idx, r in pairs:
        grad[idx] = math.tanh(r) / len(pairs)
    return grad
