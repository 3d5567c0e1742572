"""The gradient of the penalty forgets that the 1/2 cancels the 2 of the square: 2 lam W."""
import numpy as np

FAILS = {"l2_penalty_backward_values"}


def l2_penalty_backward(W, lam):
    if lam < 0:
        raise ValueError(f"lam must be >= 0, got {lam}")
    return 2 * lam * np.asarray(W, dtype=np.float64)
