"""Every derivation check and question answered wrongly, the functions right."""
ANSWERS = {
    "dw_check": 2 * 0.5 + 3 * 2 + 0 * (-1),  # the first column of X instead of the second
    "db_check": (0.5 + 2 - 1) / 3,           # divided by N again
    "dx_check": (-1) * (-1) + 1 * 0.5,       # G @ W (column 1 of W) instead of G @ W.T (row 1)
    "lam_check": 1 / 0.25,                   # the N forgotten
    "answer_q1": 426 * 0.001,                # N lambda instead of its inverse
    "answer_q2": "d",
    "answer_q3": "b",
    "answer_q4": "a",
}
FAILS = {"derivation_check_linear_weights", "derivation_check_linear_bias", "derivation_check_linear_input",
         "derivation_check_map_lambda", "question_1", "question_2", "question_3",
         "question_4"}
