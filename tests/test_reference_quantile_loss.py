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
    too_close = np.abs(np.broadcast_to(y, shape) - p) < gap
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
    """Among all constant predictions, does the forward's minimiser equal np.quantile (inverted_cdf)?"""
    rng = np.random.default_rng(RNG_SEED)
    y = rng.exponential(size=99)  # 99 * tau is never an integer here, so the minimiser is unique
    losses = [REF["quantile_forward"](y, np.full_like(y, c), tau) for c in y]
    assert y[int(np.argmin(losses))] == np.quantile(y, tau, method="inverted_cdf")


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
