"""Right answers written otherwise: an exact fraction, NumPy scalars and expressions, decimals to 7
significant digits, and a choice in capitals with spaces around it."""
import numpy as np

ANSWERS = {
    "dl_dp_check": -7 / 8,
    "log_softmax_check": np.float64(-10.126968),
    "jacobian_check": -0.1463803,
    "dl_dz_check": np.exp(1.5) / np.sum(np.exp([0.0, -1.0, 1.5])) / 2 - 1 / 2,
    "answer_q1": np.log1p(9 * np.exp(-2)),
    "answer_q3": " C ",
}
