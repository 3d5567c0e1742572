"""The robust-regression reference solution agrees with scikit-learn, SciPy, PyTorch's documented formulas
(written out here with NumPy), high-precision arithmetic, finite differences and its stated conventions."""
import numpy as np
import pytest
from scipy.special import huber as scipy_huber
from scipy.special import pseudo_huber
from sklearn.metrics import mean_absolute_error

from coursekit.losscheck import numerical_gradient, rel_error
from support.catalog import reference_functions

REF = reference_functions("06_robust_regression")
RNG_SEED = 66
SHAPES = [(50,), (8, 5), (2, 3, 4)]


def _batch(shape, scale=2.0, seed=RNG_SEED):
    rng = np.random.default_rng(seed)
    y = rng.normal(0.0, 3.0, shape)
    return y, y + rng.standard_t(2, shape) * scale  # heavy tails: residuals on both sides of every threshold


# -------------------------------------------------------------------------------------------
# MAE
# -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("shape", SHAPES)
def test_mae_forward_matches_sklearn_mean_absolute_error(shape):
    """Is mae_forward scikit-learn's mean_absolute_error (column means averaged = mean over all elements), to 1e-12?"""
    y, p = _batch(shape)
    expected = mean_absolute_error(y.reshape(shape[0], -1), p.reshape(shape[0], -1))
    assert REF["mae_forward"](y, p) == pytest.approx(expected, rel=1e-12)


def test_best_constant_under_mae_is_the_median():
    """Does the constant with the smallest MAE among the data points equal np.median (N odd), and is MAE flat
    between the two middle values (N even), with np.median in that interval?"""
    rng = np.random.default_rng(RNG_SEED)
    y = rng.lognormal(0.0, 1.0, 101)
    losses = [REF["mae_forward"](y, np.full_like(y, a)) for a in y]
    assert y[int(np.argmin(losses))] == np.median(y)
    y = np.array([1.0, 2.0, 4.0, 7.0, 100.0, 3.0])  # middle values 3 and 4
    flat = [REF["mae_forward"](y, np.full_like(y, a)) for a in np.linspace(3.0, 4.0, 11)]
    assert max(flat) - min(flat) < 1e-12
    assert REF["mae_forward"](y, np.full_like(y, 2.99)) > flat[0] + 1e-6
    assert REF["mae_forward"](y, np.full_like(y, np.median(y))) == pytest.approx(flat[0], rel=1e-12)


def test_mae_backward_is_sign_over_m_and_zero_at_ties():
    """Is mae_backward sign(r) / M, exactly 0 at ties, float64 also for integer inputs?"""
    y = np.array([[3, 1], [2, 2]])
    p = np.array([[3, 2], [0, 2]])
    grad = REF["mae_backward"](y, p)
    assert grad.dtype == np.float64 and grad.shape == (2, 2)
    np.testing.assert_array_equal(grad, np.array([[0.0, 0.25], [-0.25, 0.0]]))


def test_mae_backward_with_ties_divides_by_every_prediction():
    """With ties in the batch, is every untied entry sign(r) / M with M = y_pred.size (ties counted), as the check cell
    prints ([0, 1/3, -1/3]) and mae_backward_values checks, and not sign(r) / (number of untied entries)?"""
    grad = REF["mae_backward"](np.array([1, 2, 3]), np.array([1, 5, 0]))
    np.testing.assert_allclose(grad, [0.0, 1 / 3, -1 / 3], rtol=1e-15, atol=0)
    rng = np.random.default_rng(RNG_SEED)
    y, p = rng.normal(size=(4, 5)), rng.normal(size=(4, 5))
    tied = rng.random((4, 5)) < 0.4
    p[tied] = y[tied]
    grad = REF["mae_backward"](y, p)
    np.testing.assert_array_equal(grad[tied], 0.0)
    np.testing.assert_array_equal(grad[~tied], np.sign(p - y)[~tied] / 20)


