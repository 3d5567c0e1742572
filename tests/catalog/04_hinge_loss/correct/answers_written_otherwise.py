"""Right answers written otherwise: expressions, a NumPy float, and choices in capitals, with spaces or brackets."""
import numpy as np

ANSWERS = {
    "dl_ds_check": 1 / 5,
    "dl_ds_true_check": np.float64(-2) / 8,
    "answer_q1": np.float64(9) / 10,
    "answer_q2": " B ",
    "answer_q3": "(B)",
}
