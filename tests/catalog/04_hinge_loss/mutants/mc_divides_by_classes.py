"""Divides by N*C, as PyTorch's multi_margin_loss does, instead of by N."""
import numpy as np

FAILS = ['multiclass_hinge_forward_values']


def _check(y, s, margin):
    if s.ndim != 2 or y.shape != (s.shape[0],):
        raise ValueError(f"y_true has shape {y.shape} but scores has shape {s.shape}")
    if margin < 0:
        raise ValueError(f"margin must be >= 0, got {margin}")


def multiclass_hinge_forward(y_true, scores, margin=1.0):
    _check(y_true, scores, margin)
    rows = np.arange(len(y_true))
    margins = scores - scores[rows, y_true][:, None] + margin
    margins[rows, y_true] = 0.0
    return float(np.mean(np.maximum(0.0, margins)))
