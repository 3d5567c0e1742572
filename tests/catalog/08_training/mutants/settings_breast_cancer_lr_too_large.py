"""Logistic regression with a learning rate far too large: the loss jumps instead of falling."""
ANSWERS = {"BREAST_CANCER_SETTINGS": {"lr": 1000.0, "epochs": 100, "lam": 0.001, "batch_size": None}}
FAILS = {"model_breast_cancer"}
