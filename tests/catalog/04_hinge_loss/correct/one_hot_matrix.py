"""One-hot matrices instead of fancy indexing, np.isin for the labels, np.float64 results,
and the checks written inline in each function."""
import numpy as np


def hinge_forward(y_true, scores):
    y = np.asarray(y_true, dtype=float)
    if y.shape != np.shape(scores):
        raise ValueError(f"y_true{y.shape} and scores{np.shape(scores)} must have the same shape")
    if not np.isin(y, (-1.0, 1.0)).all():
        raise ValueError("labels must lie in {-1, +1}; convert {0, 1} labels with 2*y - 1")
    return np.mean(np.clip(1.0 - y * scores, 0.0, None))


def hinge_backward(y_true, scores):
    y = np.asarray(y_true, dtype=float)
    if y.shape != np.shape(scores):
        raise ValueError(f"y_true{y.shape} and scores{np.shape(scores)} must have the same shape")
    if not np.isin(y, (-1.0, 1.0)).all():
        raise ValueError("labels must lie in {-1, +1}; convert {0, 1} labels with 2*y - 1")
    return -y * (y * scores < 1) / y.size


def multiclass_hinge_forward(y_true, scores, margin=1.0):
    if np.ndim(scores) != 2 or np.shape(y_true) != np.shape(scores)[:1]:
        raise ValueError(f"y_true{np.shape(y_true)} needs one class per row of scores{np.shape(scores)}")
    if margin < 0:
        raise ValueError("margin < 0")
    one_hot = np.eye(scores.shape[1])[y_true]
    true_score = (scores * one_hot).sum(axis=1, keepdims=True)
    terms = np.maximum(0.0, scores - true_score + margin) * (1.0 - one_hot)
    return terms.sum() / scores.shape[0]


def multiclass_hinge_backward(y_true, scores, margin=1.0):
    if np.ndim(scores) != 2 or np.shape(y_true) != np.shape(scores)[:1]:
        raise ValueError(f"y_true{np.shape(y_true)} needs one class per row of scores{np.shape(scores)}")
    if margin < 0:
        raise ValueError("margin < 0")
    one_hot = np.eye(scores.shape[1])[y_true]
    true_score = (scores * one_hot).sum(axis=1, keepdims=True)
    violated = (scores - true_score + margin > 0) * (1.0 - one_hot)
    return (violated - one_hot * violated.sum(axis=1, keepdims=True)) / scores.shape[0]
