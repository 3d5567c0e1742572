"""The quantile-loss reference solution agrees with scikit-learn, with finite differences and with its stated conventions."""
import numpy as np
import pytest
from sklearn.metrics import mean_absolute_error, mean_pinball_loss

from coursekit.losscheck import numerical_gradient, rel_error
from support.catalog import reference_functions

REF = reference_functions("05_quantile_loss")
RNG_SEED = 55
FUNCTIONS = ["quantile_forward", "quantile_backward"]


def _away_from_ties(rng, y, shape, gap=1e-3):
    """Predictions no closer than ``gap`` to their targets (so a step h = 1e-6 never crosses a kink)."""
    p = rng.normal(0.0, 2.0, shape)
    too_close = np.abs(p - np.broadcast_to(y, shape)) < gap
    return np.where(too_close, p + 2 * gap, p)


@pytest.mark.parametrize("tau", [0.1, 0.37, 0.9])
@pytest.mark.parametrize("shape", [(50,), (8, 5)])
def test_quantile_forward_matches_sklearn_mean_pinball_loss(tau, shape):
    """Does quantile_forward equal sklearn's mean_pinball_loss for a float tau, to 1e-12 relative?"""
    rng = np.random.default_rng(RNG_SEED)
    y = rng.normal(0.0, 3.0, shape)
    p = rng.normal(0.0, 3.0, shape)
    # for 2-D inputs sklearn averages the column means, which is the mean over all elements
    assert REF["quantile_forward"](y, p, tau) == pytest.approx(mean_pinball_loss(y, p, alpha=tau), rel=1e-12)


def test_quantile_forward_with_levels_matches_sklearn_column_by_column():
    """With tau of shape (Q,), is quantile_forward the mean of sklearn's loss of each column at its level?"""
    rng = np.random.default_rng(RNG_SEED)
    tau = np.array([0.05, 0.25, 0.5, 0.75, 0.95])
    y = rng.normal(size=40)
    p = rng.normal(size=(40, tau.size))
    expected = np.mean([mean_pinball_loss(y, p[:, q], alpha=t) for q, t in enumerate(tau)])
    assert REF["quantile_forward"](y, p, tau) == pytest.approx(expected, rel=1e-12)


def test_quantile_forward_at_one_half_is_half_the_mean_absolute_error():
    """Is the loss at tau = 0.5 exactly half of sklearn's mean_absolute_error?"""
    rng = np.random.default_rng(RNG_SEED)
    y, p = rng.normal(size=30), rng.normal(size=30)
    assert REF["quantile_forward"](y, p, 0.5) == pytest.approx(0.5 * mean_absolute_error(y, p), rel=1e-12)


@pytest.mark.parametrize("tau", [0.2, 0.5, 0.8])
def test_best_constant_is_the_sample_quantile(tau):
    """Among all constant predictions, does the forward's minimiser equal np.quantile (inverted_cdf), the ceil(N tau)-th value?"""
    rng = np.random.default_rng(RNG_SEED)
    y = rng.exponential(size=99)  # 99 * tau is never an integer here, so the minimiser is unique
    losses = [REF["quantile_forward"](y, np.full_like(y, c), tau) for c in y]
    best = y[int(np.argmin(losses))]
    assert best == np.quantile(y, tau, method="inverted_cdf") == np.sort(y)[int(np.ceil(99 * tau)) - 1]


def test_minimiser_is_an_interval_when_n_tau_is_an_integer():
    """When N tau = k is an integer, is the loss flat on [y_(k), y_(k+1)], with inverted_cdf at its left end (Task 2.1)?"""
    y = np.array([1.0, 2.0, 3.0, 4.0, 10.0])
    tau = 0.4  # N tau = 2: every c in [2, 3] minimises
    loss = lambda c: REF["quantile_forward"](y, np.full_like(y, c), tau)
    flat = [loss(c) for c in np.linspace(2.0, 3.0, 11)]
    assert max(flat) - min(flat) < 1e-12
    assert loss(1.99) > flat[0] + 1e-6 and loss(3.01) > flat[0] + 1e-6
    assert np.quantile(y, tau, method="inverted_cdf") == 2.0


