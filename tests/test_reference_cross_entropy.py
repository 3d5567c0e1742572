"""The cross-entropy reference solution agrees with scikit-learn, SciPy, finite differences and assignment 1's BCE."""

import numpy as np
import pytest
from scipy.special import log_softmax as scipy_log_softmax
from scipy.special import softmax as scipy_softmax
from scipy.stats import entropy
from sklearn.metrics import log_loss

from coursekit.losscheck import numerical_gradient, rel_error
from support.catalog import hidden_answers, reference_functions

REF = reference_functions("02_cross_entropy")
BCE = reference_functions("01_binary_cross_entropy")
RNG_SEED = 37


@pytest.mark.parametrize("n,c", [(50, 4), (7, 10)])
def test_cross_entropy_forward_matches_sklearn_log_loss(n, c):
    """Does cross_entropy_forward on one-hot targets equal sklearn's log_loss, to 1e-12 relative?"""
    rng = np.random.default_rng(RNG_SEED)
    t = rng.integers(0, c, n)
    p = rng.dirichlet(np.ones(c), n)
    expected = log_loss(t, p, labels=list(range(c)))
    assert REF["cross_entropy_forward"](np.eye(c)[t], p) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("n,c", [(40, 3), (6, 9)])
def test_softmax_cross_entropy_forward_matches_sklearn_log_loss_of_softmax(n, c):
    """Does softmax_cross_entropy_forward(t, z) equal log_loss(t, softmax(z)) for moderate logits, to 1e-10 relative?"""
    rng = np.random.default_rng(RNG_SEED)
    t = rng.integers(0, c, n)
    z = rng.normal(0.0, 3.0, (n, c))
    expected = log_loss(t, scipy_softmax(z, axis=1), labels=list(range(c)))
    assert REF["softmax_cross_entropy_forward"](t, z) == pytest.approx(expected, rel=1e-10)


def _wide_logits():
    rng = np.random.default_rng(RNG_SEED)
    z = rng.normal(0.0, 5.0, (6, 5)) + np.array([[-900.0], [-400.0], [0.0], [300.0], [700.0], [950.0]])
    return np.vstack([z, [[1000.0, -1000.0, 0.0, 500.0, -500.0], [-1000.0] * 5]])


def test_softmax_matches_scipy_from_minus_to_plus_1000():
    """Does softmax equal scipy's softmax on rows offset by hundreds and on logits of +-1000, to 1e-12 relative?"""
    z = _wide_logits()
    np.testing.assert_allclose(REF["softmax"](z), scipy_softmax(z, axis=1), rtol=1e-12, atol=1e-300)


def test_log_softmax_matches_scipy_where_softmax_underflows():
    """Does log_softmax equal scipy's log_softmax, to 1e-12, including entries 2000 below the row maximum?"""
    z = _wide_logits()
    expected = scipy_log_softmax(z, axis=1)
    assert expected.min() < -1500  # softmax is exactly 0 there
    np.testing.assert_allclose(REF["log_softmax"](z), expected, rtol=1e-12, atol=1e-12)


def test_softmax_cross_entropy_is_exact_at_large_logits():
    """Is the loss 2000 (not inf, nor a clipped 27.6) when the true logit sits 2000 below the best?"""
    loss = REF["softmax_cross_entropy_forward"](np.array([2, 0]), np.array([[1000.0, 0.0, -1000.0], [1000.0, 0.0, -1000.0]]))
    assert loss == pytest.approx(1000.0, rel=1e-15)  # (2000 + 0) / 2


@pytest.mark.parametrize("forward,backward", [
    ("cross_entropy_forward", "cross_entropy_backward"),
    ("softmax_cross_entropy_forward", "softmax_cross_entropy_backward"),
])
def test_backward_matches_finite_differences(forward, backward):
    """Does each backward equal a centred finite difference of its forward, to 1e-7 relative?"""
    rng = np.random.default_rng(RNG_SEED)
    n, c = 4, 6
    if forward == "cross_entropy_forward":
        y = rng.dirichlet(np.ones(c), n)           # soft targets
        x = rng.uniform(0.05, 0.95, (n, c))        # each entry a free variable, as in the derivation
    else:
        y = rng.integers(0, c, n)
        x = rng.normal(0.0, 1.0, (n, c))           # no probability so small that the 2e-10 noise of the difference dominates it
    numeric = numerical_gradient(lambda v: REF[forward](y, v), x)
    assert rel_error(REF[backward](y, x), numeric) < 1e-7


def test_cross_entropy_with_two_classes_equals_bce():
    """Does cross_entropy_forward on columns (1 - y, y) and (1 - p, p) equal assignment 1's bce_forward, to 1e-12?"""
    rng = np.random.default_rng(RNG_SEED)
    y = rng.random(30)
    p = rng.uniform(0.01, 0.99, 30)
    two_class = REF["cross_entropy_forward"](np.stack([1 - y, y], axis=1), np.stack([1 - p, p], axis=1))
    assert two_class == pytest.approx(BCE["bce_forward"](y, p), rel=1e-12)


