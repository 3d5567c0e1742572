"""The minus sign covers only the first term: -y log p + (1 - y) log(1 - p).

Right whenever every label is 1, so a test on all-positive labels passes;
with any 0 label the loss rewards wrong answers.
"""
import numpy as np


def _same_shapes(y_true, y_pred):
    if np.shape(y_true) != np.shape(y_pred):
        raise ValueError(f"y_true has shape {np.shape(y_true)} but y_pred has shape {np.shape(y_pred)}")


FAILS = ["bce_forward_values"]


def bce_forward(y_true, y_pred):
    _same_shapes(y_true, y_pred)
    p = np.clip(y_pred, 1e-12, 1 - 1e-12)
    return float(np.mean(-y_true * np.log(p) + (1 - y_true) * np.log(1 - p)))
