"""The symmetric-plus-tilt form: rho_tau(r) = (|r| + (1 - 2 tau) r) / 2, with r = y_pred - y_true.

Its gradient is (sign(r) / 2 + 1/2 - tau), masked to 0 at ties with (r != 0).
Broadcasting with np.expand_dims, validation with np.logical_or, shapes compared
through np.shape, and the forward returns an np.float64 rather than a Python float.
"""
import numpy as np


def _tau_and_residual(y_true, y_pred, tau):
    tau = np.asarray(tau, dtype=np.float64)
    if np.logical_or(tau <= 0, tau >= 1).any():
        raise ValueError("every tau must satisfy 0 < tau < 1")
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    wanted = np.shape(y) if tau.ndim == 0 else (len(y) if y.ndim == 1 else -1, tau.size)
    if np.shape(p) != wanted or (tau.ndim == 1 and y.ndim != 1):
        raise ValueError(f"shape mismatch: y_true {np.shape(y)}, y_pred {np.shape(p)}, tau {np.shape(tau)}")
    if tau.ndim == 1:
        y = np.expand_dims(y, axis=1)
    return tau, p - y


def quantile_forward(y_true, y_pred, tau):
    tau, r = _tau_and_residual(y_true, y_pred, tau)
    return np.mean(0.5 * (np.abs(r) + (1 - 2 * tau) * r))


def quantile_backward(y_true, y_pred, tau):
    tau, r = _tau_and_residual(y_true, y_pred, tau)
    return (0.5 * np.sign(r) + (0.5 - tau)) * (r != 0) / r.size
