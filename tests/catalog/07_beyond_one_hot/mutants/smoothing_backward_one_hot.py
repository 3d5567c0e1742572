"""The backward pass of plain cross-entropy, softmax - one-hot: the smoothing is forgotten in the gradient."""
import numpy as np

FAILS = ["smoothed_cross_entropy_backward_values"]


def smoothed_cross_entropy_backward(y_true, logits, epsilon=0.1):
    if not 0.0 <= epsilon <= 1.0:
        raise ValueError(f"epsilon must be in [0, 1], got {epsilon}")
    z = np.asarray(logits, dtype=float)
    t = np.asarray(y_true)
    if z.ndim != 2 or t.shape != (z.shape[0],):
        raise ValueError(f"y_true has shape {t.shape}, logits has shape {z.shape}")
    n, c = z.shape
    return (softmax_rows(z) - np.eye(c)[t]) / n
