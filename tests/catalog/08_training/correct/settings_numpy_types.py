"""The reference settings written with NumPy scalar types (np.float32, np.int64, np.float16, np.uint8) and an int lam."""
import numpy as np

ANSWERS = {"BREAST_CANCER_SETTINGS": {"lr": np.float32(0.5), "epochs": np.int64(100), "lam": np.float64(0.001), "batch_size": None},
           "DIGITS_SOFTMAX_SETTINGS": {"lr": np.float64(0.5), "epochs": np.uint8(30), "lam": np.float16(0.001), "batch_size": np.int32(64)},
           "DIABETES_QUANTILE_SETTINGS": {"lr": 0.5, "epochs": np.int16(200), "lam": 0, "batch_size": None}}
