"""Overwrites z with |z| (np.abs(z, out=z)) to save memory: the caller's logits are modified.

sigmoid has no contract cell of its own (a cell that only checked the input would pay for a sigmoid
that does nothing); BCE on logits passes its logits to sigmoid, so its contract cell fails.
"""
import numpy as np

FAILS = ["bce_with_logits_backward_contract"]


def sigmoid(z):
    negative = z < 0
    np.abs(z, out=z)
    t = np.exp(-z)
    return np.where(negative, t / (1 + t), 1 / (1 + t))
