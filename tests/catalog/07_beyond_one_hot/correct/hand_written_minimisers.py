"""fit_temperature by golden-section search on log T, written by hand; the ECE with np.digitize and a loop over
the bins."""
import math

import numpy as np


def fit_temperature(logits, y_true):
    z, t = np.asarray(logits, dtype=float), np.asarray(y_true)
    if z.ndim != 2 or t.shape != (z.shape[0],):
        raise ValueError(f"logits {z.shape} and y_true {t.shape} do not fit")
    rows = np.arange(len(t))

    def nll(u):
        scaled = z / math.exp(u)
        top = scaled.max(axis=1, keepdims=True)
        log_p = scaled - top - np.log(np.exp(scaled - top).sum(axis=1, keepdims=True))
        return -log_p[rows, t].mean()

    ratio = (math.sqrt(5) - 1) / 2
    a, b = math.log(1e-3), math.log(1e3)
    c, d = b - ratio * (b - a), a + ratio * (b - a)
    fc, fd = nll(c), nll(d)
    while b - a > 1e-9:
        if fc < fd:
            b, d, fd = d, c, fc
            c = b - ratio * (b - a)
            fc = nll(c)
        else:
            a, c, fc = c, d, fd
            d = a + ratio * (b - a)
            fd = nll(d)
    return math.exp((a + b) / 2)


def expected_calibration_error(probs, y_true, n_bins=15):
    if type(n_bins) is not int or n_bins <= 0:
        raise ValueError(f"n_bins must be a positive integer, not {n_bins!r}")
    p, t = np.asarray(probs, dtype=float), np.asarray(y_true)
    if p.ndim != 2 or t.shape != (len(p),):
        raise ValueError(f"probs {p.shape} and y_true {t.shape} do not fit")
    conf = p.max(axis=1)
    correct = p.argmax(axis=1) == t
    bins = np.digitize(conf, np.linspace(0, 1, n_bins + 1)[1:-1], right=True)
    ece = 0.0
    for b in range(n_bins):
        members = bins == b
        if members.sum() > 0:
            ece += members.sum() / len(conf) * abs(correct[members].mean() - conf[members].mean())
    return ece
