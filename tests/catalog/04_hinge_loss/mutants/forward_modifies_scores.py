"""Computes the margins in the caller's scores array (scores *= y): right value, modified input."""
import numpy as np

FAILS = ["hinge_forward_values"]


def hinge_forward(y_true, scores):
    y = np.asarray(y_true)
    if np.any((y != 1) & (y != -1)):
        raise ValueError("labels must be -1 or +1; for labels in {0, 1}, pass 2*y - 1")
    scores *= y
    np.subtract(1.0, scores, out=scores)
    return float(np.mean(np.maximum(0.0, scores)))
