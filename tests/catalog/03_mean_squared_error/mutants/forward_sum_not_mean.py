"""Sums the squared residuals instead of averaging them (reduction='sum')."""
import numpy as np

FAILS = ["mse_forward_values"]


def mse_forward(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true has shape {y_true.shape} but y_pred has shape {y_pred.shape}")
    return float(np.sum((y_pred - y_true) ** 2))
