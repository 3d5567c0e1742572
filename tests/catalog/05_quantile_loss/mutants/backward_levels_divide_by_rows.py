"""Divides by y_pred.size with a float tau, but by the number of rows N with an array of Q levels.

The gradient with Q levels is then Q times too large: a genuine vector-tau mistake.
"""
import numpy as np

FAILS = ['quantile_backward_vector_tau']


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
    grad = np.where(r > 0, 1 - tau, np.where(r < 0, -tau, 0.0))
    return grad / (r.shape[0] if tau.ndim == 1 else r.size)
