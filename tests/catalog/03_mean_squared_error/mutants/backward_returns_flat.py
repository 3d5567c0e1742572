"""Flattens the residual with ravel() and never reshapes: the gradient of an (N, D) batch comes back as (N*D,)."""
import numpy as np

FAILS = ["mse_backward_values"]


def mse_backward(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true has shape {y_true.shape} but y_pred has shape {y_pred.shape}")
    r = np.ravel(y_pred) - np.ravel(y_true)
    return 2.0 * r / r.size
