"""Each bin's confidence compared with the accuracy of all the samples, not with the bin's own accuracy."""
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
    accuracy = np.mean(p.argmax(axis=1) == t)
    edges = np.linspace(0, 1, n_bins + 1)
    total = 0.0
    for b in range(n_bins):
        inside = (conf > edges[b]) & (conf <= edges[b + 1]) if b else conf <= edges[1]
        if inside.any():
            total += inside.mean() * abs(accuracy - conf[inside].mean())
    return float(total)