def test_softmax_cross_entropy_on_logits_0_z_equals_bce_with_logits():
    """With logits (0, z), do the loss and the gradient on z equal assignment 1's BCE on logits, to 1e-12?"""
    rng = np.random.default_rng(RNG_SEED)
    t = rng.integers(0, 2, 25)
    z = rng.normal(0.0, 6.0, 25)
    logits = np.stack([np.zeros_like(z), z], axis=1)
    y = t.astype(float)
    assert REF["softmax_cross_entropy_forward"](t, logits) == pytest.approx(BCE["bce_with_logits_forward"](y, z), rel=1e-12)
    np.testing.assert_allclose(REF["softmax_cross_entropy_backward"](t, logits)[:, 1],
                               BCE["bce_with_logits_backward"](y, z), rtol=1e-12, atol=1e-15)


def test_label_smoothed_perfect_prediction_costs_the_target_entropy():
    """Does a perfect prediction of label-smoothed targets cost their entropy (scipy.stats.entropy), to 1e-12?"""
    rng = np.random.default_rng(RNG_SEED)
    n, c, alpha = 5, 7, 0.1
    y = (1 - alpha) * np.eye(c)[rng.integers(0, c, n)] + alpha / c
    assert REF["cross_entropy_forward"](y, y) == pytest.approx(np.mean(entropy(y, axis=1)), rel=1e-12)


def test_softmax_cross_entropy_gradient_rows_sum_to_zero():
    """Does every row of the gradient on logits sum to 0 (to 1e-15), even at logits of +-1000?"""
    z = _wide_logits()
    t = np.arange(len(z)) % z.shape[1]
    np.testing.assert_allclose(REF["softmax_cross_entropy_backward"](t, z).sum(axis=1), 0.0, atol=1e-15)


def test_reference_functions_leave_inputs_unmodified():
    """Do all six reference functions leave their arguments exactly as they were?"""
    rng = np.random.default_rng(RNG_SEED)
    y_soft = rng.dirichlet(np.ones(4), 3)
    p = np.array([[0.0, 1.0, 0.0, 0.0], [0.2, 0.3, 0.5, 0.0], [0.25, 0.25, 0.25, 0.25]])
    t = np.array([1, 3, 0])
    z = rng.normal(0.0, 300.0, (3, 4))
    calls = [("cross_entropy_forward", y_soft, p), ("cross_entropy_backward", y_soft, p),
             ("softmax", z), ("log_softmax", z),
             ("softmax_cross_entropy_forward", t, z), ("softmax_cross_entropy_backward", t, z)]
    for name, *args in calls:
        copies = [a.copy() for a in args]
        REF[name](*args)
        for a, c in zip(args, copies):
            assert np.array_equal(a, c), f"{name} modified its input"


@pytest.mark.parametrize("name,y_shape,p_shape", [
    ("cross_entropy_forward", (3, 1), (3, 4)), ("cross_entropy_forward", (4,), (3, 4)),
    ("cross_entropy_backward", (3, 1), (3, 4)), ("cross_entropy_backward", (3, 4), (4, 3)),
    ("softmax_cross_entropy_forward", (3, 1), (3, 4)), ("softmax_cross_entropy_forward", (1,), (3, 4)),
    ("softmax_cross_entropy_backward", (3, 1), (3, 4)), ("softmax_cross_entropy_backward", (3, 4), (3, 4)),
])
def test_functions_refuse_mismatched_shapes_naming_both(name, y_shape, p_shape):
    """Does each function taking y_true raise ValueError naming both shapes, instead of broadcasting?"""
    rng = np.random.default_rng(RNG_SEED)
    y = rng.integers(0, p_shape[1], y_shape) if name.startswith("softmax") else rng.random(y_shape)
    with pytest.raises(ValueError) as err:
        REF[name](y, rng.random(p_shape))
    assert str(y_shape) in str(err.value) and str(p_shape) in str(err.value)


def test_cross_entropy_clips_to_eps_and_one_minus_eps():
    """Does a perfect one-hot prediction cost -log(1 - eps) ~ 1e-12, and probability 0 cost -log(eps), with eps = 1e-12?"""
    y = np.eye(4)[[2, 0, 3]]
    assert REF["cross_entropy_forward"](y, y) == pytest.approx(-np.log1p(-1e-12), rel=1e-3)
    assert REF["cross_entropy_forward"](y, np.roll(y, 1, axis=1)) == pytest.approx(-np.log(1e-12), rel=1e-12)


