"""+y/N instead of -y/N: gradient descent pushes scores away from their labels."""
import numpy as np

FAILS = ['hinge_backward_values']


def _check(y, s):
    if y.shape != s.shape:
        raise ValueError(f"y_true has shape {y.shape} but scores has shape {s.shape}")
    if np.any((y != 1) & (y != -1)):
        raise ValueError("labels must be -1 or +1; for labels in {0, 1}, pass 2*y - 1")


def hinge_backward(y_true, scores):
    y = np.asarray(y_true)
    _check(y, scores)
    y = y.astype(np.float64)
    return np.where(y * scores < 1, y, 0.0) / len(scores)