def test_finite_difference_at_an_mae_tie_is_zero():
    """Exactly at a tie, is the centred difference of MAE 0 (the average of -1/M and 1/M), the course's value?"""
    y, p = np.array([2.0, 5.0, 1.0]), np.array([2.0, 4.0, 3.0])
    numeric = numerical_gradient(lambda v: REF["mae_forward"](y, v), p)
    assert abs(numeric[0]) < 1e-9 and REF["mae_backward"](y, p)[0] == 0.0


# -------------------------------------------------------------------------------------------
# Huber
# -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("delta", [0.1, 0.5, 1.0, 1.35, 3.7])
@pytest.mark.parametrize("shape", SHAPES)
def test_huber_forward_matches_scipy_special_huber(shape, delta):
    """Is huber_forward the mean of scipy.special.huber(delta, r), which is the course's Huber loss per element, to 1e-12?"""
    y, p = _batch(shape)
    assert REF["huber_forward"](y, p, delta) == pytest.approx(float(np.mean(scipy_huber(delta, p - y))), rel=1e-12)


def test_huber_is_not_scipy_pseudo_huber():
    """Is scipy.special.pseudo_huber a different loss (so not an oracle), though close for small residuals?"""
    r = np.array([3.0])
    assert REF["huber_forward"](np.zeros(1), r, 1.0) != pytest.approx(float(pseudo_huber(1.0, r)[0]), rel=1e-3)
    small = np.array([1e-3])
    assert REF["huber_forward"](np.zeros(1), small, 1.0) == pytest.approx(float(pseudo_huber(1.0, small)[0]), rel=1e-5)


def _torch_huber_loss(input, target, delta):
    """torch.nn.HuberLoss(delta=delta), reduction='mean', from PyTorch's documentation:
    0.5 (x - y)^2 if |x - y| < delta, else delta * (|x - y| - 0.5 * delta)."""
    d = np.abs(input - target)
    return float(np.mean(np.where(d < delta, 0.5 * d ** 2, delta * (d - 0.5 * delta))))


def _torch_smooth_l1_loss(input, target, beta):
    """torch.nn.SmoothL1Loss(beta=beta), reduction='mean', from PyTorch's documentation:
    0.5 (x - y)^2 / beta if |x - y| < beta, else |x - y| - 0.5 * beta."""
    d = np.abs(input - target)
    return float(np.mean(np.where(d < beta, 0.5 * d ** 2 / beta, d - 0.5 * beta)))


@pytest.mark.parametrize("delta", [0.25, 1.0, 2.0, 5.0])
def test_huber_forward_is_pytorch_huber_loss_and_delta_times_smooth_l1(delta):
    """Is huber_forward PyTorch's HuberLoss(delta), and delta * SmoothL1Loss(beta=delta), by their documented formulas?"""
    y, p = _batch((40, 3))
    ours = REF["huber_forward"](y, p, delta)
    assert ours == pytest.approx(_torch_huber_loss(p, y, delta), rel=1e-12)
    assert ours == pytest.approx(delta * _torch_smooth_l1_loss(p, y, delta), rel=1e-12)


def test_huber_and_smooth_l1_coincide_only_at_one():
    """Do HuberLoss and SmoothL1Loss agree at delta = beta = 1 and differ at 2, as section 9 says?"""
    y, p = _batch((30,))
    assert _torch_huber_loss(p, y, 1.0) == pytest.approx(_torch_smooth_l1_loss(p, y, 1.0), rel=1e-12)
    assert _torch_huber_loss(p, y, 2.0) != pytest.approx(_torch_smooth_l1_loss(p, y, 2.0), rel=1e-3)


def test_huber_at_the_threshold_is_continuous_and_differentiable():
    """At |r| == delta, do both parts give the value delta**2 / 2 and the slope +-delta (the stated behaviour)?"""
    for delta in (0.5, 1.0, 3.0):
        for r in (delta, -delta):
            assert REF["huber_forward"](np.zeros(1), np.array([r]), delta) == pytest.approx(0.5 * delta ** 2, rel=1e-15)
            assert REF["huber_backward"](np.zeros(1), np.array([r]), delta)[0] == pytest.approx(r, rel=1e-15)
            left = REF["huber_forward"](np.zeros(1), np.array([r * (1 - 1e-9)]), delta)
            right = REF["huber_forward"](np.zeros(1), np.array([r * (1 + 1e-9)]), delta)
            assert (right - left) / (2e-9 * abs(r)) == pytest.approx(abs(r), rel=1e-5)


