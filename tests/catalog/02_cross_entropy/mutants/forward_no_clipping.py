"""Takes log(p) without clipping: 0 * log(0) is nan where a probability is exactly 0."""
import numpy as np

FAILS = ["cross_entropy_forward_extremes"]


def cross_entropy_forward(y_true, y_pred):
    return float(-np.sum(y_true * np.log(y_pred)) / y_pred.shape[0])
