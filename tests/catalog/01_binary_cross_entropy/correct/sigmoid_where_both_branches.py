"""np.where with exp(-z) and exp(z) in the branches: NumPy evaluates both, so exp overflows and warns,
but the branch it selects is never the one that overflowed, so the values are right (warnings cost nothing)."""
import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))
