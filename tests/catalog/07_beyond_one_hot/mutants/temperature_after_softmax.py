"""The temperature applied after the softmax: the probabilities divided by T and fed to a log-softmax again,
instead of the logits divided by T."""
import numpy as np
from scipy.optimize import minimize_scalar

FAILS = ["fit_temperature_values"]


def fit_temperature(logits, y_true):
    z = np.asarray(logits, dtype=float)
    t = np.asarray(y_true)
    if z.ndim != 2 or t.shape != (z.shape[0],):
        raise ValueError(f"logits has shape {z.shape}, y_true has shape {t.shape}")
    probs = softmax_rows(z)
    rows = np.arange(len(t))
    best = minimize_scalar(lambda u: -np.mean(log_softmax_rows(probs / np.exp(u))[rows, t]),
                           bounds=(np.log(1e-3), np.log(1e3)), method="bounded", options={"xatol": 1e-10})
    return float(np.exp(best.x))
