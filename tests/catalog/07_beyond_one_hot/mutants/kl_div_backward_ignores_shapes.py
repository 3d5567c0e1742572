"""Never compares the shapes: the gradient broadcasts whatever it is given."""
import numpy as np

FAILS = ["kl_div_backward_contract"]


def kl_div_backward(y_true, y_pred):
    p = np.asarray(y_true, dtype=float)
    q = np.maximum(np.asarray(y_pred, dtype=float), 1e-12)
    return -p / (p.shape[0] * q)
