"""The residual is computed as truth minus prediction, then the notebook's formulas are applied to it.

rho_tau(-r) = rho_(1-tau)(r): the forward fits the wrong quantile, and the backward
pushes each prediction away from its target.  One mistake per function, on ordinary
inputs: each loses its values cell only.
"""
import numpy as np

FAILS = ['quantile_forward_values', 'quantile_backward_values']


def _checked(y_true, y_pred, tau):
    """tau and the shapes checked as the docstring asks; returns tau, y_true (a column for an array tau), y_pred."""
    tau = np.asarray(tau, dtype=float)
    if tau.ndim > 1 or not np.all((tau > 0) & (tau < 1)):
        raise ValueError(f"tau must be in (0, 1), got {tau}")
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    if tau.ndim == 0 and y.shape != p.shape:
        raise ValueError(f"y_true has shape {y.shape} but y_pred has shape {p.shape}")
    if tau.ndim == 1:
        if y.ndim != 1 or p.shape != (y.shape[0], tau.size):
            raise ValueError(f"y_true has shape {y.shape} and y_pred has shape {p.shape}, "
                             f"but {tau.size} levels need (N,) and (N, {tau.size})")
        y = y[:, None]
    return tau, y, p


def quantile_forward(y_true, y_pred, tau):
    tau, y, p = _checked(y_true, y_pred, tau)
    r = y - p
    return float(np.mean(np.maximum((1 - tau) * r, -tau * r)))


def quantile_backward(y_true, y_pred, tau):
    tau, y, p = _checked(y_true, y_pred, tau)
    r = y - p
    return np.where(r > 0, 1 - tau, np.where(r < 0, -tau, 0.0)) / r.size
