"""l2_penalty computes with a negative lam instead of refusing it."""
import numpy as np

FAILS = {"l2_penalty_contract"}


def l2_penalty(W, lam):
    return float(lam / 2 * np.sum(np.asarray(W, dtype=np.float64) ** 2))
