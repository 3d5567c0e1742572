"""Every derivation check and question answered right, but written otherwise: expressions, NumPy scalars, an int,
and choices with capitals, spaces and brackets."""
import numpy as np

ANSWERS = {
    "nll_scale_check": 5 / 2,
    "nll_constant_check": np.log(2) + np.log(0.4),
    "huber_tail_check": np.float32(1.5 * 4 - 0.5 * 1.5 ** 2),
    "log_cosh_rest_check": np.log(np.cosh(-1.0)) - abs(-1.0),
    "huber_grad_check": np.clip(-3.0, -1.5, 1.5) / 4,
    "log_cosh_grad_check": np.float64((np.exp(0.5) - np.exp(-0.5)) / (np.exp(0.5) + np.exp(-0.5)) / 2),
    "answer_q1": 1 / 20,
    "answer_q2": " (B) ",
}
