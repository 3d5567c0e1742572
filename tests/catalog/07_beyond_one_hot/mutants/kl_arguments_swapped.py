"""KL's argument order swapped: sums y_pred log(y_pred / y_true) over the classes the target allows, that is
KL(y_pred || y_true) instead of KL(y_true || y_pred) (the asymmetry of section 3)."""
import numpy as np

FAILS = ["kl_div_forward_values"]


def kl_div_forward(y_true, y_pred):
    p = np.asarray(y_true, dtype=float)
    q = np.asarray(y_pred, dtype=float)
    if p.ndim != 2 or p.shape != q.shape:
        raise ValueError(f"shapes differ: y_true {p.shape}, y_pred {q.shape}")
    q = np.maximum(q, 1e-12)
    safe_p = np.where(p > 0, p, 1.0)
    return float(np.sum(np.where(p > 0, q * (np.log(q) - np.log(safe_p)), 0.0)) / p.shape[0])
