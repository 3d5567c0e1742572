"""The hinge-loss reference solution agrees with scikit-learn, plain loops and finite differences."""
import numpy as np
import pytest
from sklearn.metrics import hinge_loss

from coursekit.losscheck import numerical_gradient, rel_error
from support.catalog import hidden_answers, reference_functions

REF = reference_functions("04_hinge_loss")
RNG_SEED = 44


def _binary_batch(n, rng):
    y = rng.choice([-1, 1], n)
    y[:2] = (1, -1)
    return y, rng.normal(0.0, 1.5, n)


def _multiclass_batch(n, c, rng):
    y = rng.integers(0, c, n)
    y[:2] = (0, c - 1)
    return y, rng.normal(0.0, 1.0, (n, c))


@pytest.mark.parametrize("n", [3, 10, 200])
def test_hinge_forward_matches_sklearn_hinge_loss(n):
    """Does hinge_forward equal sklearn's binary hinge_loss on labels in {-1, +1}, to 1e-12 relative?"""
    y, s = _binary_batch(n, np.random.default_rng(RNG_SEED))
    assert REF["hinge_forward"](y, s) == pytest.approx(hinge_loss(y, s), rel=1e-12)


def test_multiclass_hinge_matches_double_loop():
    """Does multiclass_hinge_forward equal the Weston-Watkins sum written as two Python loops, for several margins?"""
    y, s = _multiclass_batch(13, 5, np.random.default_rng(RNG_SEED))
    for margin in (0.0, 0.5, 1.0, 2.0):
        total = sum(max(0.0, s[i, j] - s[i, y[i]] + margin)
                    for i in range(len(y)) for j in range(s.shape[1]) if j != y[i])
        assert REF["multiclass_hinge_forward"](y, s, margin=margin) == pytest.approx(total / len(y), rel=1e-12)


def test_multiclass_hinge_with_two_classes_equals_binary_hinge_of_score_difference():
    """With C = 2, is the Weston-Watkins loss sklearn's binary hinge of s1 - s0 with labels 2y - 1?"""
    y, s = _multiclass_batch(30, 2, np.random.default_rng(RNG_SEED))
    expected = hinge_loss(2 * y - 1, s[:, 1] - s[:, 0])
    assert REF["multiclass_hinge_forward"](y, s) == pytest.approx(expected, rel=1e-12)


def test_multiclass_hinge_bounds_sklearn_crammer_singer():
    """Is sklearn's multi-class (Crammer-Singer) hinge at most ours, and equal when each sample has at most one violation?"""
    rng = np.random.default_rng(RNG_SEED)
    y, s = _multiclass_batch(40, 4, rng)
    labels = list(range(4))
    assert hinge_loss(y, s, labels=labels) < REF["multiclass_hinge_forward"](y, s)
    # one dominant true class per sample, one wrong class close to it: at most one violation each
    s = rng.normal(0.0, 0.1, (40, 4))
    s[np.arange(40), y] += 5.0
    s[np.arange(40), (y + 1) % 4] += 4.5
    assert REF["multiclass_hinge_forward"](y, s) == pytest.approx(hinge_loss(y, s, labels=labels), rel=1e-12)


@pytest.mark.parametrize("forward,backward,make", [
    ("hinge_forward", "hinge_backward", lambda rng: _binary_batch(9, rng)),
    ("multiclass_hinge_forward", "multiclass_hinge_backward", lambda rng: _multiclass_batch(6, 4, rng)),
])
def test_backward_matches_finite_differences_away_from_kinks(forward, backward, make):
    """Does each backward equal a centred finite difference of its forward, to 1e-7 relative, at points away from kinks?"""
    y, s = make(np.random.default_rng(RNG_SEED))
    if s.ndim == 1:
        distance = np.abs(y * s - 1.0)
    else:
        margins = s - s[np.arange(len(y)), y][:, None] + 1.0
        distance = np.abs(margins[np.arange(s.shape[1])[None, :] != y[:, None]])
    assert distance.min() > 1e-3, "the test points must stay away from the kinks"
    numeric = numerical_gradient(lambda v: REF[forward](y, v), s)
    assert rel_error(REF[backward](y, s), numeric) < 1e-7


def test_subgradient_is_zero_at_the_kinks():
    """Is the gradient exactly 0 at a binary margin of 1 and at a multi-class term of exactly 0?"""
    assert np.array_equal(REF["hinge_backward"](np.array([1, -1]), np.array([1.0, -1.0])), [0.0, 0.0])
    # true class 0; class 1 sits exactly at the kink, class 2 violates
    grad = REF["multiclass_hinge_backward"](np.array([0]), np.array([[1.0, 0.0, 0.5]]))
    assert np.array_equal(grad, [[-1.0, 0.0, 1.0]])


@pytest.mark.parametrize("name", ["hinge_forward", "hinge_backward"])
@pytest.mark.parametrize("labels", [[0, 1, 1, 0], [0.0, 0.0, 0.0, 0.0], [1, 1, 0, 1]])
def test_binary_labels_in_01_raise_value_error_with_the_fix(name, labels):
    """Do labels all in {0, 1} (a batch of zeros included) raise a ValueError that names the labels and suggests 2*y - 1?"""
    with pytest.raises(ValueError, match=r"label.*2\*y - 1"):
        REF[name](np.array(labels), np.linspace(-1.0, 1.0, 4))


