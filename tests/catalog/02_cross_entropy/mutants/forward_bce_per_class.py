"""Assignment 1's BCE applied to every class and summed: the (1 - y) log(1 - p) terms do not belong here."""
import numpy as np

FAILS = ["cross_entropy_forward_values"]


def cross_entropy_forward(y_true, y_pred):
    if np.shape(y_true) != np.shape(y_pred):
        raise ValueError(f"y_true has shape {np.shape(y_true)} but y_pred has shape {np.shape(y_pred)}")
    eps = 1e-12
    p = np.clip(y_pred, eps, 1 - eps)
    per_entry = -(y_true * np.log(p) + (1 - y_true) * np.log(1 - p))
    return float(np.sum(per_entry) / y_pred.shape[0])
