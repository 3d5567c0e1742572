"""Never compares the shapes of y_true and logits."""
import numpy as np

FAILS = ["focal_backward_contract"]


def focal_backward(y_true, logits, gamma=2.0, alpha=0.25):
    if gamma < 0:
        raise ValueError(f"gamma must be >= 0, got {gamma}")
    if alpha is not None and not 0 <= alpha <= 1:
        raise ValueError(f"alpha must be None or in [0, 1], got {alpha}")
    y = np.asarray(y_true, dtype=float)
    z = np.asarray(logits, dtype=float)
    s = 2 * y - 1
    p_t, q_t, log_pt = expit(s * z), expit(-s * z), -np.logaddexp(0, -s * z)
    grad = s * q_t ** gamma * (gamma * p_t * log_pt - q_t)
    if alpha is not None:
        grad = (alpha * y + (1 - alpha) * (1 - y)) * grad
    return grad / grad.size
