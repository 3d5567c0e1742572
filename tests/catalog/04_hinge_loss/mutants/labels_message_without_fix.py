"""Bad labels raise ValueError, but the message does not give the fix (2*y - 1)."""
import numpy as np

FAILS = ['hinge_forward_contract', 'hinge_backward_contract']


def _shapes(y, s):
    if np.shape(y) != np.shape(s):
        raise ValueError(f"y_true has shape {np.shape(y)} but scores has shape {np.shape(s)}")


def hinge_forward(y_true, scores):
    _shapes(y_true, scores)
    if not np.all(np.abs(y_true) == 1):
        raise ValueError("labels must be -1 or +1")
    return float(np.mean(np.maximum(0.0, 1.0 - y_true * scores)))


def hinge_backward(y_true, scores):
    _shapes(y_true, scores)
    if not np.all(np.abs(y_true) == 1):
        raise ValueError("labels must be -1 or +1")
    return np.where(y_true * scores < 1, -y_true, 0).astype(np.float64) / len(scores)
