"""np.squeeze both inputs to "fix" (N, 1) against (N,): hides the mistake, and the gradient loses y_pred's shape."""
import numpy as np

FAILS = ["mse_forward_shape_mismatch", "mse_backward_values", "mse_backward_shape_mismatch",
         "mse_backward_dtype_and_shape"]


def mse_forward(y_true, y_pred):
    y, p = np.squeeze(y_true), np.squeeze(y_pred)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y_true.shape} but y_pred has shape {y_pred.shape}")
    return float(np.mean((p - y) ** 2))


def mse_backward(y_true, y_pred):
    y, p = np.squeeze(y_true), np.squeeze(y_pred)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y_true.shape} but y_pred has shape {y_pred.shape}")
    return 2.0 * (p - y) / p.size
