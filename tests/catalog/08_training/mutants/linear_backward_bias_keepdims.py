"""grad_b keeps the summed axis (np.sum(..., keepdims=True)): shape (1, K) instead of (K,).  train, which calls it,
then fails on its own linear_forward (b of shape (1, K)) on every input: it never runs, so no cell of train can judge
it, and they are all lost (a train cell passes only when it could judge train on at least one of its cases), with
the model cells, which grade settings found with a train that runs."""
import numpy as np

FAILS = {"linear_backward_values", "train_values", "train_minibatch", "train_reproducible", "train_history",
         "train_contract", "model_breast_cancer", "model_digits_softmax", "model_digits_hinge", "model_diabetes_quantile"}
STOPS = {"train"}


def linear_backward(X, W, grad_out):
    X = np.asarray(X, dtype=np.float64)
    W = np.asarray(W, dtype=np.float64)
    G = np.asarray(grad_out, dtype=np.float64)
    if X.ndim != 2 or W.ndim != 2 or G.ndim != 2 or X.shape[1] != W.shape[0] or G.shape != (X.shape[0], W.shape[1]):
        raise ValueError(f"X of shape {X.shape}, W of shape {W.shape} and grad_out of shape {G.shape} do not fit")
    return G @ W.T, X.T @ G, G.sum(axis=0, keepdims=True)
