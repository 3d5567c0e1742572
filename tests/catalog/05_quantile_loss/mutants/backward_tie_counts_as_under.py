"""Treats a tie like an under-prediction (r >= 0): the gradient is -tau / N there, not 0."""
import numpy as np

FAILS = ["quantile_backward_ties"]


def quantile_backward(y_true, y_pred, tau):
    tau = np.asarray(tau, dtype=float)
    if not np.all((tau > 0) & (tau < 1)):
        raise ValueError(f"tau must be in (0, 1), got {tau}")
    y = np.asarray(y_true, dtype=float)
    if tau.ndim == 1:
        y = y[:, None]
    r = y - y_pred
    return np.where(r >= 0, -tau, 1 - tau) / r.size
