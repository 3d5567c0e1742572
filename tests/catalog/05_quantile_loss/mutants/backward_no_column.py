"""Subtracts y_true of shape (N,) from y_pred of shape (N, Q) without making it a column.

NumPy pairs y_true with the columns: a broadcasting error when N != Q, and
silently wrong values when N == Q.
"""
import numpy as np

FAILS = ["quantile_backward_vector_tau", "quantile_backward_ties", "quantile_backward_unmodified"]


def quantile_backward(y_true, y_pred, tau):
    tau = np.asarray(tau, dtype=float)
    if not np.all((tau > 0) & (tau < 1)):
        raise ValueError(f"tau must be in (0, 1), got {tau}")
    r = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    return np.where(r > 0, -tau, np.where(r < 0, 1 - tau, 0.0)) / r.size
