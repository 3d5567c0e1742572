"""Builds the gradient in the caller's y_pred (r = y_pred; r -= y_true): the input is overwritten."""
import numpy as np

FAILS = ["mse_backward_contract"]


def mse_backward(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true has shape {y_true.shape} but y_pred has shape {y_pred.shape}")
    r = y_pred
    r -= y_true
    return 2.0 * r / r.size