@pytest.mark.parametrize("delta", [0.3, 1.0, 2.5])
def test_huber_backward_is_the_clipped_residual_and_matches_finite_differences(delta):
    """Is huber_backward clip(r, -delta, delta) / M, and a centred difference of huber_forward away from |r| = delta?"""
    y, p = _batch((5, 4))
    assert np.min(np.abs(np.abs(p - y) - delta)) > 1e-4
    grad = REF["huber_backward"](y, p, delta)
    np.testing.assert_allclose(grad, np.clip(p - y, -delta, delta) / p.size, rtol=1e-15, atol=0)
    numeric = numerical_gradient(lambda v: REF["huber_forward"](y, v, delta), p)
    assert grad.dtype == np.float64 and rel_error(grad, numeric) < 1e-7


@pytest.mark.parametrize("delta", [0.1, 0.5, 3.7])
def test_huber_scaling_used_by_the_delta_cells(delta):
    """Does the reference obey huber(y, p, d) = d**2 huber(y/d, p/d) and its gradient d * grad(y/d, p/d), with no absolute
    tolerance, are its results at delta = 1 far above the cells' floor of 1e-6, and do they differ from its results with
    every prediction exact (0 there), as the delta cells require?"""
    y, p = _batch((6, 3))
    assert REF["huber_forward"](y, p, delta) == pytest.approx(delta ** 2 * REF["huber_forward"](y / delta, p / delta), rel=1e-12)
    np.testing.assert_allclose(REF["huber_backward"](y, p, delta), delta * REF["huber_backward"](y / delta, p / delta),
                               rtol=1e-12, atol=0)
    assert abs(REF["huber_forward"](y / delta, p / delta)) > 1e-6
    assert np.max(np.abs(REF["huber_backward"](y / delta, p / delta))) > 1e-6
    assert REF["huber_forward"](y / delta, y / delta) == 0.0
    np.testing.assert_array_equal(REF["huber_backward"](y / delta, y / delta), np.zeros(y.shape))


# -------------------------------------------------------------------------------------------
# log-cosh
# -------------------------------------------------------------------------------------------
def _log_cosh_exact(r):
    """log(cosh(r)) to about 50 digits: with mpmath if installed, else with the standard library's decimal."""
    try:
        import mpmath
    except ImportError:
        from decimal import Decimal, localcontext

        with localcontext() as ctx:
            ctx.prec = 60
            d = Decimal(r)
            return float(((d.exp() + (-d).exp()) / 2).ln())
    with mpmath.workdps(50):
        return float(mpmath.log(mpmath.cosh(mpmath.mpf(r))))


@pytest.mark.parametrize("r", [0.1, 0.5, -3.0, 20.0, 709.0, -1000.0, 1000.0, 5000.0, 1e6])
def test_log_cosh_forward_is_accurate_away_from_zero(r):
    """Is log_cosh_forward of one residual within 1e-14 (relative) of a 50-digit log(cosh(r)), overflow-free at |r| = 1000?"""
    got = REF["log_cosh_forward"](np.zeros(1), np.array([r]))
    assert np.isfinite(got) and got == pytest.approx(_log_cosh_exact(r), rel=1e-14)


@pytest.mark.parametrize("r", [1e-8, -1e-5, 1e-3, 0.0])
def test_log_cosh_forward_near_zero_is_accurate_in_absolute_terms(r):
    """Near 0, is the stable form within 2e-16 (absolute) of log(cosh(r)), as section 11 says (not relatively)?"""
    got = REF["log_cosh_forward"](np.zeros(1), np.array([r]))
    assert abs(got - _log_cosh_exact(r)) <= 2e-16


