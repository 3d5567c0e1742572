"""Subtracts 1 at [:, y_true]: in the columns y_true of every row, not once per row."""
import numpy as np

FAILS = ["softmax_cross_entropy_backward_values"]


def softmax_cross_entropy_backward(y_true, logits):
    if np.shape(y_true) != (np.shape(logits)[0],):
        raise ValueError(f"y_true has shape {np.shape(y_true)} but logits has shape {np.shape(logits)}")
    grad = softmax(logits)
    grad[:, y_true] -= 1.0
    return grad / logits.shape[0]
