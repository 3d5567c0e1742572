"""Takes log(p) without clipping: 0 * log(0) is nan where a probability is exactly 0."""
import numpy as np

FAILS = ["cross_entropy_forward_extremes"]


def cross_entropy_forward(y_true, y_pred):
    if np.shape(y_true) != np.shape(y_pred):
        raise ValueError(f"y_true has shape {np.shape(y_true)} but y_pred has shape {np.shape(y_pred)}")
    return float(-np.sum(y_true * np.log(y_pred)) / y_pred.shape[0])
