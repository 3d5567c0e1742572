"""Charges only the worst wrong class (Crammer-Singer, scikit-learn's hinge_loss) instead of summing over them."""
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
    others = scores.astype(np.float64)
    others[rows, y_true] = -np.inf
    return float(np.mean(np.maximum(0.0, others.max(axis=1) - scores[rows, y_true] + margin)))
