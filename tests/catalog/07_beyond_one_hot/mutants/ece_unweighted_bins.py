"""The plain mean of |acc - conf| over the non-empty bins, without the weights |B_b| / N."""
import numpy as np

FAILS = ["expected_calibration_error_values"]


def expected_calibration_error(probs, y_true, n_bins=15):
    if isinstance(n_bins, bool) or not isinstance(n_bins, (int, np.integer)) or n_bins < 1:
        raise ValueError(f"n_bins must be a positive int, got {n_bins}")
    p = np.asarray(probs, dtype=float)
    t = np.asarray(y_true)
    if p.ndim != 2 or t.shape != (p.shape[0],):
        raise ValueError(f"probs has shape {p.shape}, y_true has shape {t.shape}")
    conf = p.max(axis=1)
    correct = (p.argmax(axis=1) == t).astype(float)
    edges = np.linspace(0, 1, n_bins + 1)
    gaps = []
    for b in range(n_bins):
        inside = (conf > edges[b]) & (conf <= edges[b + 1]) if b else conf <= edges[1]
        if inside.any():
            gaps.append(abs(correct[inside].mean() - conf[inside].mean()))
    return float(np.mean(gaps))
