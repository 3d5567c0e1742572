"""Clips the caller's array in place (np.clip(..., out=y_pred)): the input is modified."""
import numpy as np

FAILS = ["bce_forward_extremes"]


def bce_forward(y_true, y_pred):
    p = np.clip(y_pred, 1e-12, 1 - 1e-12, out=y_pred)
    return float(np.mean(-(y_true * np.log(p) + (1 - y_true) * np.log(1 - p))))
