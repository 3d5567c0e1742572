"""Softmax regression with a learning rate far too small for its budget of epochs."""
ANSWERS = {"DIGITS_SOFTMAX_SETTINGS": {"lr": 0.0001, "epochs": 20, "lam": 0.001, "batch_size": None}}
FAILS = {"model_digits_softmax"}
