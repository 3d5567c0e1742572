"""tau and 1 - tau swapped: r > 0 (too high) costs tau r, r < 0 costs (1 - tau) |r|.

The forward then fits the (1 - tau)-quantile, and the backward is its gradient.
At tau = 0.5 both are right, which is why the graded checks use other levels.
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
    r = p - y
    return float(np.mean(np.maximum(tau * r, (tau - 1) * r)))


def quantile_backward(y_true, y_pred, tau):
    tau, y, p = _checked(y_true, y_pred, tau)
    r = p - y
    return np.where(r > 0, tau, np.where(r < 0, tau - 1, 0.0)) / r.size
