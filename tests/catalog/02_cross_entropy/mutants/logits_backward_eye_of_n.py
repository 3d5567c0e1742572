"""Builds the one-hot matrix with np.eye(N) instead of np.eye(C): (N, N) and (N, C) only match when N == C."""
import numpy as np

FAILS = ["softmax_cross_entropy_backward_values"]


def softmax_cross_entropy_backward(y_true, logits):
    if np.shape(y_true) != (np.shape(logits)[0],):
        raise ValueError(f"y_true has shape {np.shape(y_true)} but logits has shape {np.shape(logits)}")
    n = logits.shape[0]
    return (softmax(logits) - np.eye(n)[y_true]) / n
