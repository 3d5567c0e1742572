"""Half-vectorised: a loop over the samples, NumPy over the classes; labels checked with a
boolean mask and converted to float first; the gradient built with np.zeros(shape)."""
import numpy as np


def hinge_forward(y_true, scores):
    y = np.array(y_true, dtype=np.float64)
    if not np.all((y == 1.0) | (y == -1.0)):
        raise ValueError("hinge_forward: y_true must hold only -1 and +1 (for {0, 1} labels use 2*y - 1)")
    losses = [max(0.0, 1.0 - yi * si) for yi, si in zip(y, scores)]
    return float(sum(losses) / len(losses))


def hinge_backward(y_true, scores):
    y = np.array(y_true, dtype=np.float64)
    if not np.all((y == 1.0) | (y == -1.0)):
        raise ValueError("hinge_backward: y_true must hold only -1 and +1 (for {0, 1} labels use 2*y - 1)")
    grad = np.zeros(np.shape(scores))
    grad[y * scores < 1.0] = -y[y * scores < 1.0]
    return grad / len(y)


def multiclass_hinge_forward(y_true, scores, margin=1.0):
    total = 0.0
    for row, t in zip(scores, y_true):
        terms = np.maximum(0.0, row - row[t] + margin)
        terms[t] = 0.0
        total += terms.sum()
    return float(total / len(y_true))


def multiclass_hinge_backward(y_true, scores, margin=1.0):
    grad = np.zeros(scores.shape)
    for i, t in enumerate(y_true):
        violated = scores[i] - scores[i, t] + margin > 0
        violated[t] = False
        grad[i, violated] = 1.0
        grad[i, t] = -violated.sum()
    return grad / len(y_true)