def test_subgradient_condition_of_task_2_1():
    """Is c a minimiser exactly when F_N(c-) <= tau <= F_N(c), on the sample of question 4?"""
    y = np.array([1.0, 2.0, 3.0, 4.0, 100.0])
    for tau in (0.5, 0.9, 0.3):
        values = [REF["quantile_forward"](y, np.full_like(y, c), tau) for c in y]
        minimal = np.isclose(values, min(values), rtol=0, atol=1e-12)
        condition = [(np.mean(y < c) <= tau <= np.mean(y <= c)) for c in y]
        assert list(minimal) == condition


def test_derivation_checks_follow_from_the_reference():
    """Are the hidden answers of the derivation checks what the reference functions give: the gradient entry of
    Task 5.1, and on the sample of Task 2.1 the slope just right of a = 5 and the minimiser?"""
    # Task 5.1: y = 3, y_pred = 2.5 (too low), tau = 0.7, one of M = 4 predictions
    y, p = np.array([3.0, 0.0, 0.0, 0.0]), np.array([2.5, 1.0, -1.0, 0.0])
    assert REF["quantile_backward"](y, p, 0.7)[0] == pytest.approx(-0.175, rel=1e-12)
    # Task 2.1: y = (2, 9, 4, 7, 1, 5, 8, 12), tau = 0.7; the loss is linear just right of a = 5
    sample = np.array([2.0, 9.0, 4.0, 7.0, 1.0, 5.0, 8.0, 12.0])
    loss = lambda a: REF["quantile_forward"](sample, np.full_like(sample, a), 0.7)  # noqa: E731
    assert (loss(5.5) - loss(5.0)) / 0.5 == pytest.approx(-0.2, rel=1e-9)
    values = [loss(a) for a in sample]
    assert sample[int(np.argmin(values))] == 8.0 == np.quantile(sample, 0.7, method="inverted_cdf")
    assert min(loss(a) for a in np.linspace(0.0, 13.0, 1301)) >= loss(8.0) - 1e-12


def test_loss_charges_tau_below_and_one_minus_tau_above():
    """With r = y_pred - y_true, does a prediction 1 too low cost tau and one 1 too high cost 1 - tau?"""
    assert REF["quantile_forward"](np.array([1.0]), np.array([0.0]), 0.9) == pytest.approx(0.9)
    assert REF["quantile_forward"](np.array([0.0]), np.array([1.0]), 0.9) == pytest.approx(0.1)
    assert REF["quantile_backward"](np.array([1.0]), np.array([0.0]), 0.9)[0] == pytest.approx(-0.9)
    assert REF["quantile_backward"](np.array([0.0]), np.array([1.0]), 0.9)[0] == pytest.approx(0.1)


def test_levels_equal_the_float_loss_of_each_column():
    """Is the loss with Q levels the mean over q of the float-tau loss of column q, and its gradient column q's / Q?"""
    rng = np.random.default_rng(RNG_SEED)
    tau = np.array([0.1, 0.6, 0.9])
    y, p = rng.normal(size=7), rng.normal(size=(7, 3))
    per_column = [REF["quantile_forward"](y, p[:, q], t) for q, t in enumerate(tau)]
    assert REF["quantile_forward"](y, p, tau) == pytest.approx(np.mean(per_column), rel=1e-12)
    grads = np.column_stack([REF["quantile_backward"](y, p[:, q], t) for q, t in enumerate(tau)]) / 3
    np.testing.assert_allclose(REF["quantile_backward"](y, p, tau), grads, rtol=1e-12)


@pytest.mark.parametrize("tau", [0.15, 0.5, 0.85, np.array([0.1, 0.5, 0.9])])
def test_quantile_backward_matches_finite_differences_away_from_ties(tau):
    """Does quantile_backward equal a centred finite difference of quantile_forward, to 1e-7 relative, away from ties?"""
    rng = np.random.default_rng(RNG_SEED)
    if np.ndim(tau) == 0:
        y = rng.normal(0.0, 2.0, (4, 3))
        p = _away_from_ties(rng, y, (4, 3))
    else:
        y = rng.normal(0.0, 2.0, 6)
        p = _away_from_ties(rng, y[:, None], (6, tau.size))
    numeric = numerical_gradient(lambda v: REF["quantile_forward"](y, v, tau), p)
    analytic = REF["quantile_backward"](y, p, tau)
    assert analytic.dtype == np.float64 and analytic.shape == p.shape
    assert rel_error(analytic, numeric) < 1e-7


