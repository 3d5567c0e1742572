"""One-hot matrices from np.eye(C)[y_true] and elementwise products, with np.einsum for the sums."""
import numpy as np


def _assert_same(shape_true, shape_expected, other="y_pred", other_shape=None):
    if tuple(shape_true) != tuple(shape_expected):
        raise ValueError(f"y_true has shape {tuple(shape_true)}, which does not fit {other} of shape "
                         f"{tuple(other_shape if other_shape is not None else shape_expected)}")


def cross_entropy_forward(y_true, y_pred):
    y = np.asarray(y_true, dtype=float)
    _assert_same(y.shape, np.shape(y_pred))
    log_p = np.log(np.maximum(np.asarray(y_pred, dtype=float), 1e-12))
    return float(-np.einsum("ij,ij->", y, log_p) / y.shape[0])


def cross_entropy_backward(y_true, y_pred):
    y = np.asarray(y_true, dtype=float)
    _assert_same(y.shape, np.shape(y_pred))
    return -(y / np.maximum(np.asarray(y_pred, dtype=float), 1e-12)) / y.shape[0]


def softmax_cross_entropy_forward(y_true, logits):
    n, c = np.shape(logits)
    _assert_same(np.shape(y_true), (n,), "logits", np.shape(logits))
    onehot = np.eye(c)[y_true]
    return float(-np.sum(onehot * log_softmax(logits)) / n)


def softmax_cross_entropy_backward(y_true, logits):
    n, c = np.shape(logits)
    _assert_same(np.shape(y_true), (n,), "logits", np.shape(logits))
    return (softmax(logits) - np.eye(c)[y_true]) / n
