"""y z + log(1 + exp(-z)): uses y where the formula has (1 - y)."""
import numpy as np


def _same_shapes(y_true, y_pred):
    if np.shape(y_true) != np.shape(y_pred):
        raise ValueError(f"y_true has shape {np.shape(y_true)} but y_pred has shape {np.shape(y_pred)}")


FAILS = ["bce_with_logits_forward_values"]


def bce_with_logits_forward(y_true, logits):
    _same_shapes(y_true, logits)
    return float(np.mean(y_true * logits + np.logaddexp(0, -logits)))
