"""linear_backward computes without checking the shapes (a grad_out of shape (1, K) broadcasts)."""
import numpy as np

FAILS = {"linear_backward_contract"}


def linear_backward(X, W, grad_out):
    X = np.asarray(X, dtype=np.float64)
    W = np.asarray(W, dtype=np.float64)
    G = np.asarray(grad_out, dtype=np.float64)
    return G @ W.T, X.T @ G, G.sum(axis=0)
