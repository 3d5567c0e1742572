"""The gradient of the summed divergence: the 1/N of the batch mean is missing."""
import numpy as np

FAILS = ["kl_div_backward_values"]


def kl_div_backward(y_true, y_pred):
    p = np.asarray(y_true, dtype=float)
    q = np.asarray(y_pred, dtype=float)
    if p.ndim != 2 or p.shape != q.shape:
        raise ValueError(f"shapes differ: y_true {p.shape}, y_pred {q.shape}")
    return -p / np.maximum(q, 1e-12)
