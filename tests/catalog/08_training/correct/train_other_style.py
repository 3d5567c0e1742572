"""train written another way: np.array_split for the batches, the whole set itself for a full batch, copies with np.copy,
the loss parameters in a dict of options, the history built from two lists, and other error messages."""
import numpy as np


def _batches(order, batch_size):
    """The consecutive slices of ``order``, the last one possibly smaller."""
    return np.array_split(order, np.arange(batch_size, len(order), batch_size))


def train(X, y, loss_forward, loss_backward, n_outputs, *, lr=0.1, epochs=100, lam=0.0, batch_size=None,
          seed=0, X_val=None, y_val=None, loss_kwargs=None, init=None):
    X = np.array(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"expected a 2-D X, got X.shape = {X.shape}")
    if y.shape[0] != X.shape[0]:
        raise ValueError(f"X.shape = {X.shape} and y.shape = {y.shape} disagree on N")
    checks = {"n_outputs": n_outputs < 1, "lr": not lr > 0, "epochs": epochs < 1, "lam": lam < 0,
              "batch_size": batch_size is not None and batch_size < 1}
    for name, bad in checks.items():
        if bad:
            raise ValueError(f"bad value for {name}")
    if X_val is not None or y_val is not None:
        if X_val is None or y_val is None:
            raise ValueError("X_val and y_val go together")
        X_val, y_val = np.array(X_val, dtype=float), np.asarray(y_val)
        if X_val.ndim != 2 or X_val.shape[1] != X.shape[1]:
            raise ValueError(f"X_val.shape = {X_val.shape} does not match X.shape = {X.shape}")
        if y_val.shape[0] != X_val.shape[0]:
            raise ValueError(f"X_val.shape = {X_val.shape}, y_val.shape = {y_val.shape}")
    options = {} if loss_kwargs is None else dict(loss_kwargs)
    if init is None:
        W = np.zeros((X.shape[1], n_outputs))
        b = np.zeros(n_outputs)
    else:
        W = np.copy(np.asarray(init[0], dtype=float))
        b = np.copy(np.asarray(init[1], dtype=float))
    rng = np.random.default_rng(seed)
    train_losses, val_losses = [], []
    for _epoch in range(epochs):
        if batch_size is None:
            groups = [None]
        else:
            groups = _batches(rng.permutation(X.shape[0]), batch_size)
        for rows in groups:
            Xb, yb = (X, y) if rows is None else (X[rows], y[rows])
            grad_out = loss_backward(yb, linear_forward(Xb, W, b), **options)
            grads = linear_backward(Xb, W, grad_out)
            step_W = grads[1] + l2_penalty_backward(W, lam)
            step_b = grads[2]
            W, b = W - lr * step_W, b - lr * step_b
        train_losses.append(float(loss_forward(y, linear_forward(X, W, b), **options)))
        if X_val is not None:
            val_losses.append(float(loss_forward(y_val, linear_forward(X_val, W, b), **options)))
    return W, b, {"loss": train_losses, "val_loss": val_losses}
