"""2 (y_pred - y_true) / N with N = len(y_true): right for 1-D targets, D times too large for (N, D)."""
import numpy as np

FAILS = ["mse_backward_values"]


def mse_backward(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true has shape {y_true.shape} but y_pred has shape {y_pred.shape}")
    return 2.0 * (y_pred - y_true) / len(y_true)
