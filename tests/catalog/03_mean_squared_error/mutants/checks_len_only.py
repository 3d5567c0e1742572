"""Guards with len(y_true) != len(y_pred): (N,) and (N, 1) have the same length, so the trap stays open."""
import numpy as np

FAILS = ["mse_forward_contract", "mse_backward_contract"]


def mse_forward(y_true, y_pred):
    if len(y_true) != len(y_pred):
        raise ValueError(f"y_true has shape {y_true.shape} but y_pred has shape {y_pred.shape}")
    return float(np.mean((y_pred - y_true) ** 2))


def mse_backward(y_true, y_pred):
    if len(y_true) != len(y_pred):
        raise ValueError(f"y_true has shape {y_true.shape} but y_pred has shape {y_pred.shape}")
    diff = y_pred - y_true
    return 2.0 * diff / diff.size
