"""The weight gradient with X on the wrong side: grad_out.T @ X, of shape (K, F) instead of (F, K)."""
import numpy as np

FAILS = {"linear_backward_values"}


def linear_backward(X, W, grad_out):
    X = np.asarray(X, dtype=np.float64)
    W = np.asarray(W, dtype=np.float64)
    G = np.asarray(grad_out, dtype=np.float64)
    if X.ndim != 2 or W.ndim != 2 or G.ndim != 2 or X.shape[1] != W.shape[0] or G.shape != (X.shape[0], W.shape[1]):
        raise ValueError(f"shapes {X.shape}, {W.shape} and {G.shape} do not fit")
    return G @ W.T, G.T @ X, G.sum(axis=0)
