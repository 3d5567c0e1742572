"""The symmetric-plus-tilt form: rho_tau(r) = (|r| + (2 tau - 1) r) / 2.

Its gradient is -(sign(r) / 2 + tau - 1/2), masked to 0 at ties with (r != 0).
Broadcasting with np.expand_dims, validation with np.logical_or, and the forward
returns an np.float64 rather than a Python float.
"""
import numpy as np


def _tau_and_residual(y_true, y_pred, tau):
    tau = np.asarray(tau, dtype=np.float64)
    if np.logical_or(tau <= 0, tau >= 1).any():
        raise ValueError("every tau must satisfy 0 < tau < 1")
    y = np.asarray(y_true, dtype=np.float64)
    if tau.ndim == 1:
        y = np.expand_dims(y, axis=1)
    return tau, y - np.asarray(y_pred, dtype=np.float64)


def quantile_forward(y_true, y_pred, tau):
    tau, r = _tau_and_residual(y_true, y_pred, tau)
    return np.mean(0.5 * (np.abs(r) + (2 * tau - 1) * r))


def quantile_backward(y_true, y_pred, tau):
    tau, r = _tau_and_residual(y_true, y_pred, tau)
    return -(0.5 * np.sign(r) + (tau - 0.5)) * (r != 0) / r.size
