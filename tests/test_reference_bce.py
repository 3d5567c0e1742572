"""The BCE reference solution agrees with scikit-learn and with finite differences."""
import numpy as np
import pytest
from scipy.special import expit
from sklearn.metrics import log_loss

from coursekit.losscheck import numerical_gradient, rel_error
from support.catalog import hidden_answers, reference_functions

REF = reference_functions("01_binary_cross_entropy")
RNG_SEED = 31


@pytest.mark.parametrize("shape", [(50,), (8, 5)])
def test_bce_forward_matches_sklearn_log_loss(shape):
    """Does bce_forward equal sklearn's log_loss on hard labels, to 1e-12 relative?"""
    rng = np.random.default_rng(RNG_SEED)
    y = rng.integers(0, 2, shape).astype(float)
    p = rng.uniform(0.01, 0.99, shape)
    expected = log_loss(y.ravel(), p.ravel(), labels=[0, 1])
    assert REF["bce_forward"](y, p) == pytest.approx(expected, rel=1e-12)


def test_bce_with_logits_matches_sklearn_log_loss_of_sigmoid():
    """Does bce_with_logits_forward(y, z) equal log_loss(y, sigmoid(z)) for moderate logits?"""
    rng = np.random.default_rng(RNG_SEED)
    y = rng.integers(0, 2, 40).astype(float)
    z = rng.normal(0, 3, 40)
    assert REF["bce_with_logits_forward"](y, z) == pytest.approx(log_loss(y, expit(z), labels=[0, 1]), rel=1e-10)


def test_sigmoid_matches_scipy_expit_everywhere():
    """Does sigmoid equal scipy's expit from -1000 to 1000, to 1e-15 relative (subnormals aside)?"""
    z = np.linspace(-1000, 1000, 2001)
    np.testing.assert_allclose(REF["sigmoid"](z), expit(z), rtol=1e-15, atol=1e-300)


@pytest.mark.parametrize("forward,backward,low,high", [
    ("bce_forward", "bce_backward", 0.05, 0.95),
    ("bce_with_logits_forward", "bce_with_logits_backward", -6.0, 6.0),
])
def test_backward_matches_finite_differences(forward, backward, low, high):
    """Does each backward equal a centred finite difference of its forward, to 1e-7 relative?"""
    rng = np.random.default_rng(RNG_SEED)
    y = rng.random((4, 3))
    x = rng.uniform(low, high, (4, 3))
    numeric = numerical_gradient(lambda v: REF[forward](y, v), x)
    assert rel_error(REF[backward](y, x), numeric) < 1e-7


def test_bce_with_logits_is_exact_at_large_logits():
    """Is the logit loss |z| (not a clipped 27.6) for a confidently wrong logit of 1000?"""
    assert REF["bce_with_logits_forward"](np.array([1.0, 0.0]), np.array([-1000.0, 1000.0])) == 1000.0


@pytest.mark.parametrize("name", ["bce_forward", "bce_backward", "bce_with_logits_forward", "bce_with_logits_backward"])
def test_mismatched_shapes_raise_naming_both(name):
    """Does each function refuse (3,) labels against a (3, 1) prediction, naming both shapes, instead of broadcasting?"""
    with pytest.raises(ValueError, match=r"\(3,\).*\(3, 1\)"):
        REF[name](np.array([1.0, 0.0, 1.0]), np.array([[0.9], [0.2], [0.6]]))


def test_broadcasting_would_give_the_wrong_worked_example():
    """Is the broadcast (3,) x (3, 1) loss 0.877 instead of 0.280, as the notebook says?"""
    y, p = np.array([1.0, 0.0, 1.0]), np.array([0.9, 0.2, 0.6])
    table = -(y * np.log(p[:, None]) + (1 - y) * np.log(1 - p[:, None]))
    assert table.mean() == pytest.approx(0.877, abs=5e-4)
    assert REF["bce_forward"](y, p) == pytest.approx(0.2798, abs=5e-5)


def test_sigmoid_keeps_the_negative_tail():
    """Is sigmoid(-40) 4.248e-18 to 1e-12 relative (not the 0 that 1 - sigmoid(40) gives)?"""
    assert REF["sigmoid"](np.array([-40.0]))[0] == pytest.approx(expit(-40.0), rel=1e-12)
    assert 1 - expit(40.0) == 0.0


def test_hard_label_gradient_at_its_own_edge_is_minus_one_over_m():
    """Is the gradient at y = p = 1 about -1/M, not zero, as the model derivation of Task 5.1 says?"""
    g = REF["bce_backward"](np.array([1.0, 1.0]), np.array([1.0, 1.0]))
    np.testing.assert_allclose(g, [-0.5, -0.5], rtol=1e-9)


def test_logit_gradient_survives_saturation():
    """Is the logit gradient (1 - y)/M and -y/M at z = +1000 and -1000, where sigmoid is exactly 1 and 0?"""
    g = REF["bce_with_logits_backward"](np.array([0.25, 0.7]), np.array([1000.0, -1000.0]))
    np.testing.assert_allclose(g, [0.375, -0.35], rtol=1e-12)


EXPECTED = hidden_answers("01_binary_cross_entropy")


def test_derivation_checks_agree_with_the_reference_functions():
    """Are the hidden values of the derivation checks what the reference backward functions return
    (in the batches of M = 3 and M = 2 the checks describe), and the derivative of scipy's expit?"""
    assert {"derivation_check_bce_gradient", "derivation_check_sigmoid",
            "derivation_check_logits_gradient", "question_1"} <= set(EXPECTED)
    grad = REF["bce_backward"](np.array([0.2, 1.0, 0.0]), np.array([0.7, 0.4, 0.9]))
    assert grad[0] == pytest.approx(EXPECTED["derivation_check_bce_gradient"], rel=1e-12)
    dsigmoid = numerical_gradient(lambda z: expit(z)[0], np.array([-2.0]))[0]
    assert dsigmoid == pytest.approx(EXPECTED["derivation_check_sigmoid"], rel=1e-8)
    grad = REF["bce_with_logits_backward"](np.array([0.9, 0.0]), np.array([-0.5, 3.0]))
    assert grad[0] == pytest.approx(EXPECTED["derivation_check_logits_gradient"], rel=1e-12)


def test_question_1_is_the_loss_of_a_constant_prediction_on_balanced_labels():
    """Is the hidden answer of Question 1 the BCE of predictions of 0.8 when half of the hard labels are 1?"""
    for y in ([1.0, 0.0], [0.0, 1.0, 1.0, 0.0]):
        assert REF["bce_forward"](np.array(y), np.full(len(y), 0.8)) == pytest.approx(EXPECTED["question_1"], rel=1e-12)
