"""Sums the per-element losses instead of averaging them (reduction='sum')."""
import numpy as np


def _same_shapes(y_true, y_pred):
    if np.shape(y_true) != np.shape(y_pred):
        raise ValueError(f"y_true has shape {np.shape(y_true)} but y_pred has shape {np.shape(y_pred)}")


FAILS = ["bce_forward_values"]


def bce_forward(y_true, y_pred):
    _same_shapes(y_true, y_pred)
    p = np.clip(y_pred, 1e-12, 1 - 1e-12)
    return float(np.sum(-(y_true * np.log(p) + (1 - y_true) * np.log(1 - p))))
