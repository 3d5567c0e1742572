"""linear_forward broadcasts instead of checking the shapes (b of shape (1,) or (1, K) is added silently)."""
import numpy as np

FAILS = {"linear_forward_contract"}


def linear_forward(X, W, b):
    return np.asarray(X, dtype=np.float64) @ np.asarray(W, dtype=np.float64) + np.asarray(b, dtype=np.float64)
