"""Divides by np.sum(e, axis=1) without keepdims: (N, C) / (N,) fails to broadcast when N != C.

When N == C it broadcasts silently and divides column c by row c's total, so the
values cells use batches with N != C, and the edge-case cells use square ones, where
this mistake (charged once, in the values cells) runs without error.
"""
import numpy as np

FAILS = ["softmax_values", "softmax_cross_entropy_backward_values"]


def softmax(logits):
    e = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    return e / np.sum(e, axis=1)
