"""exp(z) / sum(exp(z)) without subtracting the row maximum: exp overflows to inf above 709, and inf / inf is nan."""
import numpy as np

FAILS = ["softmax_large_logits", "softmax_cross_entropy_backward_extremes"]


def softmax(logits):
    e = np.exp(logits)
    return e / np.sum(e, axis=1, keepdims=True)
