"""-y / p / N without clipping: -inf where a positive target has p = 0, and 0 / 0 = nan where both are 0."""
import numpy as np

FAILS = ["cross_entropy_backward_extremes"]


def cross_entropy_backward(y_true, y_pred):
    return -y_true / y_pred / y_pred.shape[0]
