"""The violation mask keeps the true class (its term is max(0, margin) > 0), so the
true-class entry is -(violations + 1)/N instead of -violations/N."""
import numpy as np

FAILS = ["multiclass_hinge_backward_values", "multiclass_hinge_backward_kink", "multiclass_hinge_backward_margin"]


def multiclass_hinge_backward(y_true, scores, margin=1.0):
    rows = np.arange(len(y_true))
    grad = (scores - scores[rows, y_true][:, None] + margin > 0).astype(np.float64)
    grad[rows, y_true] = -grad.sum(axis=1)
    return grad / len(y_true)
