"""cross_entropy_forward(onehot, softmax(z)): right for moderate logits, but clipping caps each term at -log(eps)."""
import numpy as np

FAILS = ["softmax_cross_entropy_forward_extremes"]


def softmax_cross_entropy_forward(y_true, logits):
    n, c = logits.shape
    return cross_entropy_forward(np.eye(c)[y_true], softmax(logits))
