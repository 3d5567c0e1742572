"""Never checks the shapes: labels of shape (N, 1) broadcast against np.arange(N)."""
import numpy as np
from scipy.optimize import minimize_scalar

FAILS = ["fit_temperature_contract"]


def fit_temperature(logits, y_true):
    z = np.asarray(logits, dtype=float)
    t = np.asarray(y_true)
    rows = np.arange(z.shape[0])
    best = minimize_scalar(lambda u: -np.mean(log_softmax_rows(z / np.exp(u))[rows, t]),
                           bounds=(np.log(1e-3), np.log(1e3)), method="bounded", options={"xatol": 1e-10})
    return float(np.exp(best.x))