def test_log_cosh_near_zero_loses_relative_accuracy_as_section_11_says():
    """At r = 1e-8, does the stable form return about 1.1e-16 where log cosh(r) is 5e-17 (the notebook's numbers)?"""
    got = REF["log_cosh_forward"](np.zeros(1), np.array([1e-8]))
    assert got == pytest.approx(1.1e-16, rel=0.01) and _log_cosh_exact(1e-8) == pytest.approx(5e-17, rel=1e-6)


def test_log_cosh_at_1000_is_1000_minus_log_2():
    """Is log cosh(+-1000) = 1000 - log 2 (the stated value of the model answer of Task 5.1), and the mean of a mixed batch right?"""
    assert REF["log_cosh_forward"](np.array([1000.0]), np.array([0.0])) == pytest.approx(1000 - np.log(2), rel=1e-15)
    r = np.array([0.5, -2.0, 3.0, 1000.0])
    expected = np.mean([_log_cosh_exact(v) for v in r])
    assert REF["log_cosh_forward"](np.zeros(4), r) == pytest.approx(expected, rel=1e-14)


@pytest.mark.parametrize("r", [6.5, -12.0, 19.9, 20.0, -25.0, 33.3, -39.5, 40.0])
def test_log_cosh_between_6_and_40_matches_the_graded_expected_values(r):
    """From 6 to 40 in size, where the values cells now look, do the reference, np.log(np.cosh(r)) and the hidden tests'
    np.logaddexp(r, -r) - log 2 all agree with a 50-digit log(cosh(r)) to 1e-14, and is tanh(r) the exact derivative?"""
    exact = _log_cosh_exact(r)
    assert REF["log_cosh_forward"](np.zeros(1), np.array([r])) == pytest.approx(exact, rel=1e-14)
    assert float(np.log(np.cosh(r))) == pytest.approx(exact, rel=1e-14)
    assert float(np.logaddexp(r, -r) - np.log(2.0)) == pytest.approx(exact, rel=1e-14)
    assert REF["log_cosh_backward"](np.zeros(1), np.array([r]))[0] == pytest.approx(np.tanh(r), rel=1e-15)


LARGE_WINDOW = [60.0, 360.0, -500.0, 709.875, -710.5, 710.75, -711.0, 730.0]


@pytest.mark.parametrize("r", [[1000.0], [-5000.0], [0.5, -2.0, 1000.0, -3000.0], [3.0, -750.0, 0.25, 5000.0, -1.5],
                               *[[v] for v in LARGE_WINDOW], [0.5, 400.0, -710.75]])
def test_log_cosh_large_cells_relations_hold_for_the_reference(r):
    """Do the relations of the _large cells hold for the reference to 1e-12: the loss equals the loss with the far residuals
    at +-30 plus the slope there (31 minus 30) times the total distance moved, and the gradient equals, entry by entry,
    the gradient with the far residuals at +-30; and are both right against 50 digits and tanh?"""
    r = np.array(r)
    far = np.abs(r) >= 40.0
    near = np.where(far, 30.0 * np.sign(r), r)
    step = near.copy()
    first = int(np.argmax(far))
    step[first] = 31.0 * np.sign(r[first])
    f = lambda v: REF["log_cosh_forward"](np.zeros(v.size), v)  # noqa: E731
    slope = f(step) - f(near)
    assert slope == pytest.approx(1.0 / r.size, rel=1e-12)
    assert f(r) == pytest.approx(f(near) + slope * float(np.sum(np.abs(r[far]) - 30.0)), rel=1e-12)
    assert f(r) == pytest.approx(np.mean([_log_cosh_exact(v) for v in r]), rel=1e-14)
    grad = REF["log_cosh_backward"](np.zeros(r.size), r)
    np.testing.assert_array_equal(grad, REF["log_cosh_backward"](np.zeros(r.size), near))
    np.testing.assert_array_equal(grad, np.tanh(r) / r.size)


