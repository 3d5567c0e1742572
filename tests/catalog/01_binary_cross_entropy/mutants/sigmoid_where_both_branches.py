"""np.where with exp(-z) and exp(z) in the branches: NumPy evaluates both, so it still overflows."""
import numpy as np

FAILS = ["sigmoid_no_overflow"]


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))
