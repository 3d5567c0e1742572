"""Shifts and normalises over axis=0: every column sums to 1 instead of every row."""
import numpy as np

FAILS = ["softmax_values", "softmax_cross_entropy_backward_values"]


def softmax(logits):
    e = np.exp(logits - np.max(logits, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)
