"""(y - p) / (p (1 - p)) / N: the gradient points away from the label."""
import numpy as np

FAILS = ["bce_backward_values", "bce_backward_extremes"]


def bce_backward(y_true, y_pred):
    p = np.clip(y_pred, 1e-12, 1 - 1e-12)
    return (y_true - p) / (p * (1 - p)) / p.size
