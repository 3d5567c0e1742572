"""Subtracts one maximum for the whole batch (np.max(logits)): rows far below it underflow to 0 / 0."""
import numpy as np

FAILS = ["softmax_large_logits", "softmax_cross_entropy_backward_extremes"]


def softmax(logits):
    e = np.exp(logits - np.max(logits))
    return e / np.sum(e, axis=1, keepdims=True)
