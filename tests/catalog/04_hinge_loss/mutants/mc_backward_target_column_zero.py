"""Only the wrong classes get a gradient: the true-class column stays 0.

The true score appears, with a minus sign, in every violated term, so its
gradient is minus the number of violations (over N)."""
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
    grad[rows, y_true] = 0.0
    return grad / len(y_true)
