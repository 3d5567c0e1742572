"""Builds the gradient with np.zeros_like(scores): with integer scores it is an integer array and -1/N becomes 0."""
import numpy as np

FAILS = ['hinge_backward_values']


def _check(y, s):
    if y.shape != s.shape:
        raise ValueError(f"y_true has shape {y.shape} but scores has shape {s.shape}")
    if np.any((y != 1) & (y != -1)):
        raise ValueError("labels must be -1 or +1; for labels in {0, 1}, pass 2*y - 1")


def hinge_backward(y_true, scores):
    y = np.asarray(y_true)
    _check(y, scores)
    grad = np.zeros_like(scores)
    inside = y * scores < 1
    grad[inside] = -y[inside] / len(scores)
    return grad
