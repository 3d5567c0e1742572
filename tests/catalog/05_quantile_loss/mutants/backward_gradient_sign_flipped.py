"""Returns d(loss)/d(r) instead of d(loss)/d(y_pred): tau where r > 0, tau - 1 where r < 0.

The chain rule's factor dr/dy_pred = -1 is forgotten, so gradient descent
moves every prediction away from its target.
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
    return np.where(r > 0, tau, np.where(r < 0, tau - 1, 0.0)) / r.size
