"""A softmax written by hand without the max shift: exp(1000) overflows to inf, and inf / inf is nan."""
import numpy as np

FAILS = ["smoothed_cross_entropy_backward_extremes"]


def smoothed_cross_entropy_backward(y_true, logits, epsilon=0.1):
    if not 0.0 <= epsilon <= 1.0:
        raise ValueError(f"epsilon must be in [0, 1], got {epsilon}")
    z = np.asarray(logits, dtype=float)
    t = np.asarray(y_true)
    if z.ndim != 2 or t.shape != (z.shape[0],):
        raise ValueError(f"y_true has shape {t.shape}, logits has shape {z.shape}")
    n, c = z.shape
    e = np.exp(z)
    target = np.full((n, c), epsilon / c)
    target[np.arange(n), t] += 1 - epsilon
    return (e / e.sum(axis=1, keepdims=True) - target) / n
