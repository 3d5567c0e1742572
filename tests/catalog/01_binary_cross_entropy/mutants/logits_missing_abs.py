"""max(z, 0) - z y + log(1 + exp(-z)): without |z| the exponent overflows and the loss is inf."""
import numpy as np

FAILS = ["bce_with_logits_forward_values", "bce_with_logits_forward_extremes"]


def bce_with_logits_forward(y_true, logits):
    z = logits
    return float(np.mean(np.maximum(z, 0) - z * y_true + np.log1p(np.exp(-z))))
