"""Every derivation check and question answered with a plausible mistake, and the functions left right.

- kl_gradient_check: -y / y_pred without the 1/N of the mean;
- smoothing_gap_check: log((1 - beta) / (beta / (C - 1))), the gap of the variant that spreads beta over C - 1 classes;
- focal_gradient_check: the BCE gradient expit(1) - 0 times alpha_t (1 - p_t)**2, the factor treated as a constant;
- answer_q1: PyTorch's kl_div given probabilities instead of log-probabilities;
- answer_q2: pi, the best constant without the weight;
- answer_q3: a temperature that changes predictions near the boundary.
"""
import numpy as np

ANSWERS = {
    "kl_gradient_check": -0.3 / 0.2,
    "smoothing_gap_check": np.log(0.9 / (0.1 / 9)),
    "focal_gradient_check": 0.75 * (1 / (1 + np.exp(-1.0))) ** 2 * (1 / (1 + np.exp(-1.0))),
    "answer_q1": "a",
    "answer_q2": 0.25,
    "answer_q3": "a",
}

FAILS = ["derivation_check_kl_gradient", "derivation_check_smoothing_gap", "derivation_check_focal_gradient",
         "question_1", "question_2", "question_3"]
