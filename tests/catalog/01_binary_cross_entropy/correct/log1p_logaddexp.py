"""log1p for log(1 - p), logaddexp for the softplus, and a sigmoid built from logaddexp."""
import numpy as np


def bce_forward(y_true, y_pred):
    p = np.clip(y_pred, 1e-12, 1 - 1e-12)
    return np.mean(-y_true * np.log(p) - (1 - y_true) * np.log1p(-p))


def bce_backward(y_true, y_pred):
    p = np.clip(y_pred, 1e-12, 1 - 1e-12)
    return (-y_true / p + (1 - y_true) / (1 - p)) * (1.0 / y_pred.size)


def sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -z))


def bce_with_logits_forward(y_true, logits):
    return np.mean((1 - y_true) * logits + np.logaddexp(0.0, -logits))


def bce_with_logits_backward(y_true, logits):
    return (np.exp(-np.logaddexp(0.0, -logits)) - y_true) / logits.size
