"""The textbook 1/2 convention in both passes: consistent with each other (grad_check passes), but not PyTorch's mse_loss."""
import numpy as np

FAILS = ["mse_forward_values", "mse_backward_values"]


def mse_forward(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true has shape {y_true.shape} but y_pred has shape {y_pred.shape}")
    return float(0.5 * np.mean((y_pred - y_true) ** 2))


def mse_backward(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true has shape {y_true.shape} but y_pred has shape {y_pred.shape}")
    return (y_pred - y_true) / y_pred.size
