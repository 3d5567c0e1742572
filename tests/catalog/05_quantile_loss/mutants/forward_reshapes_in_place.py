"""Turns y_true into a column with `y_true.shape = (-1, 1)`, which reshapes the caller's array.

The loss is right; the caller's y_true comes back with shape (N, 1).
"""
import numpy as np

FAILS = ['quantile_forward_contract']


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
    tau, _, p = _checked(y_true, y_pred, tau)
    if tau.ndim == 1:
        y_true.shape = (-1, 1)
    r = p - y_true
    return float(np.mean(np.maximum((1 - tau) * r, -tau * r)))
