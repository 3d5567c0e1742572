"""Shifts the caller's array in place (logits -= max): right values, but the input is modified.

The reference softmax_cross_entropy_backward passes its caller's float64
logits straight to softmax, so that function modifies its input too.
"""
import numpy as np

FAILS = ["softmax_cross_entropy_backward_contract"]


def softmax(logits):
    logits -= np.max(logits, axis=1, keepdims=True)
    e = np.exp(logits)
    return e / np.sum(e, axis=1, keepdims=True)
