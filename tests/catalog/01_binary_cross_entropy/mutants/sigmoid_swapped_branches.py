"""Swaps the two stable branches, which computes sigmoid(-z) = 1 - sigmoid(z).

BCE on logits calls sigmoid, so its gradient is wrong too (on ordinary logits only).
"""
import numpy as np

FAILS = ["sigmoid_values", "bce_with_logits_backward_values"]


def sigmoid(z):
    t = np.exp(-np.abs(z))
    return np.where(z >= 0, t / (1 + t), 1 / (1 + t))
