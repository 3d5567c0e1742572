"""The reference backward on logits without the shape check: labels of shape (N, 1) or (1,) broadcast silently."""
import numpy as np

FAILS = ["softmax_cross_entropy_backward_contract"]


def softmax_cross_entropy_backward(y_true, logits):
    z = np.asarray(logits, dtype=np.float64)
    t = np.asarray(y_true)
    n = z.shape[0]
    grad = softmax(z)
    grad[np.arange(n), t] -= 1.0
    return grad / n
