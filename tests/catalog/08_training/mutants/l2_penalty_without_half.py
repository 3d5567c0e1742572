"""The penalty without its 1/2: lam times the sum of squares."""
import numpy as np

FAILS = {"l2_penalty_values"}


def l2_penalty(W, lam):
    if lam < 0:
        raise ValueError(f"lam must be >= 0, got {lam}")
    return float(lam * np.sum(np.asarray(W, dtype=np.float64) ** 2))
