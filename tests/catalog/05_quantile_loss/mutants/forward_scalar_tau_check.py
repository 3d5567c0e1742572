"""Checks tau with `if tau <= 0 or tau >= 1`, which only works for a float.

With an array of levels, Python's `or` raises NumPy's "truth value of an array is
ambiguous" ValueError: an array tau never works.  That is charged in the vector-tau
cell; the contract cell checks the array-tau contract only for a function that
accepts an array tau at all.
"""
import numpy as np

FAILS = ['quantile_forward_vector_tau']


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
    if tau <= 0 or tau >= 1:
        raise ValueError(f"tau must be in (0, 1), got {tau}")
    tau, y, p = _checked(y_true, y_pred, tau)
    r = p - y
    return float(np.mean(np.maximum((1 - tau) * r, -tau * r)))
