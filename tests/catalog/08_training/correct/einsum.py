"""The layer with np.einsum and a shared shape check, the penalty's gradient with np.multiply."""
import numpy as np


def _check(X, W, third, third_shape, name):
    if X.ndim != 2 or W.ndim != 2 or X.shape[1] != W.shape[0] or third.shape != third_shape:
        raise ValueError(f"X has shape {X.shape}, W has shape {W.shape}, {name} has shape {third.shape}")


def linear_forward(X, W, b):
    X, W, b = (np.asarray(a, dtype=np.float64) for a in (X, W, b))
    _check(X, W, b, (W.shape[1],) if W.ndim == 2 else None, "b")
    return np.einsum("nf,fk->nk", X, W) + b


def linear_backward(X, W, grad_out):
    X, W, G = (np.asarray(a, dtype=np.float64) for a in (X, W, grad_out))
    _check(X, W, G, (X.shape[0], W.shape[1]) if X.ndim == 2 and W.ndim == 2 else None, "grad_out")
    return np.einsum("nk,fk->nf", G, W), np.einsum("nf,nk->fk", X, G), np.einsum("nk->k", G)


def l2_penalty_backward(W, lam):
    if not lam >= 0:
        raise ValueError(f"invalid lam={lam}")
    return np.multiply(np.asarray(W, dtype=np.float64), float(lam))
