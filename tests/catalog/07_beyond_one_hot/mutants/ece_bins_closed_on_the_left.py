"""Bins [k / n, (k + 1) / n), closed on the left (floor(conf * n_bins)): a confidence on an edge lands in the bin
above the one the course uses."""
import numpy as np

FAILS = ["expected_calibration_error_bin_edges"]


def expected_calibration_error(probs, y_true, n_bins=15):
    if isinstance(n_bins, bool) or not isinstance(n_bins, (int, np.integer)) or n_bins < 1:
        raise ValueError(f"n_bins must be a positive int, got {n_bins}")
    p = np.asarray(probs, dtype=float)
    t = np.asarray(y_true)
    if p.ndim != 2 or t.shape != (p.shape[0],):
        raise ValueError(f"probs has shape {p.shape}, y_true has shape {t.shape}")
    conf = p.max(axis=1)
    correct = (p.argmax(axis=1) == t).astype(float)
    bins = np.minimum(np.floor(conf * n_bins).astype(int), n_bins - 1)
    gaps = np.bincount(bins, weights=correct - conf, minlength=n_bins)
    return float(np.abs(gaps).sum() / len(conf))
