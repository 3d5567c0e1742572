"""scipy.special's softmax, log_softmax and xlogy, with Keras's eps = 1e-7 and clipping to [eps, 1 - eps]."""
import numpy as np
from scipy.special import log_softmax as scipy_log_softmax
from scipy.special import softmax as scipy_softmax
from scipy.special import xlogy


def _shapes(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"shape mismatch: y_true {y_true.shape} vs y_pred {y_pred.shape}")
    return y_true, y_pred


def cross_entropy_forward(y_true, y_pred):
    eps = 1e-7
    y_true, y_pred = _shapes(y_true, y_pred)
    p = np.clip(y_pred, eps, 1 - eps)
    return float(-np.sum(xlogy(y_true, p)) / len(p))


def cross_entropy_backward(y_true, y_pred):
    eps = 1e-7
    y_true, y_pred = _shapes(y_true, y_pred)
    p = np.clip(y_pred, eps, 1 - eps)
    return -np.asarray(y_true, dtype=float) / p / len(p)


def softmax(logits):
    return scipy_softmax(np.asarray(logits, dtype=float), axis=1)


def log_softmax(logits):
    return scipy_log_softmax(np.asarray(logits, dtype=float), axis=1)


def softmax_cross_entropy_forward(y_true, logits):
    if np.shape(y_true) != np.shape(logits)[:1]:
        raise ValueError(f"y_true {np.shape(y_true)} must hold one label per row of logits {np.shape(logits)}")
    log_p = scipy_log_softmax(np.asarray(logits, dtype=float), axis=1)
    return float(-np.mean(log_p[np.arange(len(log_p)), y_true]))


def softmax_cross_entropy_backward(y_true, logits):
    if np.shape(y_true) != np.shape(logits)[:1]:
        raise ValueError(f"y_true {np.shape(y_true)} must hold one label per row of logits {np.shape(logits)}")
    grad = scipy_softmax(np.asarray(logits, dtype=float), axis=1)
    grad[np.arange(len(grad)), y_true] -= 1.0
    return grad / len(grad)
