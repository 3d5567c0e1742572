"""scipy's expit for the sigmoid, and code that emits NumPy warnings yet returns the right values.

The forward takes log(p) before clipping the result (log(0) warns), the logit
backward uses a naive sigmoid that overflows (and warns) at z = -1000 but
still returns exactly 0 there.  Warnings must not cost points.
"""
import numpy as np
from scipy.special import expit


def bce_forward(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError(f"{y_true.shape=} != {y_pred.shape=}")
    log_p = np.maximum(np.log(y_pred), np.log(1e-12))
    log_q = np.maximum(np.log(1 - y_pred), np.log(1e-12))
    return float(np.mean(-(y_true * log_p + (1 - y_true) * log_q)))


def sigmoid(z):
    return expit(np.asarray(z, dtype=np.float64))


def bce_with_logits_backward(y_true, logits):
    if y_true.shape != logits.shape:
        raise ValueError(f"{y_true.shape=} != {logits.shape=}")
    return (1 / (1 + np.exp(-logits)) - y_true) / logits.size
