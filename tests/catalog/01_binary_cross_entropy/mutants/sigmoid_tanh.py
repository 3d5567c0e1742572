"""0.5 * (1 + tanh(z / 2)): exact on paper, 0 instead of 4.2e-18 at z = -40 (cancellation)."""
import numpy as np

FAILS = ["sigmoid_extremes"]


def sigmoid(z):
    return 0.5 * (1 + np.tanh(np.asarray(z, dtype=np.float64) / 2))
