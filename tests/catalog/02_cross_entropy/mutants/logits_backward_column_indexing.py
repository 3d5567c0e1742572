"""Subtracts 1 at [:, y_true]: in the columns y_true of every row, not once per row."""
import numpy as np

FAILS = ["softmax_cross_entropy_backward_values", "softmax_cross_entropy_backward_extremes"]


def softmax_cross_entropy_backward(y_true, logits):
    grad = softmax(logits)
    grad[:, y_true] -= 1.0
    return grad / logits.shape[0]
