"""The hinge-loss reference solution agrees with scikit-learn, plain loops and finite differences."""
import numpy as np
import pytest
from sklearn.metrics import hinge_loss

from coursekit.losscheck import numerical_gradient, rel_error
from support.catalog import reference_functions

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
@pytest.mark.parametrize("labels", [[0, 1, 1, 0], [0.0, 0.0, 0.0, 0.0], [1, -1, 2, 1], [1.0, -1.0, 0.5, -1.0]])
def test_bad_binary_labels_raise_value_error(name, labels):
    """Do labels outside {-1, +1} raise a ValueError whose message suggests 2*y - 1?"""
    with pytest.raises(ValueError, match=r"2\*y - 1"):
        REF[name](np.array(labels), np.linspace(-1.0, 1.0, 4))
