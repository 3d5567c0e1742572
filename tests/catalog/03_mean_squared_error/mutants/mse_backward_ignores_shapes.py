"""No shape check in the backward pass: (N,) against (N, 1) returns an (N, N) "gradient"."""
import numpy as np

FAILS = ["mse_backward_contract"]


def mse_backward(y_true, y_pred):
    r = y_pred - y_true
    return 2.0 * r / r.size
