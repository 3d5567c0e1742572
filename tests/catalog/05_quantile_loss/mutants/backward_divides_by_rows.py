"""Divides the gradient by len(y_true), the number of samples N, instead of M = y_pred.size.

Right for 1-D inputs, wrong for a 2-D y_pred with a float tau; with Q levels it is
wrong in the same way as the student's own float-tau version, so only the values cell notices.
"""
import numpy as np

FAILS = ['quantile_backward_values']


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
    tau, y, p = _checked(y_true, y_pred, tau)
    r = p - y
    return np.where(r > 0, 1 - tau, np.where(r < 0, -tau, 0.0)) / len(y_true)
