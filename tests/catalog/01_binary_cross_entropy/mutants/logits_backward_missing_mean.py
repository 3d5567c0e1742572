"""sigmoid(z) - y without the 1/N of the mean."""
import numpy as np

FAILS = ["bce_with_logits_backward_values", "bce_with_logits_backward_extremes"]


def bce_with_logits_backward(y_true, logits):
    return sigmoid(logits) - y_true
