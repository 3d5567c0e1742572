"""Wrong answers everywhere, each a plausible slip in a derivation, and the functions left right:
the gradient on probabilities without the 1/N of the mean, a log-sum-exp that forgets to add z_max back,
a Jacobian entry that takes the indicator for 1 off the diagonal, the gradient on logits without its 1/N,
a loss at logits (2, 0, ..., 0) that forgets to subtract the true logit, and a loss and gradient that
follow the float64 rounding (exactly 0) instead of exact arithmetic."""

import numpy as np

ANSWERS = {
    "dl_dp_check": -0.7 / 0.2,
    "log_softmax_check": 990.0 - np.log(1.0 + np.exp(-2.0) + np.exp(-10.0)),
    "jacobian_check": 0.08567637226881052,
    "dl_dz_check": -0.23384279344365777,
    "answer_q1": np.log(np.exp(2.0) + 9.0),
    "answer_q3": "d",
}

FAILS = {
    "derivation_check_probability_gradient",
    "derivation_check_log_sum_exp",
    "derivation_check_softmax_jacobian",
    "derivation_check_softmax_ce_gradient",
    "question_1",
    "question_3",
}
