"""Picks one term by the label (np.where(y > 0.5, ...)): soft labels get the wrong loss."""
import numpy as np


def _same_shapes(y_true, y_pred):
    if np.shape(y_true) != np.shape(y_pred):
        raise ValueError(f"y_true has shape {np.shape(y_true)} but y_pred has shape {np.shape(y_pred)}")


FAILS = ["bce_forward_values"]


def bce_forward(y_true, y_pred):
    _same_shapes(y_true, y_pred)
    p = np.clip(y_pred, 1e-12, 1 - 1e-12)
    return float(np.mean(np.where(y_true > 0.5, -np.log(p), -np.log(1 - p))))
