"""Divides by len(y_true), the number of rows, instead of M = y_pred.size.

Right for 1-D input, wrong for 2-D.
"""
import numpy as np


def _same_shapes(y_true, y_pred):
    if np.shape(y_true) != np.shape(y_pred):
        raise ValueError(f"y_true has shape {np.shape(y_true)} but y_pred has shape {np.shape(y_pred)}")


FAILS = ["bce_forward_values"]


def bce_forward(y_true, y_pred):
    _same_shapes(y_true, y_pred)
    p = np.clip(y_pred, 1e-12, 1 - 1e-12)
    return float(np.sum(-(y_true * np.log(p) + (1 - y_true) * np.log(1 - p))) / len(y_true))
