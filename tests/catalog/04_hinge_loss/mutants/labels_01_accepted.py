"""No label check: labels in {0, 1} are accepted silently.

With y = 0 the margin y*s is 0 whatever the score, so every negative costs a
constant 1 and has gradient 0.  On labels in {-1, +1} the values are right."""
import numpy as np

FAILS = ['hinge_forward_contract', 'hinge_backward_contract']


def _shapes(y, s):
    if np.shape(y) != np.shape(s):
        raise ValueError(f"y_true has shape {np.shape(y)} but scores has shape {np.shape(s)}")


def hinge_forward(y_true, scores):
    _shapes(y_true, scores)
    return float(np.mean(np.maximum(0.0, 1.0 - y_true * scores)))


def hinge_backward(y_true, scores):
    _shapes(y_true, scores)
    return np.where(y_true * scores < 1, -y_true, 0).astype(np.float64) / len(scores)
