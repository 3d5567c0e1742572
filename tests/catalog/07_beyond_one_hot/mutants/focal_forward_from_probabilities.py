"""torchvision's lines with a BCE computed from the probability, -[y log p + (1 - y) log(1 - p)]: at logits of
+-1000, p is exactly 0 or 1 and log(0) = -inf makes the loss infinite (or nan)."""
import numpy as np

FAILS = ["focal_forward_extremes"]


def focal_forward(y_true, logits, gamma=2.0, alpha=0.25):
    if gamma < 0:
        raise ValueError(f"gamma must be >= 0, got {gamma}")
    if alpha is not None and not 0 <= alpha <= 1:
        raise ValueError(f"alpha must be None or in [0, 1], got {alpha}")
    y = np.asarray(y_true, dtype=float)
    z = np.asarray(logits, dtype=float)
    if y.shape != z.shape:
        raise ValueError(f"y_true has shape {y.shape} but logits has shape {z.shape}")
    p = 1 / (1 + np.exp(-z))
    ce = -(y * np.log(p) + (1 - y) * np.log(1 - p))
    p_t = p * y + (1 - p) * (1 - y)
    loss = ce * (1 - p_t) ** gamma
    if alpha is not None:
        loss = (alpha * y + (1 - alpha) * (1 - y)) * loss
    return float(np.mean(loss))
