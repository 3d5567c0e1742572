"""The layer with explicit loops over samples, features and outputs, and the penalty with a loop over entries."""
import numpy as np


def linear_forward(X, W, b):
    X = np.asarray(X, dtype=np.float64)
    W = np.asarray(W, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if not (X.ndim == 2 and W.ndim == 2 and b.ndim == 1 and X.shape[1] == W.shape[0] and len(b) == W.shape[1]):
        raise ValueError(f"cannot compute X @ W + b for X {X.shape}, W {W.shape}, b {b.shape}")
    n, f_count = X.shape
    k_count = W.shape[1]
    out = np.zeros((n, k_count))
    for i in range(n):
        for k in range(k_count):
            total = b[k]
            for f in range(f_count):
                total += X[i, f] * W[f, k]
            out[i, k] = total
    return out


def linear_backward(X, W, grad_out):
    X = np.asarray(X, dtype=np.float64)
    W = np.asarray(W, dtype=np.float64)
    G = np.asarray(grad_out, dtype=np.float64)
    if not (X.ndim == 2 and W.ndim == 2 and G.ndim == 2 and X.shape[1] == W.shape[0]
            and G.shape == (X.shape[0], W.shape[1])):
        raise ValueError(f"shapes do not fit: X {X.shape}, W {W.shape}, grad_out {G.shape}")
    n, f_count = X.shape
    k_count = W.shape[1]
    grad_X, grad_W, grad_b = np.zeros((n, f_count)), np.zeros((f_count, k_count)), np.zeros(k_count)
    for i in range(n):
        for k in range(k_count):
            grad_b[k] += G[i, k]
            for f in range(f_count):
                grad_W[f, k] += X[i, f] * G[i, k]
                grad_X[i, f] += G[i, k] * W[f, k]
    return grad_X, grad_W, grad_b


def l2_penalty(W, lam):
    if lam < 0:
        raise ValueError("the penalty strength lam cannot be negative")
    total = 0.0
    for w in np.asarray(W, dtype=np.float64).ravel():
        total += w * w
    return 0.5 * lam * total
