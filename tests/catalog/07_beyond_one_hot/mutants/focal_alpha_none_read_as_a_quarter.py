"""focal_forward with alpha = None read as torchvision's default 0.25: a values mistake, one cell (alpha = 0 and 1
are still weights)."""
import numpy as np

FAILS = ['focal_forward_values']
KIND = "none_default"
def _checked(y_true, logits, gamma, alpha):
    if not gamma >= 0: raise ValueError(f"gamma must be >= 0, got {gamma}")
    if alpha is not None and not 0.0 <= alpha <= 1.0: raise ValueError(f"alpha must be None or in [0, 1], got {alpha}")
    y = np.asarray(y_true, dtype=np.float64); z = np.asarray(logits, dtype=np.float64)
    if y.shape != z.shape: raise ValueError(f"y_true has shape {y.shape} but logits has shape {z.shape}")
    if KIND == "none_default" and alpha is None:
        alpha = 0.25
    if alpha is None:
        w = 1.0
    elif KIND == "uniform":
        w = alpha
    elif KIND == "positives":
        w = np.where(y == 1, alpha, 1.0)
    else:
        w = alpha * y + (1 - alpha) * (1 - y)
    return y, z, 2.0 * y - 1.0, w
def focal_forward(y_true, logits, gamma=2.0, alpha=0.25):
    y, z, s, w = _checked(y_true, logits, gamma, alpha)
    return float(np.mean(w * expit(-s * z) ** gamma * np.logaddexp(0.0, -s * z)))
