"""Turns y_true into a column with `y_true.shape = (-1, 1)`, which reshapes the caller's array.

The loss is right; the caller's y_true comes back with shape (N, 1).
"""
import numpy as np

FAILS = ["quantile_forward_unmodified"]


def quantile_forward(y_true, y_pred, tau):
    tau = np.asarray(tau, dtype=float)
    if not np.all((tau > 0) & (tau < 1)):
        raise ValueError(f"tau must be in (0, 1), got {tau}")
    if tau.ndim == 1:
        y_true.shape = (-1, 1)
    r = y_true - y_pred
    return float(np.mean(np.maximum(tau * r, (tau - 1) * r)))
