"""Never compares the shapes of y_true and logits."""
import numpy as np

FAILS = ["smoothed_cross_entropy_backward_contract"]


def smoothed_cross_entropy_backward(y_true, logits, epsilon=0.1):
    if not 0.0 <= epsilon <= 1.0:
        raise ValueError(f"epsilon must be in [0, 1], got {epsilon}")
    z = np.asarray(logits, dtype=float)
    n, c = z.shape[0], z.shape[-1]
    z = z.reshape(n, c)
    target = np.full((n, c), epsilon / c)
    target[np.arange(n), np.asarray(y_true)] += 1 - epsilon
    return (softmax_rows(z) - target) / n
