"""A single-sample softmax run on a batch: Python's built-in sum adds up the rows, one total per class.

The shift by each row's maximum is right; only the normalisation is wrong, so every row of the
result is divided by the column totals instead of its own total.  (The other half of the same
single-sample habit, np.max over the whole batch, is softmax_global_max.)
"""
import numpy as np

FAILS = ["softmax_values", "softmax_cross_entropy_backward_values"]


def softmax(logits):
    exp_logits = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    return exp_logits / sum(exp_logits)
