"""No shape check: y_true (4,) against scores (4, 1) broadcasts to a (4, 4) table, and the loss is 1.125, not 0.65."""
import numpy as np

FAILS = ['hinge_forward_contract']


def hinge_forward(y_true, scores):
    y = np.asarray(y_true)
    if np.any((y != 1) & (y != -1)):
        raise ValueError("labels must be -1 or +1; for labels in {0, 1}, pass 2*y - 1")
    return float(np.mean(np.maximum(0.0, 1.0 - y * scores)))
