"""Plausible wrong answers: the binary subgradient without its label (-1/N instead of -y/N at y = -1),
a multi-class term exactly at its kink counted as a violation (>= instead of >), PyTorch's loss at zero
scores without its division by C, and a wrong choice in Questions 2 and 3."""

ANSWERS = {
    "dl_ds_check": -1 / 5,
    "dl_ds_true_check": -3 / 8,
    "answer_q1": 9.0,
    "answer_q2": "c",
    "answer_q3": "a",
}

FAILS = {"derivation_check_binary_subgradient", "derivation_check_multiclass_row",
         "question_1", "question_2", "question_3"}
