"""Clips the caller's y_pred in place (np.clip(..., out=y_pred)) before the log: right values, but the input is modified."""
import numpy as np

FAILS = ["cross_entropy_forward_contract"]


def cross_entropy_forward(y_true, y_pred):
    if np.shape(y_true) != np.shape(y_pred):
        raise ValueError(f"y_true has shape {np.shape(y_true)} but y_pred has shape {np.shape(y_pred)}")
    p = np.clip(y_pred, 1e-12, 1.0 - 1e-12, out=y_pred)
    return float(-np.sum(y_true * np.log(p)) / p.shape[0])
