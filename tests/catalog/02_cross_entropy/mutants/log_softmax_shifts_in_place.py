"""Shifts the caller's array in place (logits -= max, then -= log-sum-exp): right values, but the input is modified.

The reference softmax_cross_entropy_forward passes its caller's float64 logits
straight to log_softmax, so that function modifies its input too.
"""
import numpy as np

FAILS = ["softmax_cross_entropy_forward_contract"]


def log_softmax(logits):
    logits -= np.max(logits, axis=1, keepdims=True)
    logits -= np.log(np.sum(np.exp(logits), axis=1, keepdims=True))
    return logits
