"""Takes log(p) without clipping: inf or nan when a prediction is exactly 0 or 1."""
import numpy as np

FAILS = ["bce_forward_extremes"]


def bce_forward(y_true, y_pred):
    return float(np.mean(-(y_true * np.log(y_pred) + (1 - y_true) * np.log(1 - y_pred))))
