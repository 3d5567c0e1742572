"""-y / (N y_pred) without clipping y_pred: a zero prediction gives -inf (or nan where the target is 0 too)."""
import numpy as np

FAILS = ["kl_div_backward_extremes"]


def kl_div_backward(y_true, y_pred):
    p = np.asarray(y_true, dtype=float)
    q = np.asarray(y_pred, dtype=float)
    if p.ndim != 2 or p.shape != q.shape:
        raise ValueError(f"shapes differ: y_true {p.shape}, y_pred {q.shape}")
    return -p / (p.shape[0] * q)
