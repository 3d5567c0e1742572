"""-y / p without the 1/N of the mean."""
import numpy as np

FAILS = ["cross_entropy_backward_values"]


def cross_entropy_backward(y_true, y_pred):
    if np.shape(y_true) != np.shape(y_pred):
        raise ValueError(f"y_true has shape {np.shape(y_true)} but y_pred has shape {np.shape(y_pred)}")
    p = np.clip(y_pred, 1e-12, 1.0)
    return -y_true / p
