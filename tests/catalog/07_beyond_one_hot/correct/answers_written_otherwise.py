"""Every derivation check and question answered right, but written otherwise: expressions, NumPy scalars, and
choices with capitals, spaces and brackets."""
import numpy as np

ANSWERS = {
    "kl_gradient_check": np.float64(-1.5) / 2,
    "smoothing_gap_check": np.log(1 + 10 * 0.9 / 0.1),
    "focal_gradient_check": 0.75 * np.exp(2) / (1 + np.e) ** 2 * (np.e + 2 * np.log1p(np.e)) / (1 + np.e),
    "answer_q1": " B ",
    "answer_q2": np.float32(0.4),
    "answer_q3": "(b)",
}
