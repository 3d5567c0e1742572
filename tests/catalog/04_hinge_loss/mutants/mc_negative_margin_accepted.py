"""No margin check: a negative margin is used as given, and a wrong class may beat the true class for free."""
import numpy as np

FAILS = ['multiclass_hinge_forward_contract', 'multiclass_hinge_backward_contract']


def _shapes(y, s):
    if s.ndim != 2 or y.shape != (s.shape[0],):
        raise ValueError(f"y_true has shape {y.shape} but scores has shape {s.shape}")


def multiclass_hinge_forward(y_true, scores, margin=1.0):
    _shapes(y_true, scores)
    rows = np.arange(len(y_true))
    margins = scores - scores[rows, y_true][:, None] + margin
    margins[rows, y_true] = 0.0
    return float(np.maximum(0.0, margins).sum() / len(y_true))


def multiclass_hinge_backward(y_true, scores, margin=1.0):
    _shapes(y_true, scores)
    rows = np.arange(len(y_true))
    grad = (scores - scores[rows, y_true][:, None] + margin > 0).astype(np.float64)
    grad[rows, y_true] = 0.0
    grad[rows, y_true] = -grad.sum(axis=1)
    return grad / len(y_true)
