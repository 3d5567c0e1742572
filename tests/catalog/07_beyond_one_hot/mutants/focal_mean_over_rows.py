"""The focal loss averaged over the rows (sum / logits.shape[0], as the KL and label-smoothing losses do) instead of
over all M = logits.size predictions."""
import numpy as np

FAILS = ["focal_forward_values"]

def focal_forward(y_true, logits, gamma=2.0, alpha=0.25):
    if not gamma >= 0: raise ValueError(f"gamma must be >= 0, got {gamma}")
    if alpha is not None and not 0.0 <= alpha <= 1.0: raise ValueError(f"alpha must be None or in [0, 1], got {alpha}")
    y = np.asarray(y_true, dtype=np.float64); z = np.asarray(logits, dtype=np.float64)
    if y.shape != z.shape: raise ValueError(f"y_true has shape {y.shape} but logits has shape {z.shape}")
    s = 2.0 * y - 1.0
    loss = -(expit(-s * z) ** gamma) * -np.logaddexp(0.0, -s * z)
    if alpha is not None:
        loss = (alpha * y + (1.0 - alpha) * (1.0 - y)) * loss
    return float(np.sum(loss) / z.shape[0])   # mean over the rows, as in every other loss of the course
