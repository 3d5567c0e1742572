"""Divides the gradient by len(y_true), the number of samples N, instead of y_pred.size.

Right for 1-D inputs, Q times too large with Q levels, and wrong for 2-D y_pred.
"""
import numpy as np

FAILS = ["quantile_backward_values", "quantile_backward_vector_tau", "quantile_backward_ties",
         "quantile_backward_unmodified"]


def quantile_backward(y_true, y_pred, tau):
    tau = np.asarray(tau, dtype=float)
    if not np.all((tau > 0) & (tau < 1)):
        raise ValueError(f"tau must be in (0, 1), got {tau}")
    y = np.asarray(y_true, dtype=float)
    if tau.ndim == 1:
        y = y[:, None]
    r = y - y_pred
    return np.where(r > 0, -tau, np.where(r < 0, 1 - tau, 0.0)) / len(y_true)
