"""(y - sigmoid(z)) / M: the gradient of the log-likelihood, not of the loss."""
import numpy as np


def _same_shapes(y_true, y_pred):
    if np.shape(y_true) != np.shape(y_pred):
        raise ValueError(f"y_true has shape {np.shape(y_true)} but y_pred has shape {np.shape(y_pred)}")


FAILS = ["bce_with_logits_backward_values"]


def bce_with_logits_backward(y_true, logits):
    _same_shapes(y_true, logits)
    return (y_true - sigmoid(logits)) / logits.size