def test_chained_gradient_shrinks_by_p_over_eps_as_the_figure_says():
    """Is the chained gradient the fused one times p / max(p, eps), about 0.02 of it 4 units past -log(eps), as the
    first figure's introduction says?"""
    eps = 1e-12
    onehot = np.array([[1.0, 0.0, 0.0, 0.0]])
    for z0 in (-10.0, -30.0, -40.0):
        z = np.array([[z0, 1.0, 0.0, -1.0]])
        p = REF["softmax"](z)[0]
        dp = REF["cross_entropy_backward"](onehot, p[None, :])[0]
        chained = p * (dp - dp @ p)
        fused = REF["softmax_cross_entropy_backward"](np.array([0]), z)[0]
        np.testing.assert_allclose(chained, fused * p[0] / max(p[0], eps), rtol=1e-9, atol=1e-300)
    lse = np.log(np.exp(1.0) + 1.0 + np.exp(-1.0))
    z0 = lse + np.log(eps) - 4.0          # 4 units past the point where p_0 = eps (log p_0 ~ z0 - lse)
    p0 = REF["softmax"](np.array([[z0, 1.0, 0.0, -1.0]]))[0, 0]
    assert 0.015 < p0 / eps < 0.025


def test_float32_facts_of_the_float32_section():
    """Are the float32 numbers the notebook quotes right (1 - 1e-12 == 1, eps ~ 1.19e-7, exp overflow near 88.72)?"""
    one = np.float32(1.0)
    assert one - np.float32(1e-12) == one
    assert one - np.float32(1e-7) < one
    assert one - np.float32(2.9e-8) == one
    assert np.finfo(np.float32).eps == pytest.approx(1.19e-7, rel=1e-2)
    assert np.log(np.float64(np.finfo(np.float32).max)) == pytest.approx(88.72, abs=5e-3)
    with np.errstate(over="ignore"):
        assert np.isfinite(np.exp(np.float32(88.7))) and np.isinf(np.exp(np.float32(88.8)))


def test_derivation_checks_agree_with_the_reference_functions():
    """Is each derivation check's hidden value what the reference functions (and finite differences) give, to 1e-9?"""
    expected = hidden_answers("02_cross_entropy")
    # Task 5.1: an entry with y = 0.7, p = 0.2 in a batch of N = 4
    y = np.array([[0.7, 0.3], [1.0, 0.0], [0.0, 1.0], [0.5, 0.5]])
    p = np.array([[0.2, 0.8], [0.6, 0.4], [0.3, 0.7], [0.5, 0.5]])
    assert REF["cross_entropy_backward"](y, p)[0, 0] == pytest.approx(expected["derivation_check_probability_gradient"], rel=1e-12)
    # Task 7.1: log softmax(z)_2 at z = (1000, 998, 990), by the reference and by scipy
    z = np.array([[1000.0, 998.0, 990.0]])
    for value in (REF["log_softmax"](z)[0, 2], scipy_log_softmax(z, axis=1)[0, 2]):
        assert value == pytest.approx(expected["derivation_check_log_sum_exp"], rel=1e-12)
    # Task 7.2: the entry (0, 2) of the softmax Jacobian at z = (1, -0.5, 2, 0), by finite differences
    z = np.array([[1.0, -0.5, 2.0, 0.0]])
    d_p0 = numerical_gradient(lambda v: REF["softmax"](v)[0, 0], z)
    assert d_p0[0, 2] == pytest.approx(expected["derivation_check_softmax_jacobian"], rel=1e-8)
    # Task 7.3: the entry [1, 2] of dL/dZ for the stated batch
    Z = np.array([[1.0, 2.0, 0.5], [0.0, -1.0, 1.5]])
    grad = REF["softmax_cross_entropy_backward"](np.array([0, 2]), Z)
    assert grad[1, 2] == pytest.approx(expected["derivation_check_softmax_ce_gradient"], rel=1e-12)


def test_graded_questions_agree_with_the_reference_functions():
    """Question 1: logit 2 for the true class and 0 for the nine others; question 3 ("c"): adding 1000 to the
    true-class logit of (0, 1, 2, 3) leaves, in exact arithmetic, a loss and a gradient row that are nonzero but
    below 1e-400 (float64 rounds both to exactly 0)."""
    expected = hidden_answers("02_cross_entropy")
    labels = np.array([3, 0, 9, 4])
    logits = np.zeros((4, 10))
    logits[np.arange(4), labels] = 2.0
    assert REF["softmax_cross_entropy_forward"](labels, logits) == pytest.approx(expected["question_1"], rel=1e-12)
    assert expected["question_3"] == "c"
    z = np.array([[0.0, 1.0, 2.0, 3.0]])
    assert REF["softmax_cross_entropy_forward"](np.array([0]), z) == pytest.approx(3.44019, abs=1e-5)
    # exact arithmetic, in the log domain: loss = log(1 + s) with s = e^-999 + e^-998 + e^-997, so 0 < loss < s;
    # the gradient row is (softmax - onehot) / N, whose entries are at most s in absolute value and nonzero
    log10_s = np.logaddexp.reduce([-999.0, -998.0, -997.0]) / np.log(10.0)
    assert log10_s < -400
    shifted = z + np.array([[1000.0, 0.0, 0.0, 0.0]])
    assert REF["softmax_cross_entropy_forward"](np.array([0]), shifted) == 0.0
    np.testing.assert_array_equal(REF["softmax_cross_entropy_backward"](np.array([0]), shifted), 0.0)
