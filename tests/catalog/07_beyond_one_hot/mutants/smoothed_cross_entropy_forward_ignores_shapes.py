"""Never compares the shapes: labels of shape (N, 1) broadcast against np.arange(N) into an (N, N) block."""
import numpy as np

FAILS = ["smoothed_cross_entropy_forward_contract"]


def smoothed_cross_entropy_forward(y_true, logits, epsilon=0.1):
    if not 0.0 <= epsilon <= 1.0:
        raise ValueError(f"epsilon must be in [0, 1], got {epsilon}")
    z = np.asarray(logits, dtype=float)
    n, c = z.shape[0], z.shape[-1]
    log_p = log_softmax_rows(z.reshape(n, c))
    t = np.asarray(y_true)
    return float(np.mean(-(1 - epsilon) * log_p[np.arange(n), t] - epsilon / c * log_p.sum(axis=1)))
