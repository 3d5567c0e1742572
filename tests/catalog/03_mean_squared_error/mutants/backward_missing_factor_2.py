"""(y_pred - y_true) / M: the gradient of the 1/2 convention, paired with a forward without the 1/2."""
import numpy as np

FAILS = ["mse_backward_values"]


def mse_backward(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true has shape {y_true.shape} but y_pred has shape {y_pred.shape}")
    return (y_pred - y_true) / y_pred.size
