"""No shape check: y_true of shape (N, 1) is used as if it were (N,), and a gradient comes back without complaint."""
import numpy as np

FAILS = ['multiclass_hinge_backward_contract']


def multiclass_hinge_backward(y_true, scores, margin=1.0):
    if margin < 0:
        raise ValueError(f"margin must be >= 0, got {margin}")
    y = np.ravel(y_true)
    rows = np.arange(len(y))
    grad = (scores - scores[rows, y][:, None] + margin > 0).astype(np.float64)
    grad[rows, y] = 0.0
    grad[rows, y] = -grad.sum(axis=1)
    return grad / len(y)
