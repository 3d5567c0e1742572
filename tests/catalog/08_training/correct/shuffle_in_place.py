"""Another shuffle of equal meaning: idx = np.arange(N); rng.shuffle(idx) (what rng.permutation(N) does), X and
y reordered once per epoch and cut into slices; a full batch is X itself."""
import numpy as np



def _validate(X, y, n_outputs, lr, epochs, lam, batch_size, X_val, y_val):
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
    return X, N, F, X_val


def train(X, y, loss_forward, loss_backward, n_outputs, *, lr=0.1, epochs=100, lam=0.0, batch_size=None,
          seed=0, X_val=None, y_val=None, loss_kwargs=None, init=None):
    X, N, F, X_val = _validate(X, y, n_outputs, lr, epochs, lam, batch_size, X_val, y_val)
    kwargs = {} if loss_kwargs is None else {k: v for k, v in loss_kwargs.items()}
    W = np.zeros((F, n_outputs)) if init is None else np.array(init[0], dtype=np.float64)
    b = np.zeros(n_outputs) if init is None else np.array(init[1], dtype=np.float64)
    rng = np.random.default_rng(seed)
    history = {"loss": [], "val_loss": []}
    y = np.asarray(y)
    for _ in range(epochs):
        if batch_size is None:
            parts = [(X, y)]
        else:
            idx = np.arange(N)
            rng.shuffle(idx)
            Xs, ys = X[idx], y[idx]
            parts = [(Xs[s:s + batch_size], ys[s:s + batch_size]) for s in range(0, N, batch_size)]
        for Xb, yb in parts:
            G = loss_backward(yb, linear_forward(Xb, W, b), **kwargs)
            grads = linear_backward(Xb, W, G)
            W = W - lr * (grads[1] + l2_penalty_backward(W, lam))
            b = b - lr * grads[2]
        history["loss"].append(float(loss_forward(y, linear_forward(X, W, b), **kwargs)))
        if X_val is not None:
            history["val_loss"].append(float(loss_forward(y_val, linear_forward(X_val, W, b), **kwargs)))
    return W, b, history
