"""l2_penalty_backward refuses lam = 0 (it tests lam <= 0 instead of lam < 0)."""
import numpy as np

FAILS = {"l2_penalty_backward_contract"}


def l2_penalty_backward(W, lam):
    if lam <= 0:
        raise ValueError(f"lam must be > 0, got {lam}")
    return lam * np.asarray(W, dtype=np.float64)
