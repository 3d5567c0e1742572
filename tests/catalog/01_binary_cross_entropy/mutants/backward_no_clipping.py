"""No clipping in the backward pass: division by zero at p = 0 or 1."""
import numpy as np


def _same_shapes(y_true, y_pred):
    if np.shape(y_true) != np.shape(y_pred):
        raise ValueError(f"y_true has shape {np.shape(y_true)} but y_pred has shape {np.shape(y_pred)}")


FAILS = ["bce_backward_extremes"]


def bce_backward(y_true, y_pred):
    _same_shapes(y_true, y_pred)
    return (y_pred - y_true) / (y_pred * (1 - y_pred)) / y_pred.size
