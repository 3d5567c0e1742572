"""Replaces log(0) by 0 instead of clipping: a prediction of exactly 0 for a label of 1 costs nothing."""
import numpy as np


def _same_shapes(y_true, y_pred):
    if np.shape(y_true) != np.shape(y_pred):
        raise ValueError(f"y_true has shape {np.shape(y_true)} but y_pred has shape {np.shape(y_pred)}")


FAILS = ["bce_forward_extremes"]


def bce_forward(y_true, y_pred):
    _same_shapes(y_true, y_pred)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_p = np.where(y_pred > 0, np.log(y_pred), 0.0)
        log_q = np.where(y_pred < 1, np.log(1 - y_pred), 0.0)
    return float(np.mean(-(y_true * log_p + (1 - y_true) * log_q)))
