"""Element by element with Python loops; tau may be a float, a list or an array.

The residual is tested with `if r > 0 / elif r < 0`, a helper checks the levels
and the shapes in loops, and the error messages phrase things their own way.
"""
import numpy as np


def _levels_and_pairs(y_true, y_pred, tau):
    """The checked levels, and (index, tau, target) for every prediction."""
    levels = np.atleast_1d(np.asarray(tau, dtype=float)).tolist()
    for t in levels:
        if not 0.0 < t < 1.0:
            raise ValueError(f"quantile level tau={t} is not in the open interval (0, 1)")
    truth = np.asarray(y_true, dtype=float)
    pred = np.asarray(y_pred, dtype=float)
    if np.ndim(tau) == 0:
        ok = truth.shape == pred.shape
    else:
        ok = truth.ndim == 1 and pred.ndim == 2 and pred.shape[0] == truth.shape[0] and pred.shape[1] == len(levels)
    if not ok:
        raise ValueError(f"cannot pair y_true {truth.shape} with y_pred {pred.shape} "
                         f"for {len(levels)} quantile level(s)")
    pairs = []
    for idx in np.ndindex(pred.shape):
        if np.ndim(tau) == 0:
            pairs.append((idx, levels[0], float(truth[idx])))
        else:
            pairs.append((idx, levels[idx[1]], float(truth[idx[0]])))
    return pred, pairs


def quantile_forward(y_true, y_pred, tau):
    pred, pairs = _levels_and_pairs(y_true, y_pred, tau)
    total = 0.0
    for idx, t, y in pairs:
        r = float(pred[idx]) - y
        total += (1 - t) * r if r > 0 else -t * r
    return total / len(pairs)


def quantile_backward(y_true, y_pred, tau):
    pred, pairs = _levels_and_pairs(y_true, y_pred, tau)
    grad = np.zeros(pred.shape)
    for idx, t, y in pairs:
        r = float(pred[idx]) - y
        if r > 0:
            grad[idx] = 1 - t
        elif r < 0:
            grad[idx] = -t
    return grad / grad.size
