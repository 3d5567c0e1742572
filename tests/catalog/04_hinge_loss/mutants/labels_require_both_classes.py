"""The label check demands that both classes occur: a batch of only +1 (or only -1) is refused.

Mixed batches work; a small batch, or the last one of an epoch, may hold a single class."""
import numpy as np

FAILS = ['hinge_forward_contract']


def _shapes(y, s):
    if np.shape(y) != np.shape(s):
        raise ValueError(f"y_true has shape {np.shape(y)} but scores has shape {np.shape(s)}")


def hinge_forward(y_true, scores):
    _shapes(y_true, scores)
    if set(np.unique(y_true).tolist()) != {-1, 1}:
        raise ValueError("labels must be -1 and +1; for labels in {0, 1}, pass 2*y - 1")
    return float(np.mean(np.maximum(0.0, 1.0 - y_true * scores)))
