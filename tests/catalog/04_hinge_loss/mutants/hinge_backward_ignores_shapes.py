"""No shape check: y_true (4,) against scores (4, 1) broadcasts, and the gradient comes back with shape (4, 4)."""
import numpy as np

FAILS = ['hinge_backward_contract']


def hinge_backward(y_true, scores):
    y = np.asarray(y_true)
    if np.any((y != 1) & (y != -1)):
        raise ValueError("labels must be -1 or +1; for labels in {0, 1}, pass 2*y - 1")
    y = y.astype(np.float64)
    return np.where(y * scores < 1, -y, 0.0) / len(scores)
