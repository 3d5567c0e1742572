"""The step uses the gradient of the summed loss, and the breast-cancer settings were tuned with that train on the
validation split: a learning rate about N times too small for the docstring's algorithm.  The grader's reference trainer
under-trains with it, the student's own train reaches the threshold: the model cell passes (the mistake is charged in
train_values only)."""
import numpy as np

FAILS = {'train_values'}
ANSWERS = {"BREAST_CANCER_SETTINGS": {"lr": 0.0016, "epochs": 100, "lam": 0.0, "batch_size": None}}


def train(X, y, loss_forward, loss_backward, n_outputs, *, lr=0.1, epochs=100, lam=0.0, batch_size=None,
          seed=0, X_val=None, y_val=None, loss_kwargs=None, init=None):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, of shape (N, F), got shape {X.shape}")
    N, F = X.shape
    if len(y) != N:
        raise ValueError(f"X of shape {X.shape} has {N} samples but y of shape {np.shape(y)} has {len(y)}")
    for name, value, ok in [("n_outputs", n_outputs, n_outputs >= 1), ("lr", lr, lr > 0), ("epochs", epochs, epochs >= 1),
                            ("lam", lam, lam >= 0), ("batch_size", batch_size, batch_size is None or batch_size >= 1)]:
        if not ok:
            raise ValueError(f"{name} = {value} is not allowed (see the docstring)")
    if (X_val is None) != (y_val is None):
        raise ValueError("give both X_val and y_val, or neither")
    if X_val is not None:
        X_val = np.asarray(X_val, dtype=np.float64)
        if X_val.ndim != 2 or X_val.shape[1] != F:
            raise ValueError(f"X_val of shape {X_val.shape} does not have the {F} columns of X of shape {X.shape}")
        if len(y_val) != len(X_val):
            raise ValueError(f"X_val of shape {X_val.shape} and y_val of shape {np.shape(y_val)} differ in length")
    kwargs = dict(loss_kwargs or {})
    if init is None:
        W, b = np.zeros((F, n_outputs)), np.zeros(n_outputs)
    else:
        W, b = np.array(init[0], dtype=np.float64), np.array(init[1], dtype=np.float64)
    rng = np.random.default_rng(seed)
    history = {"loss": [], "val_loss": []}
    for _ in range(epochs):
        if batch_size is None:
            batches = [np.arange(N)]
        else:
            order = rng.permutation(N)
            batches = [order[start:start + batch_size] for start in range(0, N, batch_size)]
        for rows in batches:
            Xb, yb = X[rows], y[rows]
            G = loss_backward(yb, linear_forward(Xb, W, b), **kwargs) * len(rows)
            _, grad_W, grad_b = linear_backward(Xb, W, G)
            grad_W = grad_W + l2_penalty_backward(W, lam)
            W = W - lr * grad_W
            b = b - lr * grad_b
        history["loss"].append(float(loss_forward(y, linear_forward(X, W, b), **kwargs)))
        if X_val is not None:
            history["val_loss"].append(float(loss_forward(y_val, linear_forward(X_val, W, b), **kwargs)))
    return W, b, history
