"""The reference forward without the shape check: (N, 1) labels or a single (C,) row broadcast against (N, C)."""
import numpy as np

FAILS = ["cross_entropy_forward_contract"]


def cross_entropy_forward(y_true, y_pred):
    eps = 1e-12
    y = np.asarray(y_true, dtype=np.float64)
    p = np.clip(np.asarray(y_pred, dtype=np.float64), eps, 1.0 - eps)
    return float(-np.sum(y * np.log(p)) / p.shape[0])
