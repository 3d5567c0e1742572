"""Builds the gradient in `np.asarray(y_pred, dtype=float)`, which is y_pred itself for a float array.

The gradient is right, and the caller's predictions are overwritten with it.
"""
import numpy as np

FAILS = ["quantile_backward_unmodified"]


def quantile_backward(y_true, y_pred, tau):
    tau = np.asarray(tau, dtype=float)
    if not np.all((tau > 0) & (tau < 1)):
        raise ValueError(f"tau must be in (0, 1), got {tau}")
    y = np.asarray(y_true, dtype=float)
    if tau.ndim == 1:
        y = y[:, None]
    grad = np.asarray(y_pred, dtype=float)
    r = y - grad
    grad[...] = np.where(r > 0, -tau, np.where(r < 0, 1 - tau, 0.0)) / r.size
    return grad
