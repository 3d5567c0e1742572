"""Never compares the shapes: labels of shape (3,) against logits of shape (3, 1) broadcast to a (3, 3) table."""
import numpy as np

FAILS = ["focal_forward_contract"]


def focal_forward(y_true, logits, gamma=2.0, alpha=0.25):
    if gamma < 0:
        raise ValueError(f"gamma must be >= 0, got {gamma}")
    if alpha is not None and not 0 <= alpha <= 1:
        raise ValueError(f"alpha must be None or in [0, 1], got {alpha}")
    y = np.asarray(y_true, dtype=float)
    z = np.asarray(logits, dtype=float)
    s = 2 * y - 1
    loss = expit(-s * z) ** gamma * np.logaddexp(0, -s * z)
    if alpha is not None:
        loss = (alpha * y + (1 - alpha) * (1 - y)) * loss
    return float(np.mean(loss))
