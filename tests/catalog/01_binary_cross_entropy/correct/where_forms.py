"""np.where everywhere: clipping, the two sigmoid branches, and the two sides of the logit loss."""
import numpy as np


def _same(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError(f"shapes differ: y_true {y_true.shape}, y_pred {y_pred.shape}")


def bce_forward(y_true, y_pred):
    _same(y_true, y_pred)
    eps = 1e-12
    p = np.where(y_pred < eps, eps, np.where(y_pred > 1 - eps, 1 - eps, y_pred))
    return float(-np.mean(y_true * np.log(p) + (1 - y_true) * np.log(1 - p)))


def bce_backward(y_true, y_pred):
    _same(y_true, y_pred)
    eps = 1e-12
    p = np.where(y_pred < eps, eps, np.where(y_pred > 1 - eps, 1 - eps, y_pred))
    # hard labels take the short forms -1/p and 1/(1-p); soft labels the general one
    general = (p - y_true) / (p * (1 - p))
    return np.where(y_true == 1, -1 / p, np.where(y_true == 0, 1 / (1 - p), general)) / y_pred.size


def sigmoid(z):
    neg = np.minimum(z, 0)
    pos = np.maximum(z, 0)
    return np.where(z >= 0, 1 / (1 + np.exp(-pos)), np.exp(neg) / (1 + np.exp(neg)))


def bce_with_logits_forward(y_true, logits):
    _same(y_true, logits)
    z = logits
    softplus = np.where(z > 0, z + np.log1p(np.exp(-np.abs(z))), np.log1p(np.exp(-np.abs(z))))
    return float(np.mean(softplus - z * y_true))


def bce_with_logits_backward(y_true, logits):
    _same(y_true, logits)
    return (sigmoid(logits) - y_true) / np.size(logits)