@pytest.mark.parametrize("name", ["hinge_forward", "hinge_backward"])
@pytest.mark.parametrize("labels", [[1, -1, 2, 1], [1.0, -1.0, 0.5, -1.0], [-1, 0, 1, 1]])
def test_other_bad_binary_labels_raise_value_error_naming_the_labels(name, labels):
    """Do labels outside {-1, +1} that are not all in {0, 1} raise a ValueError about the labels, without the fix?"""
    with pytest.raises(ValueError, match="label") as info:
        REF[name](np.array(labels), np.linspace(-1.0, 1.0, 4))
    assert "2*y - 1" not in str(info.value)


@pytest.mark.parametrize("name", ["hinge_forward", "hinge_backward"])
@pytest.mark.parametrize("labels", [[1, 1, 1], [-1.0, -1.0, -1.0]])
def test_single_class_binary_batches_are_accepted(name, labels):
    """Is a batch holding one class only (all +1, or all -1) valid?"""
    REF[name](np.array(labels), np.linspace(-1.0, 1.0, 3))


@pytest.mark.parametrize("name", ["hinge_forward", "hinge_backward"])
@pytest.mark.parametrize("shape_true,shape_scores", [((4,), (4, 1)), ((4, 1), (4,)), ((3,), (4,))])
def test_binary_shape_mismatch_raises_value_error_naming_both_shapes(name, shape_true, shape_scores):
    """Does a y_true / scores shape mismatch raise a ValueError naming both shapes, instead of broadcasting?"""
    y = np.ones(shape_true)
    with pytest.raises(ValueError) as info:
        REF[name](y, np.zeros(shape_scores))
    assert str(shape_true) in str(info.value) and str(shape_scores) in str(info.value)


def test_broadcasting_would_give_the_wrong_loss():
    """Would (4,) labels against (4, 1) scores broadcast to 1.125 instead of the worked example's 0.65 (why shapes are checked)?"""
    y, s = np.array([1, -1, 1, -1]), np.array([2.0, -0.5, 0.3, 0.4])
    assert REF["hinge_forward"](y, s) == pytest.approx(0.65, rel=1e-12)
    assert np.mean(np.maximum(0.0, 1.0 - y * s[:, None])) == pytest.approx(1.125, rel=1e-12)


@pytest.mark.parametrize("name", ["multiclass_hinge_forward", "multiclass_hinge_backward"])
@pytest.mark.parametrize("shape_true,shape_scores", [((4, 1), (4, 3)), ((3, 1), (3, 3)), ((5,), (4, 3)), ((4,), (4,))])
def test_multiclass_shape_mismatch_raises_value_error_naming_both_shapes(name, shape_true, shape_scores):
    """Does y_true of any shape but (N,) for scores (N, C) raise a ValueError naming both shapes?"""
    y = np.zeros(shape_true, dtype=int)
    with pytest.raises(ValueError) as info:
        REF[name](y, np.zeros(shape_scores))
    assert str(shape_true) in str(info.value) and str(shape_scores) in str(info.value)


@pytest.mark.parametrize("name", ["multiclass_hinge_forward", "multiclass_hinge_backward"])
def test_multiclass_margin_zero_is_accepted_and_negative_is_refused(name):
    """Is a margin of 0 valid (Delta >= 0), and does a negative margin raise a ValueError naming the margin?"""
    y, s = _multiclass_batch(6, 3, np.random.default_rng(RNG_SEED))
    REF[name](y, s, margin=0.0)
    with pytest.raises(ValueError, match="margin"):
        REF[name](y, s, margin=-0.5)


EXPECTED = hidden_answers("04_hinge_loss")


def test_derivation_checks_agree_with_the_reference_functions():
    """Are the hidden values of the derivation checks what the reference backward functions return,
    in batches of the sizes the checks state (N = 5 binary; N = 8, C = 5, margin 1.5 multi-class)?"""
    assert {"derivation_check_binary_subgradient", "derivation_check_multiclass_row"} <= set(EXPECTED)
    rng = np.random.default_rng(RNG_SEED)
    y, s = _binary_batch(5, rng)
    y[3], s[3] = -1, -0.6
    assert REF["hinge_backward"](y, s)[3] == pytest.approx(EXPECTED["derivation_check_binary_subgradient"], rel=1e-12)
    y, s = _multiclass_batch(8, 5, rng)
    y[4], s[4] = 2, [-1.0, 1.5, 1.0, -0.5, 2.1]  # class 3 sits exactly at its kink with margin 1.5
    grad = REF["multiclass_hinge_backward"](y, s, margin=1.5)
    assert grad[4, 2] == pytest.approx(EXPECTED["derivation_check_multiclass_row"], rel=1e-12)


def test_question_1_is_pytorch_multi_margin_loss_at_zero_scores():
    """Is the hidden answer of Question 1 the Weston-Watkins loss at zero scores divided by C = 10 (PyTorch's)?"""
    y = np.arange(7) % 10
    assert REF["multiclass_hinge_forward"](y, np.zeros((7, 10))) / 10 == pytest.approx(EXPECTED["question_1"], rel=1e-12)
