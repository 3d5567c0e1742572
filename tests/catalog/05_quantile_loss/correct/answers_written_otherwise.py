"""Every derivation check and question answered right, but written otherwise: expressions, NumPy scalars, an int, and choices with capitals, spaces and brackets."""
import numpy as np

ANSWERS = {
    "dl_dyhat_check": -(0.7) * (1 / 4),
    "slope_check": np.float64((1 - 0.7) * 4 / 8 - 0.7 * 4 / 8),
    "minimiser_check": 8,
    "answer_q1": np.float32(0.1) * 10,
    "answer_q2": " B ",
    "answer_q3": "(b)",
}
