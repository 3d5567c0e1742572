"""KL clipped at eps = 9e-6, nine times the largest eps the docstring allows (1e-6): the edge cells compare
y_pred = 1e-6 with 1.01e-6, where a clipped loss and gradient no longer move."""
import numpy as np

FAILS = ['kl_div_forward_extremes', 'kl_div_backward_extremes']
EPS = 9e-6
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
