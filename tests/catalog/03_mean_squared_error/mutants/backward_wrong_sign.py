"""-2 (y_pred - y_true) / M: differentiates with respect to y_true, so gradient descent moves away from the targets."""
import numpy as np

FAILS = ["mse_backward_values"]


def mse_backward(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true has shape {y_true.shape} but y_pred has shape {y_pred.shape}")
    return -2.0 * (y_pred - y_true) / y_pred.size
