"""1 - sigmoid(|z|) for z < 0: exact on paper, 0 instead of 4.2e-18 at z = -40 (cancellation)."""
import numpy as np

FAILS = ["sigmoid_extremes"]


def sigmoid(z):
    q = 1 / (1 + np.exp(-np.abs(z)))
    return np.where(z >= 0, q, 1 - q)
