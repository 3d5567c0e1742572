"""The focal loss never computed: its asymptote alpha_t max(-s z, 0) and that asymptote's slope, exact for saturated
logits only. The values cells catch it; the edge cells, which check only saturated logits against the student's own
function, do not."""
import numpy as np

FAILS = ["focal_forward_values", "focal_backward_values"]

def _checks(y_true, logits, gamma, alpha):
    if not gamma >= 0: raise ValueError(f"gamma must be >= 0, got {gamma}")
    if alpha is not None and not 0 <= alpha <= 1: raise ValueError(f"alpha must be None or in [0, 1], got {alpha}")
    y = np.asarray(y_true, dtype=float); z = np.asarray(logits, dtype=float)
    if y.shape != z.shape: raise ValueError(f"shapes {y.shape} and {z.shape}")
    w = 1.0 if alpha is None else alpha * y + (1 - alpha) * (1 - y)
    return y, z, 2 * y - 1, w
def focal_forward(y_true, logits, gamma=2.0, alpha=0.25):
    y, z, s, w = _checks(y_true, logits, gamma, alpha)
    return float(np.mean(w * np.maximum(-s * z, 0.0)))
def focal_backward(y_true, logits, gamma=2.0, alpha=0.25):
    y, z, s, w = _checks(y_true, logits, gamma, alpha)
    return w * np.where(-s * z > 0, -s, 0.0) / z.size + 0.0 * z
