"""No loss computed, but every function responds to its inputs: the spread of the logits, the one-hot labels, the
size and the sign of the logits, the mean bin index. Each is positive, homogeneous in the logits or invariant under
shifts where the edge cells look; the edge cells also check that the labels (and the logits) matter and that a
confidently right prediction costs about 0, so a function that computes no loss earns nothing there."""
import numpy as np

FAILS = ["smoothed_cross_entropy_forward_values", "smoothed_cross_entropy_forward_extremes",
         "smoothed_cross_entropy_backward_values", "smoothed_cross_entropy_backward_extremes",
         "focal_forward_values", "focal_forward_options", "focal_forward_extremes",
         "focal_backward_values", "focal_backward_extremes",
         "expected_calibration_error_values", "expected_calibration_error_bin_edges"]
def _smoothing_checks(y_true, logits, epsilon):
    if not 0.0 <= epsilon <= 1.0:
        raise ValueError(f"epsilon must be in [0, 1], got {epsilon}")
    z = np.asarray(logits, dtype=np.float64); t = np.asarray(y_true)
    if z.ndim != 2 or t.shape != (z.shape[0],):
        raise ValueError(f"y_true has shape {t.shape} but logits has shape {z.shape}")
    return t, z
def _focal_checks(y_true, logits, gamma, alpha):
    if not gamma >= 0: raise ValueError(f"gamma must be >= 0, got {gamma}")
    if alpha is not None and not 0.0 <= alpha <= 1.0: raise ValueError(f"alpha must be None or in [0, 1], got {alpha}")
    y = np.asarray(y_true, dtype=np.float64); z = np.asarray(logits, dtype=np.float64)
    if y.shape != z.shape: raise ValueError(f"y_true has shape {y.shape} but logits has shape {z.shape}")
    return y, z
def smoothed_cross_entropy_forward(y_true, logits, epsilon=0.1):
    t, z = _smoothing_checks(y_true, logits, epsilon)
    return float(np.mean(z.max(axis=1) - z.min(axis=1)))          # the spread of the logits: no labels, no epsilon
def smoothed_cross_entropy_backward(y_true, logits, epsilon=0.1):
    t, z = _smoothing_checks(y_true, logits, epsilon)
    return np.eye(z.shape[1])[t] / z.shape[0]                     # the one-hot labels: no logits
def focal_forward(y_true, logits, gamma=2.0, alpha=0.25):
    y, z = _focal_checks(y_true, logits, gamma, alpha)
    return float(np.mean(np.abs(z)))                              # the size of the logits: no labels
def focal_backward(y_true, logits, gamma=2.0, alpha=0.25):
    y, z = _focal_checks(y_true, logits, gamma, alpha)
    return np.sign(z) / z.size                                    # the sign of the logits: no labels
def expected_calibration_error(probs, y_true, n_bins=15):
    if isinstance(n_bins, bool) or not isinstance(n_bins, (int, np.integer)) or n_bins < 1:
        raise ValueError(f"n_bins must be a positive integer, got {n_bins!r}")
    p = np.asarray(probs, dtype=np.float64); t = np.asarray(y_true)
    if p.ndim != 2 or t.shape != (p.shape[0],):
        raise ValueError(f"probs has shape {p.shape} but y_true has shape {t.shape}")
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    return float(np.mean(np.digitize(p.max(axis=1), edges[1:-1], right=True)))   # the mean bin index: no accuracy
