"""KL clipped at eps = 1e-2, ten thousand times the largest eps the docstring allows (1e-6): a prediction of 1e-6
costs as much as one of 1e-5."""
import numpy as np
EPS = 1e-2

FAILS = ["kl_div_forward_extremes", "kl_div_backward_extremes"]

def kl_div_forward(y_true, y_pred):
    p = np.asarray(y_true, dtype=float); q = np.asarray(y_pred, dtype=float)
    if p.ndim != 2 or p.shape != q.shape:
        raise ValueError(f"shapes {p.shape} and {q.shape}")
    q = np.maximum(q, EPS)
    return float(np.sum(np.where(p > 0, p * np.log(np.where(p > 0, p, 1) / q), 0.0)) / p.shape[0])
def kl_div_backward(y_true, y_pred):
    p = np.asarray(y_true, dtype=float); q = np.asarray(y_pred, dtype=float)
    if p.ndim != 2 or p.shape != q.shape:
        raise ValueError(f"shapes {p.shape} and {q.shape}")
    return -p / (p.shape[0] * np.maximum(q, EPS))
