"""Assignment 1's habit kept: clip to [eps, 1 - eps] with eps = 1e-6, the largest epsilon allowed, and np.where for 0 log 0."""
import numpy as np


def _check(y, p):
    if y.shape != p.shape:
        raise ValueError(f"shapes differ: y_true {y.shape}, y_pred {p.shape}")


def cross_entropy_forward(y_true, y_pred):
    eps = 1e-6
    y, p = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    _check(y, p)
    p = np.clip(p, eps, 1 - eps)
    terms = np.where(y > 0, y * np.log(p), 0.0)
    return float(-terms.sum(axis=1).mean())


def cross_entropy_backward(y_true, y_pred):
    eps = 1e-6
    y, p = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    _check(y, p)
    p = np.clip(p, eps, 1 - eps)
    return -(y / p) / len(p)
