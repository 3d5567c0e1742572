"""The factor alpha_t (1 - p_t)**gamma treated as a constant: the BCE gradient expit(z) - y times the factor,
without the derivative of (1 - p_t)**gamma (the product rule's second term)."""
import numpy as np

FAILS = ["focal_backward_values"]


def focal_backward(y_true, logits, gamma=2.0, alpha=0.25):
    if gamma < 0:
        raise ValueError(f"gamma must be >= 0, got {gamma}")
    if alpha is not None and not 0 <= alpha <= 1:
        raise ValueError(f"alpha must be None or in [0, 1], got {alpha}")
    y = np.asarray(y_true, dtype=float)
    z = np.asarray(logits, dtype=float)
    if y.shape != z.shape:
        raise ValueError(f"y_true has shape {y.shape} but logits has shape {z.shape}")
    s = 2 * y - 1
    weight = 1.0 if alpha is None else alpha * y + (1 - alpha) * (1 - y)
    return weight * expit(-s * z) ** gamma * (expit(z) - y) / z.size
