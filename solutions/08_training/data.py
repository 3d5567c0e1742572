"""The data sets of assignment 8, split and standardised the same way for everyone.

``load(name)`` returns ``(X_train, y_train, X_test, y_test)`` for one of the data
sets that scikit-learn ships with (nothing is downloaded):

- ``"breast_cancer"``: 569 tumours, 30 features, y of shape (N, 1), float, 1.0 for benign and 0.0 for malignant
  (the shape of the logits of a model with one output);
- ``"digits"``: 1797 images of 8 x 8 pixels (64 features), y of shape (N,), integer labels 0 to 9;
- ``"diabetes"``: 442 patients, 10 features, y of shape (N,), float: the disease progression a year later,
  divided by 100 so that it lies between about 0.25 and 3.5.

The split is fixed: a quarter of the samples is held out for testing
(``train_test_split(..., test_size=0.25, random_state=0)``, stratified by class for the two
classification sets).  Every feature is standardised with the mean and the standard deviation of the
**training** split only, so that nothing about the test split leaks into training; a feature that is
constant on the training split (some pixels of the digits are always 0) keeps its scale (its standard
deviation counts as 1).

``validation_split(X_train, y_train)`` cuts a validation part out of a training split, for choosing the
training settings without looking at the test split: ``(X_fit, y_fit, X_val, y_val)``, a quarter of the training
samples held out (``random_state=1``, stratified by class when the targets are class labels).  The validation part
keeps the standardisation of the whole training split, so its means and standard deviations have taken part in
it; the test split has not.

``two_features()`` gives the breast-cancer data restricted to two features, for a figure.
"""
import numpy as np

NAMES = ("breast_cancer", "digits", "diabetes")
TWO_FEATURES = ("mean radius", "mean texture")


def _raw(name):
    """Features and targets of a data set, before splitting."""
    from sklearn.datasets import load_breast_cancer, load_diabetes, load_digits  # imported when first needed

    if name == "breast_cancer":
        data = load_breast_cancer()
        return data.data, data.target.astype(np.float64).reshape(-1, 1), True
    if name == "digits":
        data = load_digits()
        return data.data, data.target.astype(np.int64), True
    if name == "diabetes":
        data = load_diabetes(scaled=False)
        return data.data, data.target.astype(np.float64) / 100.0, False
    raise ValueError(f"unknown data set {name!r}: choose one of {', '.join(NAMES)}")


def standardise(X_train, X_test):
    """Both splits standardised with the training split's mean and standard deviation (a zero std counts as 1)."""
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    return (X_train - mean) / std, (X_test - mean) / std


def load(name):
    """``(X_train, y_train, X_test, y_test)`` of the data set ``name``, split and standardised (see above)."""
    from sklearn.model_selection import train_test_split

    X, y, classification = _raw(name)
    labels = y.ravel() if classification else None
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=labels)
    X_train, X_test = standardise(np.asarray(X_train, dtype=np.float64), np.asarray(X_test, dtype=np.float64))
    return X_train, y_train, X_test, y_test


def validation_split(X_train, y_train):
    """``(X_fit, y_fit, X_val, y_val)``: a quarter of the training split held out for validation (see above)."""
    from sklearn.model_selection import train_test_split

    y_train = np.asarray(y_train)
    labels = y_train.ravel() if y_train.dtype.kind in "iu" or (y_train.ndim == 2 and y_train.shape[1] == 1) else None
    X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.25, random_state=1, stratify=labels)
    return X_fit, y_fit, X_val, y_val


def two_features():
    """The breast-cancer split restricted to the two features ``TWO_FEATURES``, standardised on the training split."""
    from sklearn.datasets import load_breast_cancer
    from sklearn.model_selection import train_test_split

    data = load_breast_cancer()
    columns = [list(data.feature_names).index(f) for f in TWO_FEATURES]
    y = data.target.astype(np.float64).reshape(-1, 1)
    X_train, X_test, y_train, y_test = train_test_split(data.data[:, columns], y, test_size=0.25, random_state=0,
                                                        stratify=y.ravel())
    X_train, X_test = standardise(X_train, X_test)
    return X_train, y_train, X_test, y_test
