"""Tries the naive formula first and falls back to the shifted one when it overflows: right values, but NumPy warns."""
import numpy as np

FAILS = ["softmax_no_warnings"]


def softmax(logits):
    e = np.exp(logits)
    probs = e / np.sum(e, axis=1, keepdims=True)
    if np.all(np.isfinite(probs)):
        return probs
    e = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)
