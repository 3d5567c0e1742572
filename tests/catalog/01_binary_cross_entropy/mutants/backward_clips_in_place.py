"""Clips the caller's array in place (np.clip(..., out=y_pred)): the input is modified."""
import numpy as np


def _same_shapes(y_true, y_pred):
    if np.shape(y_true) != np.shape(y_pred):
        raise ValueError(f"y_true has shape {np.shape(y_true)} but y_pred has shape {np.shape(y_pred)}")


FAILS = ["bce_backward_contract"]


def bce_backward(y_true, y_pred):
    _same_shapes(y_true, y_pred)
    p = np.clip(y_pred, 1e-12, 1 - 1e-12, out=y_pred)
    return (p - y_true) / (p * (1 - p)) / p.size
