"""The seed notes' BCE: the minus sign covers only the first term.

-y log p + (1 - y) log(1 - p) is right whenever every label is 1, so a test on
all-positive labels passes; with any 0 label the loss rewards wrong answers.
"""
import numpy as np

FAILS = ["bce_forward_values", "bce_forward_extremes"]


def bce_forward(y_true, y_pred):
    p = np.clip(y_pred, 1e-12, 1 - 1e-12)
    return float(np.mean(-y_true * np.log(p) + (1 - y_true) * np.log(1 - p)))
