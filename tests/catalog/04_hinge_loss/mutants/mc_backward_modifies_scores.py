"""Turns the caller's scores into margins in place (scores -= ..., scores += margin): right values, modified input."""
import numpy as np

FAILS = ["multiclass_hinge_backward_values"]


def multiclass_hinge_backward(y_true, scores, margin=1.0):
    rows = np.arange(len(y_true))
    scores -= scores[rows, y_true][:, None]
    scores += margin
    grad = (scores > 0).astype(np.float64)
    grad[rows, y_true] = 0.0
    grad[rows, y_true] = -grad.sum(axis=1)
    return grad / len(y_true)
