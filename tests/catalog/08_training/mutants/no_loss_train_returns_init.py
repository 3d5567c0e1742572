"""train checks its inputs and then takes no step: it returns the initial W and b, and the loss of that
unchanged model for every epoch.  It never ran, so the model cells, which grade the settings found with it, are lost too."""
import numpy as np

FAILS = {"train_values", "train_minibatch", "train_reproducible", "train_history", "model_breast_cancer", "model_digits_softmax", "model_digits_hinge", "model_diabetes_quantile"}


def train(X, y, loss_forward, loss_backward, n_outputs, *, lr=0.1, epochs=100, lam=0.0, batch_size=None,
          seed=0, X_val=None, y_val=None, loss_kwargs=None, init=None):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    N, F = X.shape
    if len(y) != N:
        raise ValueError(f"X of shape {X.shape} and y of shape {np.shape(y)} differ")
    for name, ok in [("n_outputs", n_outputs >= 1), ("lr", lr > 0), ("epochs", epochs >= 1), ("lam", lam >= 0),
                     ("batch_size", batch_size is None or batch_size >= 1)]:
        if not ok:
            raise ValueError(f"bad {name}")
    if (X_val is None) != (y_val is None):
        raise ValueError("give both X_val and y_val, or neither")
    if X_val is not None:
        X_val = np.asarray(X_val, dtype=np.float64)
        if X_val.ndim != 2 or X_val.shape[1] != F:
            raise ValueError(f"X_val of shape {X_val.shape} does not fit X of shape {X.shape}")
        if len(y_val) != len(X_val):
            raise ValueError(f"X_val of shape {X_val.shape} and y_val of shape {np.shape(y_val)} differ")
    kwargs = dict(loss_kwargs or {})
    if init is None:
        W, b = np.zeros((F, n_outputs)), np.zeros(n_outputs)
    else:
        W, b = np.array(init[0], dtype=np.float64), np.array(init[1], dtype=np.float64)
    history = {"loss": [float(loss_forward(y, X @ W + b, **kwargs))] * epochs, "val_loss": []}
    if X_val is not None:
        history["val_loss"] = [float(loss_forward(y_val, X_val @ W + b, **kwargs))] * epochs
    return W, b, history
