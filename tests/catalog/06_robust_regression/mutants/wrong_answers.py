"""Every derivation check and question answered with a plausible mistake, and the functions left right.

- nll_scale_check: 1 / (2 b), the Gaussian's factor of assignment 3 carried over;
- nll_constant_check: log(b), the 2 of the density's 1 / (2b) lost;
- huber_tail_check: |r| - delta / 2, the linear part without its factor delta (SmoothL1's line);
- log_cosh_rest_check: log(1 + e^{-1}) - log 2, the bracket 1 + e^{-|r|} instead of the right one of Task 5.1;
- huber_grad_check: r / M, the gradient not clipped;
- log_cosh_grad_check: tanh(0.5) without the 1/M of the mean;
- answer_q1: 0.2, the learning rate multiplied by delta instead of divided;
- answer_q2: (a), the limit of the loss itself (which is 0) confused with that of the loss over delta.
"""
import numpy as np

ANSWERS = {
    "nll_scale_check": 1 / (2 * 0.4),
    "nll_constant_check": np.log(0.4),
    "huber_tail_check": 4 - 0.75,
    "log_cosh_rest_check": np.log1p(np.exp(-1.0)) - np.log(2),
    "huber_grad_check": -3 / 4,
    "log_cosh_grad_check": np.tanh(0.5),
    "answer_q1": 0.2,
    "answer_q2": "a",
}

FAILS = ["derivation_check_laplace_scale", "derivation_check_laplace_constant", "derivation_check_huber_tail",
         "derivation_check_log_cosh_rest", "derivation_check_huber_gradient", "derivation_check_log_cosh_gradient",
         "question_1", "question_2"]
