"""z - log(sum(exp(z))) without the shift: exp overflows above 709, and the result is -inf."""
import numpy as np

FAILS = ["log_softmax_extremes"]


def log_softmax(logits):
    return logits - np.log(np.sum(np.exp(logits), axis=1, keepdims=True))
