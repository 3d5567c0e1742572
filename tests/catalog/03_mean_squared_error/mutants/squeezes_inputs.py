"""np.squeeze both inputs before comparing shapes, to "fix" (N, 1) against (N,): the mistake is hidden, not reported.

The forward averages the squeezed arrays; the backward reshapes y_true to y_pred's shape, so its
values and shape are right whenever it answers, and only the refusal of mismatched shapes is missing.
"""
import numpy as np

FAILS = ["mse_forward_contract", "mse_backward_contract"]


def mse_forward(y_true, y_pred):
    y, p = np.squeeze(y_true), np.squeeze(y_pred)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y_true.shape} but y_pred has shape {y_pred.shape}")
    return float(np.mean((p - y) ** 2))


def mse_backward(y_true, y_pred):
    if np.squeeze(y_true).shape != np.squeeze(y_pred).shape:
        raise ValueError(f"y_true has shape {y_true.shape} but y_pred has shape {y_pred.shape}")
    y = np.reshape(y_true, y_pred.shape)
    return 2.0 * (y_pred - y) / y_pred.size
