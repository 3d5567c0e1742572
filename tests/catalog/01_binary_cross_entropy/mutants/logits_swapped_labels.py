"""y z + log(1 + exp(-z)): uses y where the formula has (1 - y)."""
import numpy as np

FAILS = ["bce_with_logits_forward_values", "bce_with_logits_forward_extremes"]


def bce_with_logits_forward(y_true, logits):
    return float(np.mean(y_true * logits + np.logaddexp(0, -logits)))
