"""Swaps the two stable branches, which computes sigmoid(-z) = 1 - sigmoid(z)."""
import numpy as np

FAILS = ["sigmoid_values", "sigmoid_no_overflow", "bce_with_logits_backward_values",
         "bce_with_logits_backward_extremes"]


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, e / (1 + e), 1 / (1 + e))
