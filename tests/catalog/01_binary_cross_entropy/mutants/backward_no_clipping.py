"""No clipping in the backward pass: division by zero at p = 0 or 1."""
import numpy as np

FAILS = ["bce_backward_extremes"]


def bce_backward(y_true, y_pred):
    return (y_pred - y_true) / (y_pred * (1 - y_pred)) / y_pred.size
