"""Takes log(p) without clipping: inf or nan when a prediction is exactly 0 or 1."""
import numpy as np


def _same_shapes(y_true, y_pred):
    if np.shape(y_true) != np.shape(y_pred):
        raise ValueError(f"y_true has shape {np.shape(y_true)} but y_pred has shape {np.shape(y_pred)}")


FAILS = ["bce_forward_extremes"]


def bce_forward(y_true, y_pred):
    _same_shapes(y_true, y_pred)
    return float(np.mean(-(y_true * np.log(y_pred) + (1 - y_true) * np.log(1 - y_pred))))
