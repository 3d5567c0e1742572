"""Wrong answers to every derivation check and question: a = 1/sigma^2 (the 2 of 2 sigma^2 lost), b without its 1/2,
the gradient divided by the N = 3 rows instead of the M = 6 elements, 4 for the gradient, and twice the learning rate."""
import numpy as np

ANSWERS = {
    "nll_scale_check": 1 / 0.6 ** 2,
    "nll_constant_check": np.log(2 * np.pi * 0.6 ** 2),
    "dl_dyhat_check": 2 * (0.3 - 1.2) / 3,
    "answer_q1": "c",
    "answer_q2": 0.2,
}

FAILS = ["derivation_check_nll_scale", "derivation_check_nll_constant", "derivation_check_mse_gradient",
         "question_1", "question_2"]
