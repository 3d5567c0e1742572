"""Computes the margins in the caller's scores array (scores *= y): right value, modified input."""
import numpy as np

FAILS = ['hinge_forward_contract']


def _check(y, s):
    if y.shape != s.shape:
        raise ValueError(f"y_true has shape {y.shape} but scores has shape {s.shape}")
    if np.any((y != 1) & (y != -1)):
        raise ValueError("labels must be -1 or +1; for labels in {0, 1}, pass 2*y - 1")


def hinge_forward(y_true, scores):
    y = np.asarray(y_true)
    _check(y, scores)
    scores *= y
    np.subtract(1.0, scores, out=scores)
    return float(np.mean(np.maximum(0.0, scores)))
