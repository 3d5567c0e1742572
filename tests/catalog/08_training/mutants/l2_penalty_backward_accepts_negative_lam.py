"""l2_penalty_backward computes with a negative lam instead of refusing it."""
import numpy as np

FAILS = {"l2_penalty_backward_contract"}


def l2_penalty_backward(W, lam):
    return lam * np.asarray(W, dtype=np.float64)
