"""MSE = mean(r)**2 + var(r) (bias squared plus variance of the residuals); the gradient via np.full."""
import numpy as np


def mse_forward(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_pred {y_pred.shape} does not match y_true {y_true.shape}")
    r = y_pred.astype(np.float64) - y_true
    return float(np.mean(r) ** 2 + np.var(r))


def mse_backward(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_pred {y_pred.shape} does not match y_true {y_true.shape}")
    return np.full(y_pred.shape, 2.0 / y_pred.size) * (y_pred - y_true)
