"""A correct KL divergence whose per-entry terms and derivatives sit in helpers named _loss and _grad, the names
of the helpers the hidden kl_div_forward_extremes and kl_div_backward_extremes cells define: the cells must not
replace the student's own helpers."""
import numpy as np
EPS = 1e-12
def _shapes(p, q):
    if p.ndim != 2 or p.shape != q.shape:
        raise ValueError(f"y_true has shape {p.shape} and y_pred has shape {q.shape}")
def _loss(y_true, y_pred):
    """Per-entry KL terms y log(y / y_pred), 0 where y = 0."""
    q = np.maximum(y_pred, EPS)
    return np.where(y_true > 0, y_true * (np.log(np.where(y_true > 0, y_true, 1.0)) - np.log(q)), 0.0)
def _grad(y_true, y_pred):
    """Per-entry derivative of the KL terms in y_pred."""
    return -y_true / np.maximum(y_pred, EPS)
def kl_div_forward(y_true, y_pred):
    p = np.asarray(y_true, dtype=np.float64); q = np.asarray(y_pred, dtype=np.float64)
    _shapes(p, q)
    return float(np.sum(_loss(p, q)) / p.shape[0])
def kl_div_backward(y_true, y_pred):
    p = np.asarray(y_true, dtype=np.float64); q = np.asarray(y_pred, dtype=np.float64)
    _shapes(p, q)
    return _grad(p, q) / p.shape[0]
