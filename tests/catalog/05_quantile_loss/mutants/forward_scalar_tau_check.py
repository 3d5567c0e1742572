"""Checks tau with `if tau <= 0 or tau >= 1`, which only works for a float.

With an array of levels, Python's `or` raises NumPy's "truth value of an array
is ambiguous" ValueError: array tau never works, and a bad level in an array is
reported with a message that says nothing about tau.
"""
import numpy as np

FAILS = ["quantile_forward_vector_tau", "quantile_forward_invalid_tau", "quantile_forward_unmodified"]


def quantile_forward(y_true, y_pred, tau):
    if tau <= 0 or tau >= 1:
        raise ValueError(f"tau must be in (0, 1), got {tau}")
    tau = np.asarray(tau, dtype=float)
    y = np.asarray(y_true, dtype=float)
    if tau.ndim == 1:
        y = y[:, None]
    r = y - y_pred
    return float(np.mean(np.maximum(tau * r, (tau - 1) * r)))
