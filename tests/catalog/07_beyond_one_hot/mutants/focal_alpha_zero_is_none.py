"""'if alpha:' instead of 'if alpha is not None:': alpha = 0.0 turns the weighting off instead of giving every
positive the weight 0."""
import numpy as np

FAILS = ["focal_forward_options"]


def focal_forward(y_true, logits, gamma=2.0, alpha=0.25):
    if gamma < 0:
        raise ValueError(f"gamma must be >= 0, got {gamma}")
    if alpha is not None and not 0 <= alpha <= 1:
        raise ValueError(f"alpha must be None or in [0, 1], got {alpha}")
    y = np.asarray(y_true, dtype=float)
    z = np.asarray(logits, dtype=float)
    if y.shape != z.shape:
        raise ValueError(f"y_true has shape {y.shape} but logits has shape {z.shape}")
    s = 2 * y - 1
    loss = expit(-s * z) ** gamma * np.logaddexp(0, -s * z)
    if alpha:
        loss = (alpha * y + (1 - alpha) * (1 - y)) * loss
    return float(np.mean(loss))
