"""The sum of squares as a dot product of the flattened residual; returns np.float64, not float."""
import numpy as np


def mse_forward(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError("expected equal shapes, got y_true.shape=%s and y_pred.shape=%s" % (y_true.shape, y_pred.shape))
    r = np.subtract(y_pred, y_true, dtype=np.float64).ravel()
    return r @ r / r.size


def mse_backward(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError("expected equal shapes, got y_true.shape=%s and y_pred.shape=%s" % (y_true.shape, y_pred.shape))
    return np.multiply(np.subtract(y_pred, y_true, dtype=np.float64), 2.0 / y_pred.size)
