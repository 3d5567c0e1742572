"""The linear SVM with a learning rate far too large on minibatches."""
ANSWERS = {"DIGITS_HINGE_SETTINGS": {"lr": 100.0, "epochs": 50, "lam": 0.001, "batch_size": 64}}
FAILS = {"model_digits_hinge"}
