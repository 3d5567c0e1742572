"""Uses the sign function: -(sign(r) / 2 + tau - 1/2) / N, which is (1/2 - tau) / N at a tie.

That is what a finite difference measures across the kink, not the course's convention 0.
"""
import numpy as np

FAILS = ["quantile_backward_ties"]


def quantile_backward(y_true, y_pred, tau):
    tau = np.asarray(tau, dtype=float)
    if not np.all((tau > 0) & (tau < 1)):
        raise ValueError(f"tau must be in (0, 1), got {tau}")
    y = np.asarray(y_true, dtype=float)
    if tau.ndim == 1:
        y = y[:, None]
    r = y - y_pred
    return -(0.5 * np.sign(r) + tau - 0.5) / r.size
