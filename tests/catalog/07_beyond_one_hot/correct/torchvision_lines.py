"""focal_forward written as torchvision's code reads, with a stable BCE on logits (np.logaddexp) and p_t from the
rounded probability; the KL divergence with np.where, np.log of the ratio and eps = 1e-9."""
import numpy as np


def focal_forward(y_true, logits, gamma=2.0, alpha=0.25):
    if not gamma >= 0:
        raise ValueError("gamma must be non-negative")
    if alpha is not None and not 0 <= alpha <= 1:
        raise ValueError("alpha must be None or between 0 and 1")
    targets, inputs = np.asarray(y_true, dtype=float), np.asarray(logits, dtype=float)
    if targets.shape != inputs.shape:
        raise ValueError(f"targets {targets.shape} and inputs {inputs.shape} differ")
    p = 1 / (1 + np.exp(-np.clip(inputs, -500, 500)))
    ce_loss = np.logaddexp(0, inputs) - targets * inputs
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce_loss * ((1 - p_t) ** gamma)
    if alpha is not None:
        alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
        loss = alpha_t * loss
    return float(loss.mean())


def kl_div_forward(y_true, y_pred):
    eps = 1e-9
    p, q = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    if p.ndim != 2 or p.shape != q.shape:
        raise ValueError(f"y_true has shape {p.shape} but y_pred has shape {q.shape}")
    ratio = np.where(p > 0, p, 1.0) / np.maximum(q, eps)
    return float(np.sum(np.where(p > 0, p * np.log(ratio), 0.0)) / len(p))
