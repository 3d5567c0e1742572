"""Refuses margin <= 0 instead of margin < 0: the notation table allows a margin of 0, which must give values."""
import numpy as np

FAILS = ['multiclass_hinge_forward_values', 'multiclass_hinge_backward_values']


def _strict(y, s, margin):
    if s.ndim != 2 or y.shape != (s.shape[0],):
        raise ValueError(f"y_true has shape {y.shape} but scores has shape {s.shape}")
    if margin <= 0:
        raise ValueError(f"margin must be > 0, got {margin}")


def multiclass_hinge_forward(y_true, scores, margin=1.0):
    _strict(y_true, scores, margin)
    rows = np.arange(len(y_true))
    margins = scores - scores[rows, y_true][:, None] + margin
    margins[rows, y_true] = 0.0
    return float(np.maximum(0.0, margins).sum() / len(y_true))


def multiclass_hinge_backward(y_true, scores, margin=1.0):
    _strict(y_true, scores, margin)
    rows = np.arange(len(y_true))
    grad = (scores - scores[rows, y_true][:, None] + margin > 0).astype(np.float64)
    grad[rows, y_true] = 0.0
    grad[rows, y_true] = -grad.sum(axis=1)
    return grad / len(y_true)
