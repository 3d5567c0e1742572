"""Returns (p - y) / N, the gradient with respect to the logits, where the variable is the probabilities."""
import numpy as np

FAILS = ["cross_entropy_backward_values"]


def cross_entropy_backward(y_true, y_pred):
    if np.shape(y_true) != np.shape(y_pred):
        raise ValueError(f"y_true has shape {np.shape(y_true)} but y_pred has shape {np.shape(y_pred)}")
    return (y_pred - y_true) / y_pred.shape[0]
