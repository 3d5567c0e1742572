"""Never compares the shapes: y_pred of shape (3, 1) against y_true of shape (3, 4) broadcasts to a (3, 4) table."""
import numpy as np

FAILS = ["kl_div_forward_contract"]


def kl_div_forward(y_true, y_pred):
    p = np.asarray(y_true, dtype=float)
    q = np.maximum(np.asarray(y_pred, dtype=float), 1e-12)
    terms = np.where(p > 0, p * (np.log(np.where(p > 0, p, 1.0)) - np.log(q)), 0.0)
    return float(np.sum(terms) / p.shape[0])
