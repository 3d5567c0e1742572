"""The "check function" form rho_tau(r) = r (tau - I[r < 0]) for the forward, indicators for the backward.

The backward is (I[y_pred > y] - tau I[y_pred != y]) / M, which is 0 at a tie
without any special case; y_true becomes a column with np.newaxis, and tau is
validated with min and max.
"""
import numpy as np


def _tau_and_target(y_true, tau):
    tau = np.asarray(tau, dtype=float)
    if tau.min() <= 0 or tau.max() >= 1:
        raise ValueError(f"tau out of range (0, 1): {tau}")
    y = np.asarray(y_true, dtype=float)
    if tau.ndim == 1:
        y = y[:, np.newaxis]
    return tau, y


def quantile_forward(y_true, y_pred, tau):
    tau, y = _tau_and_target(y_true, tau)
    r = y - np.asarray(y_pred, dtype=float)
    return float(np.mean(r * (tau - (r < 0))))


def quantile_backward(y_true, y_pred, tau):
    tau, y = _tau_and_target(y_true, tau)
    y_pred = np.asarray(y_pred, dtype=float)
    return ((y_pred > y) - tau * (y_pred != y)) / y_pred.size
