"""Right values from code that makes NumPy warn: warnings must not cost points.

The forward takes log(p) before bounding it (log(0) warns), and the backward
divides by p on every entry before np.where picks the safe branch (dividing
by 0 warns, and 0 / 0 is nan in the branch that is thrown away).
"""
import numpy as np


def cross_entropy_forward(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true.shape = {y_true.shape}, y_pred.shape = {y_pred.shape}")
    log_p = np.maximum(np.log(y_pred), np.log(1e-12))
    return float(-np.sum(y_true * log_p) / len(y_pred))


def cross_entropy_backward(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true.shape = {y_true.shape}, y_pred.shape = {y_pred.shape}")
    n = len(y_pred)
    return np.where(y_pred > 1e-12, -y_true / y_pred, -y_true / 1e-12) / n
