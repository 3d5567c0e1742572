"""Suggests 2*y - 1 only when both 0 and 1 occur: a batch of negatives labelled 0 (every label in {0, 1})
gets a message without the fix."""
import numpy as np

FAILS = ['hinge_forward_contract', 'hinge_backward_contract']


def _shapes(y, s):
    if np.shape(y) != np.shape(s):
        raise ValueError(f"y_true has shape {np.shape(y)} but scores has shape {np.shape(s)}")


def _labels(y, s):
    _shapes(y, s)
    if np.any((y != 1) & (y != -1)):
        fix = "; pass 2*y - 1" if set(np.unique(y).tolist()) == {0, 1} else ""
        raise ValueError(f"labels must be -1 or +1{fix}")


def hinge_forward(y_true, scores):
    _labels(y_true, scores)
    return float(np.mean(np.maximum(0.0, 1.0 - y_true * scores)))


def hinge_backward(y_true, scores):
    _labels(y_true, scores)
    return np.where(y_true * scores < 1, -y_true, 0).astype(np.float64) / len(scores)
