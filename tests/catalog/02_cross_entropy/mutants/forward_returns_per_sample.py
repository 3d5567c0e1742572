"""Returns the vector of per-sample losses (reduction='none') instead of their mean."""
import numpy as np

FAILS = ["cross_entropy_forward_values"]


def cross_entropy_forward(y_true, y_pred):
    if np.shape(y_true) != np.shape(y_pred):
        raise ValueError(f"y_true has shape {np.shape(y_true)} but y_pred has shape {np.shape(y_pred)}")
    p = np.clip(y_pred, 1e-12, 1.0)
    return -np.sum(y_true * np.log(p), axis=1)