def test_quantile_backward_is_zero_exactly_at_ties():
    """Is the gradient exactly 0 where y_pred == y_true, and -tau/N or (1 - tau)/N elsewhere (integer inputs included)?"""
    y = np.array([3, 1, 2, 2])
    p = np.array([3, 2, 2, 0])
    grad = REF["quantile_backward"](y, p, 0.7)
    assert grad.dtype == np.float64
    assert grad[0] == 0.0 and grad[2] == 0.0
    np.testing.assert_allclose(grad, np.array([0.0, 0.3, 0.0, -0.7]) / 4, rtol=1e-12, atol=0)


def test_finite_difference_at_a_tie_is_the_average_slope():
    """Exactly at a tie, is the centred difference (1/2 - tau) / M, a subgradient between -tau/M and (1 - tau)/M?"""
    y, p, tau = np.array([2.0, 5.0, 1.0]), np.array([2.0, 4.0, 3.0]), 0.8
    numeric = numerical_gradient(lambda v: REF["quantile_forward"](y, v, tau), p)
    assert numeric[0] == pytest.approx((0.5 - tau) / 3, rel=1e-6)
    assert -tau / 3 <= numeric[0] <= (1 - tau) / 3


def test_quantile_functions_leave_their_inputs_unmodified():
    """Do both reference functions leave y_true, y_pred and tau unchanged?"""
    rng = np.random.default_rng(RNG_SEED)
    y, p, tau = rng.normal(size=5), rng.normal(size=(5, 2)), np.array([0.3, 0.6])
    copies = [y.copy(), p.copy(), tau.copy()]
    for name in FUNCTIONS:
        REF[name](y, p, tau)
        for before, after in zip(copies, (y, p, tau)):
            np.testing.assert_array_equal(before, after)
        assert y.shape == (5,)


@pytest.mark.parametrize("name", FUNCTIONS)
@pytest.mark.parametrize("tau", [0.0, 1.0, -0.5, 1.5, np.array([0.2, 1.0]), np.array([0.0, 0.5])])
def test_tau_outside_open_interval_raises_value_error(name, tau):
    """Does any tau outside (0, 1) raise a ValueError whose message names tau?"""
    q = np.size(tau)
    y = np.array([1.0, 2.0])
    p = np.full((2, q), 1.5) if np.ndim(tau) else np.array([1.5, 1.5])
    with pytest.raises(ValueError, match="tau"):
        REF[name](y, p, tau)


SHAPE_CASES = [((3,), (3, 1), 0.9), ((3, 1), (3,), 0.9), ((4, 3), (3,), 0.3), ((2, 3), (3, 2), 0.3),
               ((4,), (4,), np.array([0.1, 0.2, 0.5, 0.9])), ((4, 1), (4, 3), np.array([0.1, 0.5, 0.9])),
               ((5,), (4, 3), np.array([0.1, 0.5, 0.9])), ((4,), (4, 3), np.array([0.1, 0.3, 0.5, 0.7, 0.9]))]


@pytest.mark.parametrize("name", FUNCTIONS)
@pytest.mark.parametrize("shape_true,shape_pred,tau", SHAPE_CASES)
def test_shapes_that_do_not_fit_raise_naming_both(name, shape_true, shape_pred, tau):
    """Does every pair of shapes other than (equal, float tau) and ((N,), (N, Q)) raise a ValueError naming both shapes?"""
    with pytest.raises(ValueError) as err:
        REF[name](np.zeros(shape_true), np.ones(shape_pred), tau)
    assert str(shape_true) in str(err.value) and str(shape_pred) in str(err.value)
    if np.ndim(tau):
        assert str(np.size(tau)) in str(err.value)


def test_the_broadcasting_example_of_section_2():
    """Would broadcasting (3,) against (3, 1) really give 1.9111 instead of 1.4667, as section 2 says?"""
    y = np.array([24.0, 35.0, 28.0])
    p = np.array([[26.0], [31.0], [34.0]])
    r_table = p - y  # (3, 3): what NumPy would do
    assert np.mean(np.maximum(0.1 * r_table, -0.9 * r_table)) == pytest.approx(1.911111, abs=1e-6)
    assert REF["quantile_forward"](y, p[:, 0], 0.9) == pytest.approx(1.466667, abs=1e-6)
    with pytest.raises(ValueError):
        REF["quantile_forward"](y, p, 0.9)
