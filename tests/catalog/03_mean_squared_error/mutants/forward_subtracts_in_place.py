"""residual = y_pred; residual -= y_true: an alias, not a copy, so the caller's predictions are overwritten."""
import numpy as np

FAILS = ["mse_forward_contract"]


def mse_forward(y_true, y_pred):
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true has shape {y_true.shape} but y_pred has shape {y_pred.shape}")
    residual = y_pred
    residual -= y_true
    return float(np.mean(residual ** 2))
