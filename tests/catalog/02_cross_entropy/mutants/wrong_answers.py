"""Wrong answers everywhere, each a plausible slip in a derivation, and the functions left right:
the gradient on probabilities without the 1/N of the mean, a log-sum-exp that forgets to add z_max back,
a Jacobian entry that takes the indicator for 1 off the diagonal, the gradient on logits without its 1/N,
1/C instead of log C for equal logits, and a loss that follows the shift of the logits."""

import numpy as np

ANSWERS = {
    "dl_dp_check": -0.7 / 0.2,
    "log_softmax_check": 990.0 - np.log(1.0 + np.exp(-2.0) + np.exp(-10.0)),
    "jacobian_check": 0.08567637226881052,
    "dl_dz_check": -0.23384279344365777,
    "answer_q1": 1 / 10,
    "answer_q3": "a",
}

FAILS = {
    "derivation_check_probability_gradient",
    "derivation_check_log_sum_exp",
    "derivation_check_softmax_jacobian",
    "derivation_check_softmax_ce_gradient",
    "question_1",
    "question_3",
}
