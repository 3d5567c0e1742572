"""The violation mask keeps the true class (its term is max(0, margin) > 0), so the
true-class entry is -(violations + 1)/N instead of -violations/N."""
import numpy as np

FAILS = ['multiclass_hinge_backward_values']


def _check(y, s, margin):
    if s.ndim != 2 or y.shape != (s.shape[0],):
        raise ValueError(f"y_true has shape {y.shape} but scores has shape {s.shape}")
    if margin < 0:
        raise ValueError(f"margin must be >= 0, got {margin}")


def multiclass_hinge_backward(y_true, scores, margin=1.0):
    _check(y_true, scores, margin)
    rows = np.arange(len(y_true))
    grad = (scores - scores[rows, y_true][:, None] + margin > 0).astype(np.float64)
    grad[rows, y_true] = -grad.sum(axis=1)
    return grad / len(y_true)
