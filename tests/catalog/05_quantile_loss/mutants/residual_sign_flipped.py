"""The residual is computed as y_pred - y_true, then the notebook's formulas are applied to it.

rho_tau(-r) = rho_(1-tau)(r): the forward fits the wrong quantile, and the
backward pushes each prediction away from its target.
"""
import numpy as np

FAILS = ["quantile_forward_values", "quantile_forward_vector_tau", "quantile_forward_unmodified",
         "quantile_backward_values", "quantile_backward_vector_tau", "quantile_backward_ties",
         "quantile_backward_unmodified"]


def _tau_and_residual(y_true, y_pred, tau):
    tau = np.asarray(tau, dtype=float)
    if not np.all((tau > 0) & (tau < 1)):
        raise ValueError(f"tau must be in (0, 1), got {tau}")
    y = np.asarray(y_true, dtype=float)
    if tau.ndim == 1:
        y = y[:, None]
    return tau, y_pred - y


def quantile_forward(y_true, y_pred, tau):
    tau, r = _tau_and_residual(y_true, y_pred, tau)
    return float(np.mean(np.maximum(tau * r, (tau - 1) * r)))


def quantile_backward(y_true, y_pred, tau):
    tau, r = _tau_and_residual(y_true, y_pred, tau)
    return np.where(r > 0, -tau, np.where(r < 0, 1 - tau, 0.0)) / r.size
