"""Never checks the shapes: labels of shape (N, 1) are compared with the N predictions as an (N, N) table."""
import numpy as np

FAILS = ["expected_calibration_error_contract"]


def expected_calibration_error(probs, y_true, n_bins=15):
    if isinstance(n_bins, bool) or not isinstance(n_bins, (int, np.integer)) or n_bins < 1:
        raise ValueError(f"n_bins must be a positive int, got {n_bins}")
    p = np.asarray(probs, dtype=float)
    conf = p.max(axis=-1)
    correct = (p.argmax(axis=-1) == np.asarray(y_true)).astype(float)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    bins = np.clip(np.searchsorted(edges, conf, side="left") - 1, 0, n_bins - 1)
    gaps = np.bincount(bins.ravel(), weights=(correct - conf).ravel(), minlength=n_bins)
    return float(np.abs(gaps).sum() / conf.size)
