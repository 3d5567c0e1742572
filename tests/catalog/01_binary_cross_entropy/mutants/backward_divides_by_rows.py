"""Divides the gradient by len(y_true) (the rows) instead of the number of elements."""
import numpy as np

FAILS = ["bce_backward_values"]


def bce_backward(y_true, y_pred):
    p = np.clip(y_pred, 1e-12, 1 - 1e-12)
    return (p - y_true) / (p * (1 - p)) / len(y_true)
