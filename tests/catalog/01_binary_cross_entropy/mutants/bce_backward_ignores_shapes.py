"""No shape check: a (3,) label array against a (3, 1) prediction broadcasts to a (3, 3) gradient."""
import numpy as np

FAILS = ["bce_backward_contract"]


def bce_backward(y_true, y_pred):
    p = np.clip(np.asarray(y_pred, dtype=np.float64), 1e-12, 1 - 1e-12)
    return (p - y_true) / (p * (1 - p)) / p.size
