"""Builds the one-hot matrix with np.eye(N) instead of np.eye(C): (N, N) and (N, C) only match when N == C."""
import numpy as np

FAILS = ["softmax_cross_entropy_backward_values", "softmax_cross_entropy_backward_extremes"]


def softmax_cross_entropy_backward(y_true, logits):
    n = logits.shape[0]
    return (softmax(logits) - np.eye(n)[y_true]) / n
