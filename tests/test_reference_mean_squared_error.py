"""The MSE reference solution agrees with scikit-learn and with finite differences, and refuses to broadcast."""
import numpy as np
import pytest
from sklearn.metrics import mean_squared_error

from coursekit.losscheck import numerical_gradient, rel_error
from support.catalog import reference_functions

REF = reference_functions("03_mean_squared_error")
RNG_SEED = 33


@pytest.mark.parametrize("shape", [(50,), (12, 3), (9, 1)])
def test_mse_forward_matches_sklearn_mean_squared_error(shape):
    """Does mse_forward equal sklearn's mean_squared_error (uniform average over outputs), to 1e-12 relative?"""
    rng = np.random.default_rng(RNG_SEED)
    y = rng.normal(3.0, 2.0, shape)
    p = y + rng.normal(0.0, 1.0, shape)
    assert REF["mse_forward"](y, p) == pytest.approx(mean_squared_error(y, p), rel=1e-12)


def test_mse_forward_is_mean_of_sklearn_per_output_errors():
    """On (N, D) targets, is mse_forward the mean of sklearn's D per-output MSEs (multioutput='raw_values')?"""
    rng = np.random.default_rng(RNG_SEED)
    y = rng.normal(size=(20, 4))
    p = rng.normal(size=(20, 4))
    per_output = mean_squared_error(y, p, multioutput="raw_values")
    assert per_output.shape == (4,)
    assert REF["mse_forward"](y, p) == pytest.approx(per_output.mean(), rel=1e-12)


def test_mse_forward_returns_python_float():
    """Does mse_forward return a Python float, not an array?"""
    assert type(REF["mse_forward"](np.zeros((3, 2)), np.ones((3, 2)))) is float


@pytest.mark.parametrize("shape", [(6,), (4, 3), (5, 1)])
def test_mse_backward_matches_finite_differences(shape):
    """Does mse_backward equal a centred finite difference of mse_forward, to 1e-7 relative?"""
    rng = np.random.default_rng(RNG_SEED)
    y = rng.normal(size=shape)
    p = rng.normal(size=shape)
    numeric = numerical_gradient(lambda v: REF["mse_forward"](y, v), p)
    grad = REF["mse_backward"](y, p)
    assert grad.shape == shape and grad.dtype == np.float64
    assert rel_error(grad, numeric) < 1e-7


def test_mse_backward_on_integer_inputs_is_float64():
    """Does mse_backward return the exact float64 gradient 2 (p - y) / M for integer arrays?"""
    grad = REF["mse_backward"](np.array([21, 15, 26]), np.array([23, 14, 26]))
    assert grad.dtype == np.float64
    np.testing.assert_allclose(grad, [4 / 3, -2 / 3, 0.0], rtol=1e-15)


def test_mse_forward_on_integer_inputs_equals_float_inputs():
    """Does mse_forward give the same float for integer arrays as for the same values in float64?"""
    y, p = np.array([[21, 12], [15, 8], [26, 15]]), np.array([[23, 13], [14, 8], [26, 14]])
    assert REF["mse_forward"](y, p) == REF["mse_forward"](y.astype(float), p.astype(float)) == 7 / 6


def test_mse_forward_is_exact_for_large_targets():
    """Is mse_forward exact for targets near 1.7e9 with residuals that are multiples of 1/4?"""
    y = 1.7e9 + np.array([12.0, 40.0, 7.0])
    p = y + np.array([0.5, -1.5, 1.0])
    assert REF["mse_forward"](y, p) == (0.25 + 2.25 + 1.0) / 3


@pytest.mark.parametrize("name", ["mse_forward", "mse_backward"])
@pytest.mark.parametrize("shape_true,shape_pred", [((5,), (5, 1)), ((5, 1), (5,)), ((4, 3), (3,)), ((4,), (1, 4)),
                                                   ((3, 1), (1, 3)), ((2, 3), (3, 2)), ((4,), (6,)), ((3, 2), (3, 2, 1))])
def test_mismatched_shapes_raise_value_error_naming_both(name, shape_true, shape_pred):
    """Does each function raise ValueError, naming both shapes, instead of broadcasting mismatched shapes?"""
    with pytest.raises(ValueError) as err:
        REF[name](np.zeros(shape_true), np.zeros(shape_pred))
    assert str(shape_true) in str(err.value) and str(shape_pred) in str(err.value)


@pytest.mark.parametrize("name", ["mse_forward", "mse_backward"])
def test_inputs_are_not_modified(name):
    """Does each function leave its inputs unchanged?"""
    rng = np.random.default_rng(RNG_SEED)
    y, p = rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    y0, p0 = y.copy(), p.copy()
    REF[name](y, p)
    assert np.array_equal(y, y0) and np.array_equal(p, p0)
