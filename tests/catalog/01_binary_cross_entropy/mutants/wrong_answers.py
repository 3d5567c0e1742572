"""Every derivation check and question answered with a likely mistake: the gradient without the 1/M of the mean,
the derivative of the sigmoid without the square of its denominator, the gradient on logits with its sign
flipped (y - sigmoid(z)), the loss of a positive label alone (-log 0.8) for Question 1, the answer to the all-positive
version of Question 2, and a wrong choice in the other questions."""
ANSWERS = {
    "dl_dp_check": (0.7 - 0.2) / (0.7 * (1 - 0.7)),
    "dsigmoid_check": np.exp(2.0) / (1.0 + np.exp(2.0)),
    "dl_dz_check": (0.9 - 1.0 / (1.0 + np.exp(0.5))) / 2,
    "answer_q1": -np.log(0.8),
    "answer_q2": "b",
    "answer_q3": "d",
    "answer_q4": "d",
}

FAILS = [
    "derivation_check_bce_gradient",
    "derivation_check_sigmoid",
    "derivation_check_logits_gradient",
    "question_1",
    "question_2",
    "question_3",
    "question_4",
]
