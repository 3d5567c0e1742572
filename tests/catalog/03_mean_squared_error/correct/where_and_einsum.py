"""The sum of squares with np.einsum on the flattened residual; the gradient as sign times size with np.where.

The error message uses the f"{...=}" form, which still names both shapes.
"""
import numpy as np


def mse_forward(y_true, y_pred):
    y, p = np.asarray(y_true), np.asarray(y_pred)
    if y.shape != p.shape:
        raise ValueError(f"the shapes differ: {y_true.shape=}, {y_pred.shape=}")
    r = (p - y).astype(float).reshape(-1)
    return float(np.einsum("k,k->", r, r) / r.size)


def mse_backward(y_true, y_pred):
    y, p = np.asarray(y_true), np.asarray(y_pred)
    if y.shape != p.shape:
        raise ValueError(f"the shapes differ: {y_true.shape=}, {y_pred.shape=}")
    return np.where(p >= y, 1.0, -1.0) * np.abs(p - y) * (2.0 / p.size)
