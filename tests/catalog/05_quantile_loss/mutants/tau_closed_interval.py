"""Accepts tau = 0 and tau = 1: the check is 0 <= tau <= 1 instead of 0 < tau < 1."""
import numpy as np

FAILS = ["quantile_forward_invalid_tau", "quantile_backward_invalid_tau"]


def _tau_and_residual(y_true, y_pred, tau):
    tau = np.asarray(tau, dtype=float)
    if np.any((tau < 0) | (tau > 1)):
        raise ValueError(f"tau must be in [0, 1], got {tau}")
    y = np.asarray(y_true, dtype=float)
    if tau.ndim == 1:
        y = y[:, None]
    return tau, y - y_pred


def quantile_forward(y_true, y_pred, tau):
    tau, r = _tau_and_residual(y_true, y_pred, tau)
    return float(np.mean(np.maximum(tau * r, (tau - 1) * r)))


def quantile_backward(y_true, y_pred, tau):
    tau, r = _tau_and_residual(y_true, y_pred, tau)
    return np.where(r > 0, -tau, np.where(r < 0, 1 - tau, 0.0)) / r.size
