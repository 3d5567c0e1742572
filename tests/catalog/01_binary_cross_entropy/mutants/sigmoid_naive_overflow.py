"""1 / (1 + exp(-z)): right values, but exp overflows (and warns) for z < -709."""
import numpy as np

FAILS = ["sigmoid_no_overflow"]


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))
