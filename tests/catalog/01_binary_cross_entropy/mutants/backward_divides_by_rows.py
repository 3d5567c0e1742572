"""Divides the gradient by len(y_true) (the rows) instead of M = y_pred.size."""
import numpy as np


def _same_shapes(y_true, y_pred):
    if np.shape(y_true) != np.shape(y_pred):
        raise ValueError(f"y_true has shape {np.shape(y_true)} but y_pred has shape {np.shape(y_pred)}")


FAILS = ["bce_backward_values"]


def bce_backward(y_true, y_pred):
    _same_shapes(y_true, y_pred)
    p = np.clip(y_pred, 1e-12, 1 - 1e-12)
    return (p - y_true) / (p * (1 - p)) / len(y_true)
