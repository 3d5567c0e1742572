"""No shape check: a (3,) label array against (3, 1) logits broadcasts to a (3, 3) gradient."""
import numpy as np

FAILS = ["bce_with_logits_backward_contract"]


def bce_with_logits_backward(y_true, logits):
    return (sigmoid(logits) - y_true) / np.size(logits)
