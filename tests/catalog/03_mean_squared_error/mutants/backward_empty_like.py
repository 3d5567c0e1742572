"""Fills np.empty_like(y_pred): for integer predictions the gradient is an integer array, truncated."""
import numpy as np

FAILS = ["mse_backward_values"]


def mse_backward(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true has shape {y_true.shape} but y_pred has shape {y_pred.shape}")
    grad = np.empty_like(y_pred)
    grad[...] = 2.0 * (y_pred - y_true) / y_pred.size
    return grad
