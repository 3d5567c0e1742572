"""The training assignment's reference solution agrees with finite differences, with its docstrings' algorithm and
with scikit-learn; the numbers its comparison table states are the ones the reference functions and scikit-learn give."""
import re
import sys
import warnings

import numpy as np
import pytest

from coursekit import SOURCE
from coursekit.losscheck import numerical_gradient, rel_error
from support.catalog import reference_functions, source_notebook

sys.path.insert(0, str(SOURCE / "08_training"))  # the shipped modules: losses.py and data.py
import data  # noqa: E402
import losses  # noqa: E402

REF = reference_functions("08_training")
RNG_SEED = 88


@pytest.mark.parametrize("n,f,k", [(5, 3, 2), (1, 4, 7), (9, 2, 1)])
def test_linear_forward_is_the_matrix_product_plus_the_bias(n, f, k):
    """Is linear_forward X @ W + b, entry by entry, to 1e-12 relative?"""
    rng = np.random.default_rng(RNG_SEED)
    X, W, b = rng.normal(size=(n, f)), rng.normal(size=(f, k)), rng.normal(size=k)
    expected = np.array([[sum(X[i, j] * W[j, c] for j in range(f)) + b[c] for c in range(k)] for i in range(n)])
    np.testing.assert_allclose(REF["linear_forward"](X, W, b), expected, rtol=1e-12)


@pytest.mark.parametrize("n,f,k", [(5, 3, 2), (4, 6, 3), (7, 2, 5)])
def test_linear_backward_matches_finite_differences(n, f, k):
    """Are the three gradients of linear_backward those of the scalar sum(O * G), by finite differences (1e-7)?"""
    rng = np.random.default_rng(RNG_SEED)
    X, W, b, G = rng.normal(size=(n, f)), rng.normal(size=(f, k)), rng.normal(size=k), rng.normal(size=(n, k))
    grad_X, grad_W, grad_b = REF["linear_backward"](X, W, G)
    forward = REF["linear_forward"]
    assert rel_error(grad_X, numerical_gradient(lambda X_: np.sum(forward(X_, W, b) * G), X)) < 1e-7
    assert rel_error(grad_W, numerical_gradient(lambda W_: np.sum(forward(X, W_, b) * G), W)) < 1e-7
    assert rel_error(grad_b, numerical_gradient(lambda b_: np.sum(forward(X, W, b_) * G), b)) < 1e-7


def test_l2_penalty_backward_matches_finite_differences():
    """Is l2_penalty_backward the gradient of l2_penalty, by finite differences (1e-8)?"""
    W = np.random.default_rng(RNG_SEED).normal(size=(4, 3))
    numeric = numerical_gradient(lambda W_: REF["l2_penalty"](W_, 0.7), W)
    assert rel_error(REF["l2_penalty_backward"](W, 0.7), numeric) < 1e-8


def test_full_batch_train_matches_a_hand_written_loop():
    """Does train with batch_size None take the steps W -= lr (X^T G + lam W), b -= lr sum(G) (1e-12 relative)?"""
    rng = np.random.default_rng(RNG_SEED)
    X, y = rng.normal(size=(20, 3)), rng.integers(0, 4, 20)
    W, b = np.zeros((3, 4)), np.zeros(4)
    for _ in range(5):
        G = losses.softmax_cross_entropy_backward(y, X @ W + b)
        W, b = W - 0.3 * (X.T @ G + 0.2 * W), b - 0.3 * G.sum(axis=0)
    W_ref, b_ref, history = REF["train"](X, y, losses.softmax_cross_entropy_forward, losses.softmax_cross_entropy_backward,
                                         4, lr=0.3, epochs=5, lam=0.2)
    np.testing.assert_allclose(W_ref, W, rtol=1e-12)
    np.testing.assert_allclose(b_ref, b, rtol=1e-12)
    assert history["loss"][-1] == pytest.approx(losses.softmax_cross_entropy_forward(y, X @ W + b), rel=1e-12)


def test_train_minimises_the_objective_that_sklearn_logistic_regression_minimises():
    """Run long enough, does train reach scikit-learn's LogisticRegression with C = 1 / (N lam) (weights to 1e-3)?"""
    from sklearn.linear_model import LogisticRegression

    X, y, _, _ = data.load("breast_cancer")
    lam = 0.05
    W, b, _ = REF["train"](X, y, losses.bce_with_logits_forward, losses.bce_with_logits_backward, 1, lr=1.0,
                           epochs=3000, lam=lam)
    model = LogisticRegression(C=1 / (len(X) * lam), tol=1e-12, max_iter=100_000).fit(X, y.ravel())
    np.testing.assert_allclose(W.ravel(), model.coef_.ravel(), atol=1e-3)
    assert b[0] == pytest.approx(model.intercept_[0], abs=1e-3)


