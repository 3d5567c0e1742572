"""The reference forward on logits without the shape check: labels of shape (N, 1) broadcast against
np.arange(N) into an N x N block, and a single label (1,) is used for every row."""
import numpy as np

FAILS = ["softmax_cross_entropy_forward_contract"]


def softmax_cross_entropy_forward(y_true, logits):
    z = np.asarray(logits, dtype=np.float64)
    t = np.asarray(y_true)
    return float(-np.mean(log_softmax(z)[np.arange(z.shape[0]), t]))