def test_the_large_window_is_exact_in_float32_and_catches_the_guards_placed_too_far_out():
    """Are the residuals of the _large cells' window exact in float32, and does it hold residuals where e^{2|r|}
    overflows (354.9 < |r| <= 710) and where np.cosh does (710.48 < |r| < 711), the ranges of the catalog's overflow
    guards, while the values cells stop at 40, where the _large cells start?"""
    window = np.array(LARGE_WINDOW + [400.0, -710.75])
    np.testing.assert_array_equal(window.astype(np.float32).astype(np.float64), window)
    with np.errstate(over="ignore"):
        assert np.any(np.isinf(np.exp(2.0 * np.abs(window))) & (np.abs(window) <= 710.0))
        assert np.any(np.isinf(np.cosh(window)) & (np.abs(window) < 711.0))
    assert min(np.abs(window)) >= 40.0 and float(np.log(np.cosh(40.0))) == pytest.approx(40.0 - np.log(2.0), rel=1e-16)


def test_the_forward_large_tolerance_follows_the_type_returned():
    """Is the _large cell's tolerance 1e-9 for float64 results and 16 float32 roundings (about 1.9e-6) for float32, and
    does the float32 rounding of the reference's loss stay within it at the cell's largest residual (5000)?"""
    tolerance = lambda kind: max(1e-9, 16.0 * float(np.finfo(kind).eps))  # noqa: E731
    assert tolerance(np.float64) == 1e-9 and tolerance(np.float32) == pytest.approx(1.9e-6, rel=0.01)
    for r in [5000.0, 709.875, 60.0]:
        exact = REF["log_cosh_forward"](np.zeros(1), np.array([r]))
        assert abs(float(np.float32(exact)) - exact) <= tolerance(np.float32) * exact / 16


def test_a_whole_batch_fallback_differs_from_the_reference_in_a_mixed_batch():
    """In the mixed batch of the _large cells, does |r| - log 2 for every entry (forward) or sign(r) / M (backward)
    differ from the reference by far more than the cells' relative 1e-9?"""
    r = np.array([0.5, -2.0, 1000.0, -3000.0])
    loss = REF["log_cosh_forward"](np.zeros(4), r)
    assert abs(loss - (np.mean(np.abs(r)) - np.log(2.0))) > 1e-6 * loss
    grad = REF["log_cosh_backward"](np.zeros(4), r)
    assert np.max(np.abs(grad - np.sign(r) / 4)) > 0.01


@pytest.mark.parametrize("shape", SHAPES)
def test_log_cosh_backward_is_tanh_over_m_and_matches_finite_differences(shape):
    """Is log_cosh_backward tanh(r) / M, and a centred difference of log_cosh_forward, to 1e-7?"""
    y, p = _batch(shape, scale=1.0)
    grad = REF["log_cosh_backward"](y, p)
    np.testing.assert_allclose(grad, np.tanh(p - y) / p.size, rtol=1e-15, atol=0)
    numeric = numerical_gradient(lambda v: REF["log_cosh_forward"](y, v), p)
    assert grad.dtype == np.float64 and grad.shape == p.shape and rel_error(grad, numeric) < 1e-7


def test_log_cosh_backward_is_finite_and_saturated_far_away():
    """At |r| = 1000 and beyond, is the gradient exactly +-1/M (no nan from sinh / cosh)?"""
    grad = REF["log_cosh_backward"](np.zeros(4), np.array([1000.0, -1000.0, 1e6, -750.0]))
    np.testing.assert_array_equal(grad, np.array([1.0, -1.0, 1.0, -1.0]) / 4)