def test_minibatch_train_is_reproducible_and_depends_on_seed():
    """Does the same seed give the same weights to the last digit, and another one other weights?"""
    rng = np.random.default_rng(RNG_SEED)
    X, y = rng.normal(size=(17, 3)), rng.integers(0, 3, 17)
    args = (X, y, losses.softmax_cross_entropy_forward, losses.softmax_cross_entropy_backward, 3)
    first = REF["train"](*args, lr=0.5, epochs=3, batch_size=4, seed=5)
    again = REF["train"](*args, lr=0.5, epochs=3, batch_size=4, seed=5)
    other = REF["train"](*args, lr=0.5, epochs=3, batch_size=4, seed=6)
    assert np.array_equal(first[0], again[0]) and first[2] == again[2]
    assert not np.allclose(first[0], other[0])


@pytest.mark.parametrize("name", data.NAMES)
def test_validation_split_is_a_quarter_of_the_training_split(name):
    """Does validation_split cut the training split into two disjoint parts, a quarter held out, the same every time?"""
    X_train, y_train, _, _ = data.load(name)
    X_fit, y_fit, X_val, y_val = data.validation_split(X_train, y_train)
    assert len(X_fit) + len(X_val) == len(X_train) and len(X_fit) == len(y_fit) and len(X_val) == len(y_val)
    assert len(X_val) == pytest.approx(0.25 * len(X_train), abs=1) and y_val.shape[1:] == y_train.shape[1:]
    rows = {tuple(r) for r in X_train}
    assert {tuple(r) for r in X_fit} | {tuple(r) for r in X_val} == rows
    again = data.validation_split(X_train, y_train)
    assert all(np.array_equal(a, b) for a, b in zip((X_fit, y_fit, X_val, y_val), again))


def test_sklearn_C_is_question_1s_answer():
    """Does the solution's sklearn_C give the answer of Question 1 and make C * sum of losses a multiple of J?"""
    assert REF["sklearn_C"](426, 0.001) == pytest.approx(REF["answer_q1"], rel=1e-12)
    N, lam = 300, 0.02
    # C sum(l) + |w|^2 / 2 = C N (L + |w|^2 / (2 C N)): a multiple of J when 1 / (C N) = lam
    assert 1 / (REF["sklearn_C"](N, lam) * N) == pytest.approx(lam, rel=1e-12)


def test_stated_training_objectives_are_measured():
    """Are the training objectives J that section 11 states those of the reference fit and of L-BFGS (4 decimals)?"""
    from sklearn.linear_model import LogisticRegression

    [text] = [c.source for c in source_notebook("08_training").cells
              if c.cell_type == "markdown" and "On the training objective $J$" in c.source]
    stated = [float(x) for x in re.findall(r"(0\.\d{4})", text.split("On the training objective $J$")[1])]
    measured = []
    for name, settings, fwd, bwd, k in [("breast_cancer", REF["BREAST_CANCER_SETTINGS"], losses.bce_with_logits_forward,
                                         losses.bce_with_logits_backward, 1),
                                        ("digits", REF["DIGITS_SOFTMAX_SETTINGS"], losses.softmax_cross_entropy_forward,
                                         losses.softmax_cross_entropy_backward, 10)]:
        X, y, _, _ = data.load(name)
        lam = settings["lam"]
        W, b, _ = REF["train"](X, y, fwd, bwd, k, **settings)
        model = LogisticRegression(C=REF["sklearn_C"](len(X), lam), max_iter=10_000).fit(X, y.ravel() if k == 1 else y)
        for W_, b_ in [(W, b), (model.coef_.T, model.intercept_)]:
            measured.append(fwd(y, X @ W_ + b_) + lam / 2 * float(np.sum(W_ * W_)))
    assert stated == pytest.approx(measured, abs=5e-5)


@pytest.mark.parametrize("name", data.NAMES)
def test_data_is_split_and_standardised_on_the_training_split(name):
    """Is every feature of the training split centred with unit (or zero, for constant features) standard deviation?"""
    X_train, y_train, X_test, y_test = data.load(name)
    assert len(X_train) == len(y_train) and len(X_test) == len(y_test)
    assert len(X_test) == pytest.approx(0.25 * (len(X_train) + len(X_test)), abs=1)
    np.testing.assert_allclose(X_train.mean(axis=0), 0.0, atol=1e-12)
    std = X_train.std(axis=0)
    assert np.all((np.abs(std - 1) < 1e-12) | (std == 0))
    again = data.load(name)
    assert all(np.array_equal(a, b) for a, b in zip((X_train, y_train, X_test, y_test), again))


