"""Returns -y/(2N) at the kink, what a centred finite difference gives there, instead of the course's 0."""
import numpy as np

FAILS = ['hinge_backward_kink']


def _check(y, s):
    if y.shape != s.shape:
        raise ValueError(f"y_true has shape {y.shape} but scores has shape {s.shape}")
    if np.any((y != 1) & (y != -1)):
        raise ValueError("labels must be -1 or +1; for labels in {0, 1}, pass 2*y - 1")


def hinge_backward(y_true, scores):
    y = np.asarray(y_true)
    _check(y, scores)
    y = y.astype(np.float64)
    m = y * scores
    return np.where(m < 1, -y, np.where(m == 1, -y / 2, 0.0)) / len(scores)
