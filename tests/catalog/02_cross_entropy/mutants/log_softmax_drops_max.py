"""Shifts by the row maximum m but never adds it back: z - log(sum(exp(z - m))) is off by m.

At zero logits m = 0 and the visible check passes; the hidden tests use rows with m != 0.
"""
import numpy as np

FAILS = ["log_softmax_values", "softmax_cross_entropy_forward_values"]


def log_softmax(logits):
    m = np.max(logits, axis=1, keepdims=True)
    return logits - np.log(np.sum(np.exp(logits - m), axis=1, keepdims=True))
