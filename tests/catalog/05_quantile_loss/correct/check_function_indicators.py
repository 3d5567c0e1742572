"""The "check function" form rho_tau(r) = r (I[r > 0] - tau) for the forward, indicators for the backward.

The backward is (I[y_pred > y] - tau I[y_pred != y]) / M, which is 0 at a tie
without any special case; y_true becomes a column with np.newaxis, tau is
validated with min and max, and the shapes are compared before any arithmetic.
"""
import numpy as np


def _tau_and_target(y_true, y_pred, tau):
    tau = np.asarray(tau, dtype=float)
    if tau.min() <= 0 or tau.max() >= 1:
        raise ValueError(f"tau out of range (0, 1): {tau}")
    y = np.asarray(y_true, dtype=float)
    y_pred = np.asarray(y_pred, dtype=float)
    if tau.ndim == 0:
        if y.shape != y_pred.shape:
            raise ValueError(f"shapes {y.shape} (y_true) and {y_pred.shape} (y_pred) differ")
        return tau, y, y_pred
    if y.ndim != 1 or y_pred.ndim != 2 or y_pred.shape[0] != y.shape[0] or y_pred.shape[1] != len(tau):
        raise ValueError(f"for len(tau) = {len(tau)}, need y_true (N,) and y_pred (N, {len(tau)}); "
                         f"got {y.shape} and {y_pred.shape}")
    return tau, y[:, np.newaxis], y_pred


def quantile_forward(y_true, y_pred, tau):
    tau, y, y_pred = _tau_and_target(y_true, y_pred, tau)
    r = y_pred - y
    return float(np.mean(r * ((r > 0) - tau)))


def quantile_backward(y_true, y_pred, tau):
    tau, y, y_pred = _tau_and_target(y_true, y_pred, tau)
    return ((y_pred > y) - tau * (y_pred != y)) / y_pred.size
