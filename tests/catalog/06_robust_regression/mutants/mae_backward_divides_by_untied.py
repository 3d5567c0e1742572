"""MAE gradient divided by the number of predictions that miss (np.count_nonzero(r)) instead of M: the tied entries
are left out of the count. Right whenever there is no tie; with ties every other entry is too large
(mae_backward([1, 2, 3], [1, 5, 0]) gives [0, 1/2, -1/2] instead of [0, 1/3, -1/3]). mae_backward_values compares the
untied entries of batches with ties with sign(r) / M; the tied entries are 0, as mae_backward_ties asks."""
import numpy as np


def _pair(y_true, y_pred):
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y.shape} but y_pred has shape {p.shape}")
    return y, p


def _delta_ok(delta):
    if not delta > 0:
        raise ValueError(f"delta must be > 0, got {delta}")

FAILS = ['mae_backward_values']


def mae_backward(y_true, y_pred):
    y, p = _pair(y_true, y_pred)
    r = p - y
    return np.sign(r) / max(np.count_nonzero(r), 1)
