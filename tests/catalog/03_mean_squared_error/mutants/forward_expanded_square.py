"""Expands the square, p**2 - 2 p y + y**2: exact algebra, catastrophic cancellation for targets near 1e9."""
import numpy as np

FAILS = ["mse_forward_large_targets"]


def mse_forward(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true has shape {y_true.shape} but y_pred has shape {y_pred.shape}")
    return float(np.mean(y_pred ** 2 - 2 * y_pred * y_true + y_true ** 2))