# -------------------------------------------------------------------------------------------------------------------
# The comparison table of section 11
# -------------------------------------------------------------------------------------------------------------------
def _table():
    """{(model, metric): (ours, scikit-learn)} as the notebook's markdown table states them."""
    [text] = [c.source for c in source_notebook("08_training").cells
              if c.cell_type == "markdown" and "| gap (ours − scikit-learn) |" in c.source]
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[2][:1].isdigit():
            number = lambda s: float(s.rstrip("%"))  # noqa: E731
            rows[cells[0], cells[1]] = (number(cells[2]), number(cells[3]))
    return rows


@pytest.fixture(scope="module")
def measured():
    """{(model, metric): (ours, scikit-learn)} recomputed with the reference functions and scikit-learn."""
    from sklearn.linear_model import LogisticRegression, QuantileRegressor
    from sklearn.svm import LinearSVC

    train, forward = REF["train"], REF["linear_forward"]
    # the course's reference settings: those of the solution cells
    settings = {"bc": REF["BREAST_CANCER_SETTINGS"], "softmax": REF["DIGITS_SOFTMAX_SETTINGS"],
                "hinge": REF["DIGITS_HINGE_SETTINGS"], "quantile": REF["DIABETES_QUANTILE_SETTINGS"]}
    assert settings["quantile"]["lam"] == 0.0, "the quantile comparison assumes no penalty (QuantileRegressor alpha=0)"
    found = {}
    X, y, Xt, yt = data.load("breast_cancer")
    W, b, _ = train(X, y, losses.bce_with_logits_forward, losses.bce_with_logits_backward, 1, **settings["bc"])
    sk = LogisticRegression(C=REF["sklearn_C"](len(X), settings["bc"]["lam"]), max_iter=10_000).fit(X, y.ravel()).score(Xt, yt.ravel())
    found["logistic regression", "breast cancer, accuracy"] = (100 * np.mean((forward(Xt, W, b) > 0) == (yt == 1)), 100 * sk)
    X, y, Xt, yt = data.load("digits")
    W, b, _ = train(X, y, losses.softmax_cross_entropy_forward, losses.softmax_cross_entropy_backward, 10, **settings["softmax"])
    sk = LogisticRegression(C=REF["sklearn_C"](len(X), settings["softmax"]["lam"]), max_iter=10_000).fit(X, y).score(Xt, yt)
    found["softmax regression", "digits, accuracy"] = (100 * np.mean(np.argmax(forward(Xt, W, b), axis=1) == yt), 100 * sk)
    W, b, _ = train(X, y, losses.multiclass_hinge_forward, losses.multiclass_hinge_backward, 10, **settings["hinge"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sk = LinearSVC(loss="hinge", C=REF["sklearn_C"](len(X), settings["hinge"]["lam"]), max_iter=20_000,
                       random_state=0).fit(X, y).score(Xt, yt)
    found["linear SVM", "digits, accuracy"] = (100 * np.mean(np.argmax(forward(Xt, W, b), axis=1) == yt), 100 * sk)
    X, y, Xt, yt = data.load("diabetes")
    taus = np.array([0.1, 0.5, 0.9])
    W, b, _ = train(X, y, losses.quantile_forward, losses.quantile_backward, 3, loss_kwargs={"tau": taus}, **settings["quantile"])
    P = forward(Xt, W, b)
    P_sk = np.column_stack([QuantileRegressor(quantile=t, alpha=0.0, solver="highs").fit(X, y).predict(Xt) for t in taus])
    band = lambda P_: 100 * np.mean((yt > P_[:, 0]) & (yt < P_[:, 2]))  # noqa: E731
    found["quantile regression", "diabetes, coverage of the 0.1–0.9 band"] = (band(P), band(P_sk))
    found["quantile regression", "diabetes, mean pinball loss"] = (losses.quantile_forward(yt, P, taus),
                                                                   losses.quantile_forward(yt, P_sk, taus))
    return found


def test_comparison_table_states_the_measured_numbers(measured):
    """Does every number of section 11's table match what the reference and scikit-learn give, to its last digit
    (0.05 points for a percentage, 0.00005 for a pinball loss)?"""
    table = _table()
    assert set(table) == set(measured), f"the table's rows {sorted(table)} are not those measured {sorted(measured)}"
    for row, (ours, library) in table.items():
        tolerance = 5e-5 if "pinball" in row[1] else 0.05 + 1e-9
        assert abs(measured[row][0] - ours) <= tolerance, f"{row}: the table says {ours}, the reference gives {measured[row][0]}"
        assert abs(measured[row][1] - library) <= tolerance, f"{row}: the table says {library}, scikit-learn gives {measured[row][1]}"


def test_stated_gaps_are_small():
    """Are our held-out numbers within 1.5 points (accuracy, coverage) or 0.002 (pinball loss) of scikit-learn's?"""
    for row, (ours, library) in _table().items():
        assert abs(ours - library) <= (0.002 if "pinball" in row[1] else 1.5), row
