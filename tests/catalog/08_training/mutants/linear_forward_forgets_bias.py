"""linear_forward leaves out the bias: O = X W."""
import numpy as np

FAILS = {"linear_forward_values"}


def linear_forward(X, W, b):
    X = np.asarray(X, dtype=np.float64)
    W = np.asarray(W, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if X.ndim != 2 or W.ndim != 2 or b.ndim != 1 or X.shape[1] != W.shape[0] or b.shape[0] != W.shape[1]:
        raise ValueError(f"shapes {X.shape}, {W.shape} and {b.shape} do not fit")
    return X @ W