def test_derivation_checks_follow_from_the_reference():
    """Are the hidden answers of the derivation checks what the reference and the closed forms give?"""
    # Task 3.1 at b = 0.4: mean Laplace NLL = L / b + log(2b), checked against the density itself
    y, p, b = np.array([1.0, -2.0, 0.5]), np.array([0.2, -1.0, 0.5]), 0.4
    nll = -np.mean(np.log(np.exp(-np.abs(y - p) / b) / (2 * b)))
    assert nll == pytest.approx(2.5 * REF["mae_forward"](y, p) + np.log(0.8), rel=1e-12)
    assert REF["huber_forward"](np.array([4.0]), np.array([0.0]), 1.5) == pytest.approx(4.875, rel=1e-15)
    assert REF["huber_backward"](np.array([2.0, 0.0, 0.0, 0.0]), np.array([-1.0, 0.0, 0.0, 0.0]), 1.5)[0] == -0.375
    assert REF["log_cosh_backward"](np.array([1.0, 0.0]), np.array([1.5, 0.0]))[0] == pytest.approx(np.tanh(0.5) / 2)
    # Check 5.1: log cosh(r) - |r| at r = -1, against 50 digits; the wrong bracket 1 + e^{-|r|} differs at 4 digits
    rest = REF["log_cosh_forward"](np.array([1.0]), np.array([0.0])) - 1.0
    assert rest == pytest.approx(-0.5662191695169728, rel=1e-12) and _log_cosh_exact(-1.0) - 1.0 == pytest.approx(rest, rel=1e-12)
    assert abs(np.log1p(np.exp(-1.0)) - np.log(2) - rest) > 0.1
    # question 1: SmoothL1Loss(beta=2) is HuberLoss(delta=2) / 2, so its gradient is half as large
    y, p = _batch((20,))
    g_huber = numerical_gradient(lambda v: _torch_huber_loss(v, y, 2.0), p)
    g_smooth = numerical_gradient(lambda v: _torch_smooth_l1_loss(v, y, 2.0), p)
    np.testing.assert_allclose(0.1 * g_smooth, 0.05 * g_huber, rtol=1e-6, atol=1e-12)
    # question 2: huber(r, delta) / delta tends to |r| as delta shrinks
    r = np.array([0.7, -2.0])
    assert REF["huber_forward"](np.zeros(2), r, 1e-9) / 1e-9 == pytest.approx(np.mean(np.abs(r)), rel=1e-6)


# -------------------------------------------------------------------------------------------
# The contract
# -------------------------------------------------------------------------------------------
CALLS = [("mae_forward", ()), ("mae_backward", ()), ("huber_forward", (0.7,)), ("huber_backward", (0.7,)),
         ("log_cosh_forward", ()), ("log_cosh_backward", ())]


@pytest.mark.parametrize("name,extra", CALLS)
def test_reference_leaves_inputs_unmodified_and_accepts_integers(name, extra):
    """Does every function leave y_true and y_pred unchanged, and give a float / float64 result for integer input?"""
    y, p = _batch((4, 3))
    y0, p0 = y.copy(), p.copy()
    REF[name](y, p, *extra)
    np.testing.assert_array_equal(y, y0)
    np.testing.assert_array_equal(p, p0)
    out = REF[name](np.array([1, 2, 3]), np.array([3, 2, 0]), *extra)
    if name.endswith("forward"):
        assert type(out) is float
    else:
        assert out.dtype == np.float64 and out.shape == (3,)


@pytest.mark.parametrize("name,extra", CALLS)
@pytest.mark.parametrize("shapes", [((5,), (5, 1)), ((4, 3), (3,)), ((2, 3), (3, 2))])
def test_reference_refuses_mismatched_shapes_naming_both(name, extra, shapes):
    """Does every function raise ValueError naming both shapes instead of broadcasting?"""
    with pytest.raises(ValueError) as err:
        REF[name](np.zeros(shapes[0]), np.zeros(shapes[1]), *extra)
    assert str(shapes[0]) in str(err.value) and str(shapes[1]) in str(err.value)


@pytest.mark.parametrize("name", ["huber_forward", "huber_backward"])
@pytest.mark.parametrize("delta", [0.0, -1.0, -1e-12])
def test_huber_refuses_a_delta_that_is_not_positive(name, delta):
    """Does a delta <= 0 raise ValueError mentioning delta?"""
    with pytest.raises(ValueError, match="delta"):
        REF[name](np.zeros(3), np.ones(3), delta)
