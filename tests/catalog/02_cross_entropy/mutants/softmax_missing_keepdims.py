"""Divides by np.sum(e, axis=1) without keepdims: (N, C) / (N,) fails to broadcast when N != C.

When N == C it broadcasts silently and divides column j by row j's total,
which is why the tests never use square batches.
"""
import numpy as np

FAILS = ["softmax_values", "softmax_large_logits", "softmax_no_warnings",
         "softmax_cross_entropy_backward_values", "softmax_cross_entropy_backward_extremes"]


def softmax(logits):
    e = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    return e / np.sum(e, axis=1)
