"""Follows PyTorch's kl_div convention inside the course's function: reads y_pred as log-probabilities,
y log y - y * y_pred, although the docstring says y_pred holds probabilities."""
import numpy as np

FAILS = ["kl_div_forward_values"]


def kl_div_forward(y_true, y_pred):
    p = np.asarray(y_true, dtype=float)
    log_q = np.asarray(y_pred, dtype=float)
    if p.ndim != 2 or p.shape != log_q.shape:
        raise ValueError(f"shapes differ: y_true {p.shape}, y_pred {log_q.shape}")
    safe_p = np.where(p > 0, p, 1.0)
    return float(np.sum(np.where(p > 0, p * (np.log(safe_p) - log_q), 0.0)) / p.shape[0])
