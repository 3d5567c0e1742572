"""Quantile regression with a learning rate far too small: the three lines stay near 0, below every patient."""
ANSWERS = {"DIABETES_QUANTILE_SETTINGS": {"lr": 0.001, "epochs": 300, "lam": 0.0, "batch_size": None}}
FAILS = {"model_diabetes_quantile"}
