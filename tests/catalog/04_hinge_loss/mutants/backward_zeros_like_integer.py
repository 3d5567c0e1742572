"""Builds the gradient with np.zeros_like(scores): with integer scores it is an integer array and -1/N becomes 0."""
import numpy as np

FAILS = ["hinge_backward_values"]


def hinge_backward(y_true, scores):
    y = np.asarray(y_true)
    if np.any((y != 1) & (y != -1)):
        raise ValueError("labels must be -1 or +1; for labels in {0, 1}, pass 2*y - 1")
    grad = np.zeros_like(scores)
    inside = y * scores < 1
    grad[inside] = -y[inside] / len(scores)
    return grad
