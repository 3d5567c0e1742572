"""The answers written as other expressions, and other sensible settings for every model."""
import numpy as np

ANSWERS = {
    "dw_check": -5,
    "db_check": 1.5,
    "dx_check": -3 / 2,
    "lam_check": 0.01,
    "answer_q1": np.float64(1) / 0.426,
    "answer_q2": " (B) ",
    "answer_q3": "A",
    "answer_q4": "b ",
    "BREAST_CANCER_SETTINGS": {"lr": 0.1, "epochs": 50, "lam": 0.0, "batch_size": 32},
    "DIGITS_SOFTMAX_SETTINGS": {"batch_size": None, "lam": 0.0001, "epochs": 50, "lr": 2},
    "DIGITS_HINGE_SETTINGS": {"lr": 0.1, "epochs": 50, "lam": 0.001, "batch_size": None},
    "DIABETES_QUANTILE_SETTINGS": {"lr": 1.0, "epochs": 100, "lam": 0.0, "batch_size": None},
}
