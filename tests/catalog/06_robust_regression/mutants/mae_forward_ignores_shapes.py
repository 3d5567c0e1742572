"""Never compares the shapes: y_pred of shape (3, 1) against y_true of shape (3,) broadcasts to a (3, 3) table of residuals."""


import numpy as np


FAILS = ['mae_forward_contract']


def _pair(y_true, y_pred):
    """Both arrays in float64, after checking that their shapes are equal."""
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y.shape} but y_pred has shape {p.shape}")
    return y, p


def _delta_ok(delta):
    if not delta > 0:
        raise ValueError(f"delta must be > 0, got {delta}")


def mae_forward(y_true, y_pred):
    y, p = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    return float(np.mean(np.abs(p - y)))
