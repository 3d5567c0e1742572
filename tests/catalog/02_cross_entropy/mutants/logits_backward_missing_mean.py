"""softmax(z) - onehot(t) without the 1/N of the mean."""
import numpy as np

FAILS = ["softmax_cross_entropy_backward_values"]


def softmax_cross_entropy_backward(y_true, logits):
    if np.shape(y_true) != (np.shape(logits)[0],):
        raise ValueError(f"y_true has shape {np.shape(y_true)} but logits has shape {np.shape(logits)}")
    grad = softmax(logits)
    grad[np.arange(logits.shape[0]), y_true] -= 1.0
    return grad
