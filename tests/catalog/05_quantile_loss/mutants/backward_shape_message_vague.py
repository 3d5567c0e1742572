"""Refuses mismatched shapes, but with a message that names neither shape ("shapes differ").
"""
import numpy as np

FAILS = ['quantile_backward_contract']


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


def quantile_backward(y_true, y_pred, tau):
    try:
        tau, y, p = _checked(y_true, y_pred, tau)
    except ValueError as err:
        if "shape" in str(err):
            raise ValueError("y_true and y_pred shapes differ") from None
        raise
    r = p - y
    return np.where(r > 0, 1 - tau, np.where(r < 0, -tau, 0.0)) / r.size
