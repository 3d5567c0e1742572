"""Python loops everywhere, cs231n style: one loop over the samples, one over the classes.

Slow, but correct: the loss is accumulated term by term, the gradient entry by entry,
the forward returns np.float64 rather than float, and every message is written by hand
(the fix 2*y - 1 is suggested whatever the bad labels are, which the docstring allows).
"""
import numpy as np


def _check_binary(y_true, scores):
    if np.shape(y_true) != np.shape(scores):
        raise ValueError(f"shapes differ: y_true {np.shape(y_true)}, scores {np.shape(scores)}")
    for y in y_true:
        if y != 1 and y != -1:
            raise ValueError(f"label {y} is not -1 or +1 (for labels in {{0, 1}}, use 2*y - 1)")


def _check_multiclass(y_true, scores, margin):
    if np.ndim(scores) != 2 or np.shape(y_true) != (np.shape(scores)[0],):
        raise ValueError(f"shapes differ: y_true {np.shape(y_true)}, scores {np.shape(scores)}")
    if margin < 0:
        raise ValueError(f"the margin must not be negative (got {margin})")


def hinge_forward(y_true, scores):
    _check_binary(y_true, scores)
    total = 0.0
    for y, s in zip(y_true, scores):
        total += max(0.0, 1.0 - y * s)
    return total / len(scores)


def hinge_backward(y_true, scores):
    _check_binary(y_true, scores)
    num_train = len(scores)
    grad = np.zeros(num_train)
    for i in range(num_train):
        if y_true[i] * scores[i] < 1:
            grad[i] = -y_true[i] / num_train
    return grad


def multiclass_hinge_forward(y_true, scores, margin=1.0):
    _check_multiclass(y_true, scores, margin)
    num_train, num_classes = scores.shape
    loss = 0.0
    for i in range(num_train):
        correct_class_score = scores[i, y_true[i]]
        for c in range(num_classes):
            if c == y_true[i]:
                continue
            m = scores[i, c] - correct_class_score + margin
            if m > 0:
                loss += m
    return loss / num_train


def multiclass_hinge_backward(y_true, scores, margin=1.0):
    _check_multiclass(y_true, scores, margin)
    num_train, num_classes = scores.shape
    dscores = np.zeros((num_train, num_classes))
    for i in range(num_train):
        correct_class_score = scores[i, y_true[i]]
        for c in range(num_classes):
            if c == y_true[i]:
                continue
            if scores[i, c] - correct_class_score + margin > 0:
                dscores[i, c] += 1.0
                dscores[i, y_true[i]] -= 1.0
    return dscores / num_train
