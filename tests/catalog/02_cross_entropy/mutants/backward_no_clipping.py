"""-y / p / N without clipping: -inf where a positive target has p = 0, and 0 / 0 = nan where both are 0."""
import numpy as np

FAILS = ["cross_entropy_backward_extremes"]


def cross_entropy_backward(y_true, y_pred):
    if np.shape(y_true) != np.shape(y_pred):
        raise ValueError(f"y_true has shape {np.shape(y_true)} but y_pred has shape {np.shape(y_pred)}")
    return -y_true / y_pred / y_pred.shape[0]
