"""np.linalg.norm for the forward; the backward works in place, but on its own float64 copy."""
import numpy as np


def mse_forward(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError(f"mismatched shapes {y_true.shape} and {y_pred.shape}: reshape explicitly")
    return np.linalg.norm(y_pred - y_true) ** 2 / y_pred.size


def mse_backward(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError(f"mismatched shapes {y_true.shape} and {y_pred.shape}: reshape explicitly")
    grad = np.array(y_pred, dtype=np.float64, copy=True)
    grad -= y_true
    grad *= 2.0 / grad.size
    return grad
