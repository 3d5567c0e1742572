"""The KL gradient with a +1 term, (1 - y / y_pred) / N (the values cell names this mistake): one mistake, one cell;
where y_true = 0 it is 1/N whatever y_pred, so it does not depend on y_pred there, which the edges cell checks."""
import numpy as np

FAILS = ['kl_div_backward_values']
def kl_div_backward(y_true, y_pred):
    p = np.asarray(y_true, dtype=float); q = np.asarray(y_pred, dtype=float)
    if p.ndim != 2 or p.shape != q.shape: raise ValueError(f"shapes {p.shape} and {q.shape}")
    return (1.0 - p / np.maximum(q, 1e-12)) / p.shape[0]
