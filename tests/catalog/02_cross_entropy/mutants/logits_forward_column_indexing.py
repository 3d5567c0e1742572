"""Picks log_softmax(z)[:, y_true]: the columns y_true of every row (an N x N block), then its mean."""
import numpy as np

FAILS = ["softmax_cross_entropy_forward_values", "softmax_cross_entropy_forward_extremes"]


def softmax_cross_entropy_forward(y_true, logits):
    return float(-np.mean(log_softmax(logits)[:, y_true]))
