"""Element by element with Python loops; tau may be a float, a list or an array.

The residual is tested with `if r > 0 / elif r < 0`, each function checks the
levels in its own loop, and the error message phrases the range its own way.
"""
import numpy as np


def quantile_forward(y_true, y_pred, tau):
    levels = np.atleast_1d(np.asarray(tau, dtype=float)).tolist()
    for t in levels:
        if not 0.0 < t < 1.0:
            raise ValueError(f"quantile level tau={t} is not in the open interval (0, 1)")
    truth = np.asarray(y_true, dtype=float)
    pred = np.asarray(y_pred, dtype=float)
    total, count = 0.0, 0
    for idx in np.ndindex(pred.shape):
        if np.ndim(tau) == 0:
            t, y = levels[0], float(truth[idx])
        else:
            t, y = levels[idx[1]], float(truth[idx[0]])
        r = y - float(pred[idx])
        total += t * r if r >= 0 else (t - 1) * r
        count += 1
    return total / count


def quantile_backward(y_true, y_pred, tau):
    levels = np.atleast_1d(np.asarray(tau, dtype=float)).tolist()
    for t in levels:
        if not 0.0 < t < 1.0:
            raise ValueError(f"quantile level tau={t} is not in the open interval (0, 1)")
    truth = np.asarray(y_true, dtype=float)
    pred = np.asarray(y_pred, dtype=float)
    grad = np.zeros(pred.shape)
    for idx in np.ndindex(pred.shape):
        if np.ndim(tau) == 0:
            t, y = levels[0], float(truth[idx])
        else:
            t, y = levels[idx[1]], float(truth[idx[0]])
        r = y - float(pred[idx])
        if r > 0:
            grad[idx] = -t
        elif r < 0:
            grad[idx] = 1 - t
    return grad / grad.size
