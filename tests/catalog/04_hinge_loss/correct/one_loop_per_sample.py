"""Half-vectorised: a loop over the samples, NumPy over the classes; labels checked with a
boolean mask and converted to float first; the gradient built with np.zeros(shape);
the checks done with explicit copies of the inputs (np.array, not np.asarray)."""
import numpy as np


def _binary(y_true, scores):
    y = np.array(y_true, dtype=np.float64)
    s = np.array(scores, dtype=np.float64)
    if y.shape != s.shape:
        raise ValueError(f"hinge: y_true has shape {y.shape}, scores has shape {s.shape}")
    if not np.all((y == 1.0) | (y == -1.0)):
        if np.all((y == 0.0) | (y == 1.0)):
            raise ValueError("hinge: y_true holds labels in {0, 1}; pass 2*y - 1")
        raise ValueError("hinge: every label in y_true must be -1 or +1")
    return y, s


def _multiclass(y_true, scores, margin):
    y = np.array(y_true)
    s = np.array(scores, dtype=np.float64)
    if s.ndim != 2 or y.shape != (len(s),):
        raise ValueError(f"expected y_true of shape (N,) for scores of shape (N, C); got {y.shape} and {s.shape}")
    if not margin >= 0:
        raise ValueError(f"margin={margin!r}: it must be >= 0")
    return y, s


def hinge_forward(y_true, scores):
    y, s = _binary(y_true, scores)
    losses = [max(0.0, 1.0 - yi * si) for yi, si in zip(y, s)]
    return float(sum(losses) / len(losses))


def hinge_backward(y_true, scores):
    y, s = _binary(y_true, scores)
    grad = np.zeros(s.shape)
    inside = y * s < 1.0
    grad[inside] = -y[inside]
    return grad / len(y)


def multiclass_hinge_forward(y_true, scores, margin=1.0):
    y, s = _multiclass(y_true, scores, margin)
    total = 0.0
    for row, t in zip(s, y):
        terms = np.maximum(0.0, row - row[t] + margin)
        terms[t] = 0.0
        total += terms.sum()
    return float(total / len(y))


def multiclass_hinge_backward(y_true, scores, margin=1.0):
    y, s = _multiclass(y_true, scores, margin)
    grad = np.zeros(s.shape)
    for i, t in enumerate(y):
        violated = s[i] - s[i, t] + margin > 0
        violated[t] = False
        grad[i, violated] = 1.0
        grad[i, t] = -violated.sum()
    return grad / len(y)
