"""The message gives the fix but never says that the labels are what is wrong: "use 2*y - 1" alone,
and "y must be -1 or +1" for a label 2."""
import numpy as np

FAILS = ['hinge_forward_contract']


def _shapes(y, s):
    if np.shape(y) != np.shape(s):
        raise ValueError(f"y_true has shape {np.shape(y)} but scores has shape {np.shape(s)}")


def hinge_forward(y_true, scores):
    _shapes(y_true, scores)
    y = np.asarray(y_true)
    if np.all((y == 0) | (y == 1)) and np.any(y == 0):
        raise ValueError("use 2*y - 1")
    if np.any((y != 1) & (y != -1)):
        raise ValueError("y must be -1 or +1")
    return float(np.mean(np.maximum(0.0, 1.0 - y * scores)))
