"""log-cosh in two branches: np.log(np.cosh(r)) where |r| < 20, where it is accurate, and |r| - log 2 beyond,
where the rest is below 1e-17 of it; np.cosh is only called on the clipped residual, so nothing overflows.
The gradient is np.tanh; MAE and Huber use np.sum(...) / size instead of np.mean.
"""
import numpy as np


def _pair(y_true, y_pred):
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if np.shape(y) != np.shape(p):
        raise ValueError("y_true.shape = %s but y_pred.shape = %s" % (y.shape, p.shape))
    return y, p


def _positive(delta):
    if not (delta > 0):
        raise ValueError("delta should be strictly positive")


def mae_forward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    return float(np.sum(np.abs(p - y)) / p.size)


def mae_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    return np.sign(p - y) * (1.0 / p.size)


def huber_forward(y_true, y_pred, delta=1.0):
    _positive(delta)
    y, p = _pair(y_true, y_pred)
    r = p - y
    quad = 0.5 * r * r
    lin = delta * np.abs(r) - 0.5 * delta * delta
    return float(np.sum(np.where(np.abs(r) > delta, lin, quad)) / r.size)


def huber_backward(y_true, y_pred, delta=1.0):
    _positive(delta)
    y, p = _pair(y_true, y_pred)
    r = p - y
    return np.minimum(np.maximum(r, -delta), delta) / r.size


def log_cosh_forward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    a = np.abs(p - y)
    small = np.log(np.cosh(np.minimum(a, 20.0)))
    return float(np.mean(np.where(a < 20.0, small, a - np.log(2.0))))


def log_cosh_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    return np.tanh(p - y) / p.size
