"""np.mean(..., keepdims=True): the right number, but in a one-element array instead of a float."""
import numpy as np

FAILS = ["mse_forward_values"]


def mse_forward(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true has shape {y_true.shape} but y_pred has shape {y_pred.shape}")
    return np.mean((y_pred - y_true) ** 2, keepdims=True)
