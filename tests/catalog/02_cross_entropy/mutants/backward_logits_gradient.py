"""Returns (p - y) / N, the gradient with respect to the logits, where the variable is the probabilities."""
import numpy as np

FAILS = ["cross_entropy_backward_values", "cross_entropy_backward_extremes"]


def cross_entropy_backward(y_true, y_pred):
    return (y_pred - y_true) / y_pred.shape[0]
