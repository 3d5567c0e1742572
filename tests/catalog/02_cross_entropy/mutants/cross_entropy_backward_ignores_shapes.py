"""The reference backward without the shape check: a (N, 1) y_true broadcasts and the gradient comes out wrong."""
import numpy as np

FAILS = ["cross_entropy_backward_contract"]


def cross_entropy_backward(y_true, y_pred):
    eps = 1e-12
    y = np.asarray(y_true, dtype=np.float64)
    p = np.clip(np.asarray(y_pred, dtype=np.float64), eps, 1.0 - eps)
    return -y / p / p.shape[0]
