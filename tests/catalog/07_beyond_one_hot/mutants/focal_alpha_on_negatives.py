"""alpha applied to the wrong class: alpha_t = alpha (1 - y) + (1 - alpha) y, in both passes (a student who reads
"alpha = 0.25 for the rare class" and gives it to the negatives)."""
import numpy as np

FAILS = ["focal_forward_values", "focal_backward_values"]


def _checked(y_true, logits, gamma, alpha):
    if gamma < 0:
        raise ValueError(f"gamma must be >= 0, got {gamma}")
    if alpha is not None and not 0 <= alpha <= 1:
        raise ValueError(f"alpha must be None or in [0, 1], got {alpha}")
    y = np.asarray(y_true, dtype=float)
    z = np.asarray(logits, dtype=float)
    if y.shape != z.shape:
        raise ValueError(f"y_true has shape {y.shape} but logits has shape {z.shape}")
    weight = 1.0 if alpha is None else alpha * (1 - y) + (1 - alpha) * y
    return y, z, 2 * y - 1, weight


def focal_forward(y_true, logits, gamma=2.0, alpha=0.25):
    y, z, s, weight = _checked(y_true, logits, gamma, alpha)
    return float(np.mean(weight * expit(-s * z) ** gamma * np.logaddexp(0, -s * z)))


def focal_backward(y_true, logits, gamma=2.0, alpha=0.25):
    y, z, s, weight = _checked(y_true, logits, gamma, alpha)
    p_t, q_t, log_pt = expit(s * z), expit(-s * z), -np.logaddexp(0, -s * z)
    return weight * s * q_t ** gamma * (gamma * p_t * log_pt - q_t) / z.size
