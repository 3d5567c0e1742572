"""Every derivation check and question answered right, but written otherwise: a NumPy scalar, the derivative of
the sigmoid as sigma(z) (1 - sigma(z)) at z = -2, a rounded number (5 significant digits), Question 1's loss as log(2.5),
and choices in capitals, with spaces, brackets or a full stop."""
import numpy as np

ANSWERS = {
    "dl_dp_check": np.float64(0.5 / 0.21 / 3),
    "dsigmoid_check": (1 / (1 + np.exp(2))) * (1 - 1 / (1 + np.exp(2))),
    "dl_dz_check": -0.26123,
    "answer_q1": np.log(2.5),
    "answer_q2": " C ",
    "answer_q3": "(b)",
    "answer_q4": "b.",
}
