"""Raises ValueError on mismatched shapes, but the message does not say which shapes."""
import numpy as np

FAILS = ["mse_forward_contract", "mse_backward_contract"]


def mse_forward(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError("y_true and y_pred must have the same shape")
    return float(np.mean((y_pred - y_true) ** 2))


def mse_backward(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError("y_true and y_pred must have the same shape")
    return 2.0 * (y_pred - y_true) / y_pred.size
