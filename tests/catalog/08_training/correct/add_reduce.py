"""np.dot and np.add.reduce in the layer, np.vdot in the penalty."""
import numpy as np


def linear_forward(X, W, b):
    X = np.array(X, dtype=float)
    W = np.array(W, dtype=float)
    b = np.array(b, dtype=float)
    shapes = f"X: {X.shape}, W: {W.shape}, b: {b.shape}"
    if X.ndim != 2 or W.ndim != 2 or b.ndim != 1:
        raise ValueError("wrong number of dimensions; " + shapes)
    if X.shape[1] != W.shape[0] or b.shape[0] != W.shape[1]:
        raise ValueError("sizes do not match; " + shapes)
    return np.dot(X, W) + b[np.newaxis, :]


def linear_backward(X, W, grad_out):
    X = np.array(X, dtype=float)
    W = np.array(W, dtype=float)
    G = np.array(grad_out, dtype=float)
    shapes = f"X: {X.shape}, W: {W.shape}, grad_out: {G.shape}"
    if X.ndim != 2 or W.ndim != 2 or G.ndim != 2:
        raise ValueError("wrong number of dimensions; " + shapes)
    if X.shape[1] != W.shape[0] or G.shape[0] != X.shape[0] or G.shape[1] != W.shape[1]:
        raise ValueError("sizes do not match; " + shapes)
    return np.dot(G, W.T), np.dot(X.T, G), np.add.reduce(G, axis=0)


def l2_penalty(W, lam):
    if lam < 0:
        raise ValueError(f"lam = {lam} < 0")
    flat = np.ravel(np.asarray(W, dtype=float))
    return float(lam) * float(np.vdot(flat, flat)) / 2
