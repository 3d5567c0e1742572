"""Every derivation check and question answered with a plausible mistake, and the functions left right.

- dl_dyhat_check: -tau without the 1/M of the mean (the prediction 2.5 is below its target 3);
- slope_check: the slope just left of a = 5, counting the data point 5 as above a;
- minimiser_check: the 5th smallest value, floor(N tau) instead of ceil(N tau);
- answer_q1: tau * 10, the charge of a prediction 10 units too low (the residual read as y - y_pred);
- answer_q2: the sum instead of the mean, which a test at tau = 0.5 does catch;
- answer_q3: a gradient that shrinks near the target, as the squared error's does.
"""
ANSWERS = {
    "dl_dyhat_check": -0.7,
    "slope_check": 3 / 8 - 0.7,
    "minimiser_check": 7.0,
    "answer_q1": 9.0,
    "answer_q2": "a",
    "answer_q3": "a",
}

FAILS = ["derivation_check_pinball_subgradient", "derivation_check_quantile_slope",
         "derivation_check_quantile_minimiser", "question_1", "question_2", "question_3"]
