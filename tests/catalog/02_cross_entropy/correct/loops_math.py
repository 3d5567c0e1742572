"""Row by row with Python loops and the math module, eps = 1e-15."""
import math

import numpy as np


def _same_shape(a, b, names=("y_true", "y_pred")):
    if np.shape(a) != np.shape(b):
        raise ValueError(f"{names[0]} {np.shape(a)} and {names[1]} {np.shape(b)} differ")


def cross_entropy_forward(y_true, y_pred):
    eps = 1e-15
    _same_shape(y_true, y_pred)
    n, c = np.shape(y_pred)
    total = 0.0
    for i in range(n):
        for j in range(c):
            if y_true[i][j] != 0:
                total -= float(y_true[i][j]) * math.log(max(float(y_pred[i][j]), eps))
    return total / n


def cross_entropy_backward(y_true, y_pred):
    eps = 1e-15
    _same_shape(y_true, y_pred)
    n, c = np.shape(y_pred)
    grad = np.zeros((n, c))
    for i in range(n):
        for j in range(c):
            grad[i, j] = -float(y_true[i][j]) / max(float(y_pred[i][j]), eps) / n
    return grad


def softmax(logits):
    n, c = np.shape(logits)
    out = np.empty((n, c))
    for i in range(n):
        m = max(float(v) for v in logits[i])
        exps = [math.exp(float(v) - m) for v in logits[i]]
        total = math.fsum(exps)
        for j in range(c):
            out[i, j] = exps[j] / total
    return out


def log_softmax(logits):
    n, c = np.shape(logits)
    out = np.empty((n, c))
    for i in range(n):
        m = max(float(v) for v in logits[i])
        log_total = m + math.log(math.fsum(math.exp(float(v) - m) for v in logits[i]))
        for j in range(c):
            out[i, j] = float(logits[i][j]) - log_total
    return out


def softmax_cross_entropy_forward(y_true, logits):
    if np.ndim(y_true) != 1 or len(y_true) != len(logits):
        raise ValueError(f"need one label per row: y_true has shape {np.shape(y_true)}, logits {np.shape(logits)}")
    n = len(y_true)
    total = 0.0
    for i in range(n):
        m = max(float(v) for v in logits[i])
        log_total = m + math.log(math.fsum(math.exp(float(v) - m) for v in logits[i]))
        total += log_total - float(logits[i][int(y_true[i])])
    return total / n


def softmax_cross_entropy_backward(y_true, logits):
    n, c = np.shape(logits)
    if np.ndim(y_true) != 1 or len(y_true) != n:
        raise ValueError(f"need one label per row: y_true has shape {np.shape(y_true)}, logits {np.shape(logits)}")
    grad = softmax(logits)
    for i in range(n):
        grad[i, int(y_true[i])] -= 1.0
        for j in range(c):
            grad[i, j] /= n
    return grad
