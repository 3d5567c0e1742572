"""Never compares the shapes: y_pred of shape (3, 1) against y_true of shape (3,) broadcasts
to a (3, 3) table, and a 1-D y_pred with Q levels to an (N, Q) one.
"""
import numpy as np

FAILS = ['quantile_forward_contract']


def quantile_forward(y_true, y_pred, tau):
    tau = np.asarray(tau, dtype=float)
    if not np.all((tau > 0) & (tau < 1)):
        raise ValueError(f"tau must be in (0, 1), got {tau}")
    y = np.asarray(y_true, dtype=float)
    if tau.ndim == 1:
        y = y[:, None]
    r = np.asarray(y_pred, dtype=float) - y
    return float(np.mean(np.maximum((1 - tau) * r, -tau * r)))
