"""Label smoothing spread over the C - 1 wrong classes, epsilon / (C - 1) each, with 1 - epsilon on the true
class: a common variant, but not PyTorch's label_smoothing."""
import numpy as np

FAILS = ["smoothed_cross_entropy_forward_values"]


def smoothed_cross_entropy_forward(y_true, logits, epsilon=0.1):
    if not 0.0 <= epsilon <= 1.0:
        raise ValueError(f"epsilon must be in [0, 1], got {epsilon}")
    z = np.asarray(logits, dtype=float)
    t = np.asarray(y_true)
    if z.ndim != 2 or t.shape != (z.shape[0],):
        raise ValueError(f"y_true has shape {t.shape}, logits has shape {z.shape}")
    n, c = z.shape
    target = np.full((n, c), epsilon / (c - 1))
    target[np.arange(n), t] = 1 - epsilon
    return float(-np.sum(target * log_softmax_rows(z)) / n)
