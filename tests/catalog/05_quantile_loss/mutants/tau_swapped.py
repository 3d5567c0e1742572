"""tau and 1 - tau swapped: r > 0 costs (1 - tau) r, r < 0 costs tau |r|.

The forward then fits the (1 - tau)-quantile, and the backward is its gradient.
At tau = 0.5 both are right, which is why every hidden test uses another level.
"""
import numpy as np

FAILS = ["quantile_forward_values", "quantile_forward_vector_tau", "quantile_forward_unmodified",
         "quantile_backward_values", "quantile_backward_vector_tau", "quantile_backward_ties",
         "quantile_backward_unmodified"]


def _tau_and_residual(y_true, y_pred, tau):
    tau = np.asarray(tau, dtype=float)
    if np.any((tau <= 0) | (tau >= 1)):
        raise ValueError(f"tau must be in (0, 1), got {tau}")
    y = np.asarray(y_true, dtype=float)
    if tau.ndim == 1:
        y = y[:, None]
    return tau, y - y_pred


def quantile_forward(y_true, y_pred, tau):
    tau, r = _tau_and_residual(y_true, y_pred, tau)
    return float(np.mean(np.maximum((1 - tau) * r, -tau * r)))


def quantile_backward(y_true, y_pred, tau):
    tau, r = _tau_and_residual(y_true, y_pred, tau)
    return np.where(r > 0, tau - 1, np.where(r < 0, tau, 0.0)) / r.size
