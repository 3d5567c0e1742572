"""l2_penalty refuses lam = 0 (it tests lam <= 0 instead of lam < 0)."""
import numpy as np

FAILS = {"l2_penalty_contract"}


def l2_penalty(W, lam):
    if lam <= 0:
        raise ValueError(f"lam must be > 0, got {lam}")
    W = np.asarray(W, dtype=np.float64)
    return float(lam / 2 * np.sum(W * W))
