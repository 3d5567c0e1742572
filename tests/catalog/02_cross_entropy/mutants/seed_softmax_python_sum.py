"""The seed notes' single-sample softmax run on a batch: np.max over everything, and Python's sum, which adds the rows."""
import numpy as np

FAILS = ["softmax_values", "softmax_large_logits", "softmax_no_warnings",
         "softmax_cross_entropy_backward_values", "softmax_cross_entropy_backward_extremes"]


def softmax(logits):
    max_logit = np.max(logits)
    stable_logits = logits - max_logit
    exp_logits = np.exp(stable_logits)
    return exp_logits / sum(exp_logits)
