"""The seed notes' argument order, (logits, target): the function reads y_true as the logits."""
import numpy as np

FAILS = ["softmax_cross_entropy_forward_values", "softmax_cross_entropy_forward_extremes"]


def softmax_cross_entropy_forward(logits, y_true):
    n = logits.shape[0]
    return float(-np.mean(log_softmax(logits)[np.arange(n), y_true]))
