"""The right formula, with log p_t taken of the rounded probability: at logits of +-1000, p_t is exactly 0,
log(0) = -inf, and 0 * -inf is nan."""
import numpy as np

FAILS = ["focal_backward_extremes"]


def focal_backward(y_true, logits, gamma=2.0, alpha=0.25):
    if gamma < 0:
        raise ValueError(f"gamma must be >= 0, got {gamma}")
    if alpha is not None and not 0 <= alpha <= 1:
        raise ValueError(f"alpha must be None or in [0, 1], got {alpha}")
    y = np.asarray(y_true, dtype=float)
    z = np.asarray(logits, dtype=float)
    if y.shape != z.shape:
        raise ValueError(f"y_true has shape {y.shape} but logits has shape {z.shape}")
    p = expit(z)
    p_t = p * y + (1 - p) * (1 - y)
    s = 2 * y - 1
    grad = s * (1 - p_t) ** gamma * (gamma * p_t * np.log(p_t) - (1 - p_t))
    if alpha is not None:
        grad = (alpha * y + (1 - alpha) * (1 - y)) * grad
    return grad / z.size
