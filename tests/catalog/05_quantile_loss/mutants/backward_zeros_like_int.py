"""Allocates the gradient with np.zeros_like(y_pred): for integer inputs it is an integer array.

Assigning -tau / N into it truncates to 0; float inputs are fine.
"""
import numpy as np

FAILS = ["quantile_backward_ties"]


def quantile_backward(y_true, y_pred, tau):
    tau = np.asarray(tau, dtype=float)
    if not np.all((tau > 0) & (tau < 1)):
        raise ValueError(f"tau must be in (0, 1), got {tau}")
    y = np.asarray(y_true)
    if tau.ndim == 1:
        y = y[:, None]
    r = y - y_pred
    grad = np.zeros_like(y_pred)
    grad[...] = np.where(r > 0, -tau, np.where(r < 0, 1 - tau, 0.0)) / r.size
    return grad
