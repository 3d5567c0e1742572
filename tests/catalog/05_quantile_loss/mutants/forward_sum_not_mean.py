"""Sums the per-prediction losses instead of averaging them."""
import numpy as np

FAILS = ["quantile_forward_values", "quantile_forward_vector_tau", "quantile_forward_unmodified"]


def quantile_forward(y_true, y_pred, tau):
    tau = np.asarray(tau, dtype=float)
    if not np.all((tau > 0) & (tau < 1)):
        raise ValueError(f"tau must be in (0, 1), got {tau}")
    y = np.asarray(y_true, dtype=float)
    if tau.ndim == 1:
        y = y[:, None]
    r = y - y_pred
    return float(np.sum(np.maximum(tau * r, (tau - 1) * r)))
