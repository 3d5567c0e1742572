"""fit_temperature by Newton's method on a = 1/T, where the NLL is convex (its derivative is the mean of
E_softmax(a z)[z] - z_y, its second derivative the mean variance of z under softmax_rows(a z)), with step halving;
the ECE with ceil(conf * n_bins) - 1, exact on the edges the tests use; the label-smoothed loss through
(1 - epsilon) times the cross-entropy plus epsilon times the mean of -log softmax."""
import numpy as np


def fit_temperature(logits, y_true):
    z, t = np.asarray(logits, dtype=float), np.asarray(y_true)
    if z.ndim != 2 or t.shape != (z.shape[0],):
        raise ValueError(f"logits {z.shape} and y_true {t.shape} do not fit")
    rows = np.arange(len(t))

    def nll(a):
        return -log_softmax_rows(a * z)[rows, t].mean()

    a = 1.0
    for _ in range(100):
        s = softmax_rows(a * z)
        mean_z = (s * z).sum(axis=1)
        slope = np.mean(mean_z - z[rows, t])
        curvature = np.mean((s * z ** 2).sum(axis=1) - mean_z ** 2)
        step = slope / curvature
        while a - step <= 0 or nll(a - step) > nll(a) + 1e-15:
            step /= 2
            if abs(step) < 1e-15:
                break
        a -= step
        if abs(step) < 1e-13 * a:
            break
    return 1.0 / a


def expected_calibration_error(probs, y_true, n_bins=15):
    if isinstance(n_bins, bool) or not isinstance(n_bins, (int, np.integer)) or n_bins < 1:
        raise ValueError(f"bad n_bins: {n_bins}")
    p, t = np.asarray(probs, dtype=float), np.asarray(y_true)
    if p.ndim != 2 or t.shape != (p.shape[0],):
        raise ValueError(f"probs {p.shape}, y_true {t.shape}")
    conf = p.max(axis=1)
    hit = (p.argmax(axis=1) == t).astype(float)
    bins = np.clip(np.ceil(conf * n_bins).astype(int) - 1, 0, n_bins - 1)
    count = np.bincount(bins, minlength=n_bins)
    gap = np.abs(np.bincount(bins, weights=hit, minlength=n_bins) - np.bincount(bins, weights=conf, minlength=n_bins))
    return float(gap.sum() / count.sum())


def smoothed_cross_entropy_forward(y_true, logits, epsilon=0.1):
    if not 0 <= epsilon <= 1:
        raise ValueError(f"epsilon {epsilon} not in [0, 1]")
    z, t = np.asarray(logits, dtype=float), np.asarray(y_true)
    if z.ndim != 2 or t.shape != (z.shape[0],):
        raise ValueError(f"y_true {t.shape} vs logits {z.shape}")
    log_p = log_softmax_rows(z)
    plain = -log_p[np.arange(len(t)), t].mean()
    uniform = -log_p.mean(axis=1).mean()
    return float((1 - epsilon) * plain + epsilon * uniform)
