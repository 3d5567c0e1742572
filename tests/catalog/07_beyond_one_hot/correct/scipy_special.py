"""scipy.special everywhere: xlogy for 0 log 0 with eps = 1e-6 and clipping to [eps, 1 - eps], log_softmax and
softmax for label smoothing, log_expit and expit for the focal loss."""
import numpy as np
from scipy.special import expit, log_expit, xlogy
from scipy.special import log_softmax as scipy_log_softmax
from scipy.special import softmax as scipy_softmax


def _pair(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    if y_true.ndim != 2 or y_true.shape != y_pred.shape:
        raise ValueError(f"shape mismatch: y_true {y_true.shape} vs y_pred {y_pred.shape}")
    return y_true, y_pred


def kl_div_forward(y_true, y_pred):
    eps = 1e-6
    p, q = _pair(y_true, y_pred)
    return float((xlogy(p, p) - xlogy(p, np.clip(q, eps, 1 - eps))).sum() / len(p))


def kl_div_backward(y_true, y_pred):
    eps = 1e-6
    p, q = _pair(y_true, y_pred)
    return -p / np.clip(q, eps, 1 - eps) / len(p)


def _smoothed_target(y_true, logits, epsilon):
    if not (0 <= epsilon <= 1):
        raise ValueError(f"epsilon = {epsilon} is outside [0, 1]")
    z, t = np.asarray(logits, dtype=float), np.asarray(y_true)
    if z.ndim != 2 or t.shape != z.shape[:1]:
        raise ValueError(f"y_true {t.shape} does not fit logits {z.shape}")
    target = np.full(z.shape, epsilon / z.shape[1])
    target[np.arange(len(t)), t] += 1 - epsilon
    return target, z


def smoothed_cross_entropy_forward(y_true, logits, epsilon=0.1):
    target, z = _smoothed_target(y_true, logits, epsilon)
    return float(-(target * scipy_log_softmax(z, axis=1)).sum(axis=1).mean())


def smoothed_cross_entropy_backward(y_true, logits, epsilon=0.1):
    target, z = _smoothed_target(y_true, logits, epsilon)
    return (scipy_softmax(z, axis=1) - target) / len(z)


def _focal_parts(y_true, logits, gamma, alpha):
    if gamma < 0:
        raise ValueError(f"gamma = {gamma} < 0")
    if alpha is not None and (alpha < 0 or alpha > 1):
        raise ValueError(f"alpha = {alpha} is outside [0, 1]")
    y, z = np.asarray(y_true, dtype=float), np.asarray(logits, dtype=float)
    if y.shape != z.shape:
        raise ValueError(f"y_true {y.shape} vs logits {z.shape}")
    s = 2 * y - 1
    weight = np.ones_like(z) if alpha is None else np.where(y == 1, alpha, 1 - alpha)
    return s, z, weight


def focal_forward(y_true, logits, gamma=2.0, alpha=0.25):
    s, z, weight = _focal_parts(y_true, logits, gamma, alpha)
    return float(np.mean(-weight * expit(-s * z) ** gamma * log_expit(s * z)))


def focal_backward(y_true, logits, gamma=2.0, alpha=0.25):
    s, z, weight = _focal_parts(y_true, logits, gamma, alpha)
    p_t, log_pt = expit(s * z), log_expit(s * z)
    return weight * s * expit(-s * z) ** gamma * (gamma * p_t * log_pt - expit(-s * z)) / z.size
