"""No shape check in the forward pass: (N,) against (N, 1) silently averages an (N, N) matrix."""
import numpy as np

FAILS = ["mse_forward_contract"]


def mse_forward(y_true, y_pred):
    return float(np.mean((y_pred - y_true) ** 2))
