"""The 07_beyond_one_hot reference solution agrees with SciPy, scikit-learn, the formulas PyTorch and torchvision
document (written here independently, without PyTorch), finite differences and its stated conventions."""
import numpy as np
import pytest
from scipy.optimize import minimize_scalar
from scipy.special import expit, kl_div, log_expit, log_softmax, rel_entr, softmax
from scipy.stats import entropy
from sklearn.calibration import calibration_curve
from sklearn.metrics import log_loss

from coursekit.losscheck import numerical_gradient, rel_error
from support.catalog import reference_functions

ASSIGNMENT = "07_beyond_one_hot"
REF = reference_functions(ASSIGNMENT)  # with the locked helpers (softmax_rows, log_softmax_rows, expit) it calls
RNG_SEED = 77


def _distributions(rng, n, c, concentration=2.0):
    return rng.dirichlet(np.full(c, concentration), n)


# -------------------------------------------------------------------------------------------
# KL divergence
# -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("n,c", [(6, 3), (4, 7), (10, 2)])
def test_kl_div_forward_matches_scipy(n, c):
    """Is kl_div_forward the mean over rows of scipy's rel_entr sums, of kl_div sums, and of scipy.stats.entropy(p, q)?"""
    rng = np.random.default_rng(RNG_SEED)
    p, q = _distributions(rng, n, c), _distributions(rng, n, c)
    got = REF["kl_div_forward"](p, q)
    assert got == pytest.approx(rel_entr(p, q).sum() / n, rel=1e-12)
    assert got == pytest.approx(kl_div(p, q).sum() / n, rel=1e-12)  # kl_div adds q - p, which sums to 0 per row
    assert got == pytest.approx(np.mean(entropy(p, q, axis=1)), rel=1e-12)


def test_kl_div_forward_is_cross_entropy_minus_entropy():
    """Does the loss equal the mean cross-entropy minus the mean entropy of the targets (Task 3.1)?"""
    rng = np.random.default_rng(RNG_SEED)
    p, q = _distributions(rng, 8, 5), _distributions(rng, 8, 5)
    cross = -np.sum(p * np.log(q)) / 8
    assert REF["kl_div_forward"](p, q) == pytest.approx(cross - np.mean(entropy(p, axis=1)), rel=1e-12)


def _pytorch_kl_div(input, target, reduction):
    """torch.nn.functional.kl_div's documented formula: target * (log(target) - input), 0 where target is 0."""
    pointwise = np.where(target > 0, target * (np.log(np.where(target > 0, target, 1.0)) - input), 0.0)
    return pointwise.sum() / input.shape[0] if reduction == "batchmean" else pointwise.mean()


def test_kl_div_forward_is_pytorch_kl_div_with_log_input_and_batchmean():
    """Is kl_div_forward(p, q) PyTorch's kl_div(log q, p, reduction='batchmean'), and not its 'mean' nor the swapped call?"""
    rng = np.random.default_rng(RNG_SEED)
    p, q = _distributions(rng, 6, 4), _distributions(rng, 6, 4)
    p[0, 1] = 0.0  # a zero in the target
    p[0] = p[0] / p[0].sum()
    ours = REF["kl_div_forward"](p, q)
    assert ours == pytest.approx(_pytorch_kl_div(np.log(q), p, "batchmean"), rel=1e-12)
    assert ours != pytest.approx(_pytorch_kl_div(np.log(q), p, "mean"), rel=1e-3)
    assert ours != pytest.approx(_pytorch_kl_div(q, p, "batchmean"), rel=1e-3)


def test_kl_div_zero_conventions():
    """0 log 0 = 0 whatever the prediction; a zero prediction under a positive target is clipped, finite and large."""
    f, g = REF["kl_div_forward"], REF["kl_div_backward"]
    p = np.array([[0.5, 0.0, 0.5]])
    assert f(p, np.array([[0.5, 0.25, 0.25]])) == pytest.approx(0.5 * np.log(2), rel=1e-12)
    assert f(p, np.array([[0.5, 0.0, 0.5]])) == 0.0
    assert 13.0 < f(np.array([[0.5, 0.5]]), np.array([[1.0, 0.0]])) < 18.0  # eps = 1e-12: 0.5 log(0.5 / 1e-12)
    grad = g(np.array([[0.5, 0.0, 0.5]]), np.array([[1.0, 0.0, 0.0]]))
    assert np.all(np.isfinite(grad)) and grad[0, 1] == 0.0 and grad[0, 2] < -1e6


def test_kl_div_backward_where_y_true_is_zero():
    """Where y_true = 0 the gradient is 0 whatever y_pred, 0 included (the edges cell: it does not change with y_pred;
    the values cell: it is 0); eps <= 1e-6, so the gradient still moves from y_pred = 1.01e-6 to 1e-6."""
    g = REF["kl_div_backward"]
    p = np.array([[0.5, 0.0, 0.0, 0.5], [0.0, 0.6, 0.4, 0.0]])
    one = g(p, np.array([[0.4, 0.5, 0.0, 0.1], [0.0, 0.25, 0.25, 0.5]]))
    other = g(p, np.array([[0.4, 0.1, 0.4, 0.1], [0.5, 0.25, 0.25, 0.0]]))
    assert np.all(one[p == 0] == 0.0) and np.all(other[p == 0] == 0.0)
    q = np.array([[0.3, 0.3, 0.4], [0.2, 0.5, 0.3]])
    y = np.array([[0.5, 0.0, 0.5], [0.0, 1.0, 0.0]])
    np.testing.assert_allclose(g(y, q), -y / q / 2, rtol=1e-14)
    y = np.array([[0.5, 0.5, 0.0]])
    assert abs(g(y, np.array([[0.5, 1e-6, 0.5 - 1e-6]]))[0, 1]) > abs(g(y, np.array([[0.5, 1.01e-6, 0.5 - 1.01e-6]]))[0, 1]) + 1e3
    assert REF["kl_div_forward"](y, np.array([[0.5, 1e-6, 0.5 - 1e-6]])) > REF["kl_div_forward"](
        y, np.array([[0.5, 1.01e-6, 0.5 - 1.01e-6]])) + 1e-3


def test_kl_div_backward_matches_finite_differences():
    """Does kl_div_backward agree with a centred finite difference of kl_div_forward, to 1e-7 relative?"""
    rng = np.random.default_rng(RNG_SEED)
    p, q = _distributions(rng, 4, 5), _distributions(rng, 4, 5)
    numeric = numerical_gradient(lambda x: REF["kl_div_forward"](p, x), q)
    assert rel_error(REF["kl_div_backward"](p, q), numeric) < 1e-7


# -------------------------------------------------------------------------------------------
# Label smoothing
# -------------------------------------------------------------------------------------------
def _pytorch_cross_entropy(logits, target, label_smoothing):
    """torch.nn.functional.cross_entropy with class indices and label_smoothing, as documented: the target is
    (1 - label_smoothing) one-hot + label_smoothing / C, the loss -sum target * log_softmax, mean over N."""
    n, c = logits.shape
    mixture = (1 - label_smoothing) * np.eye(c)[target] + label_smoothing / c
    return float(-np.sum(mixture * log_softmax(logits, axis=1)) / n)


@pytest.mark.parametrize("beta", [0.0, 0.1, 0.35, 1.0])
def test_smoothed_cross_entropy_matches_pytorch_formula_and_sklearn(beta):
    """Is the forward PyTorch's documented label_smoothing, and sklearn's log_loss of the smoothed targets?"""
    rng = np.random.default_rng(RNG_SEED)
    z, t = rng.normal(0.0, 2.0, (12, 4)), rng.integers(0, 4, 12)
    got = REF["smoothed_cross_entropy_forward"](t, z, beta)
    assert got == pytest.approx(_pytorch_cross_entropy(z, t, beta), rel=1e-12)
    smoothed = (1 - beta) * np.eye(4)[t] + beta / 4
    # sklearn's log_loss with probabilistic targets is the mean cross-entropy against them
    expected = float(np.mean(-np.sum(smoothed * np.log(np.clip(softmax(z, axis=1), 1e-300, 1)), axis=1)))
    assert got == pytest.approx(expected, rel=1e-10)
    if beta == 0.0:
        assert got == pytest.approx(log_loss(t, softmax(z, axis=1), labels=range(4)), rel=1e-10)


def test_smoothed_cross_entropy_is_stable_and_its_gradient_matches_finite_differences():
    """Finite at logits of +-1000 (300 for the section's example), and the backward agrees with finite differences."""
    assert REF["smoothed_cross_entropy_forward"](np.array([0]), np.array([[1000.0, -1000.0, 0.0]]), 0.3) == \
        pytest.approx(300.0, rel=1e-12)
    rng = np.random.default_rng(RNG_SEED)
    z, t = rng.normal(size=(5, 3)), rng.integers(0, 3, 5)
    numeric = numerical_gradient(lambda x: REF["smoothed_cross_entropy_forward"](t, x, 0.2), z)
    # entries of 1e-5 carry the finite difference's rounding error (about 1e-10) in full: compare with an atol
    np.testing.assert_allclose(REF["smoothed_cross_entropy_backward"](t, z, 0.2), numeric, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("beta,c", [(0.1, 10), (0.3, 3), (0.05, 1000)])
def test_smoothing_optimal_logit_gap(beta, c):
    """Does a numerical minimisation of the loss over the gap find log((1 - beta + beta / C) / (beta / C)) (Task 4.1)?"""
    def loss(gap):
        z = np.zeros((1, c))
        z[0, 0] = gap
        return REF["smoothed_cross_entropy_forward"](np.array([0]), z, beta)
    best = minimize_scalar(loss, bounds=(0, 50), method="bounded", options={"xatol": 1e-10}).x
    assert best == pytest.approx(np.log((1 - beta + beta / c) / (beta / c)), rel=1e-6)


# -------------------------------------------------------------------------------------------
# Focal loss
# -------------------------------------------------------------------------------------------
def _torchvision_sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0):
    """torchvision.ops.sigmoid_focal_loss(reduction='mean') as its code reads (alpha < 0 turns the weighting off)."""
    p = expit(inputs)
    ce_loss = np.logaddexp(0, inputs) - targets * inputs
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce_loss * ((1 - p_t) ** gamma)
    if alpha >= 0:
        loss = (alpha * targets + (1 - alpha) * (1 - targets)) * loss
    return loss.mean()


@pytest.mark.parametrize("gamma,alpha", [(2.0, 0.25), (0.5, 0.8), (3.0, None), (0.0, 0.5), (1.0, 0.0), (2.0, 1.0)])
def test_focal_forward_matches_torchvision_formula(gamma, alpha):
    """Is focal_forward torchvision's sigmoid_focal_loss (alpha = None as torchvision's alpha = -1)?"""
    rng = np.random.default_rng(RNG_SEED)
    z, y = rng.normal(0.0, 3.0, (6, 4)), (rng.random((6, 4)) < 0.3).astype(float)
    expected = _torchvision_sigmoid_focal_loss(z, y, -1 if alpha is None else alpha, gamma)
    assert REF["focal_forward"](y, z, gamma, alpha) == pytest.approx(expected, rel=1e-10)


def test_focal_at_gamma_zero_is_bce_on_logits():
    """At gamma = 0 and alpha = None, are the loss sklearn's log_loss and the gradient (sigmoid(z) - y) / M?"""
    rng = np.random.default_rng(RNG_SEED)
    z, y = rng.normal(0.0, 2.0, 40), (rng.random(40) < 0.4).astype(int)
    assert REF["focal_forward"](y, z, 0.0, None) == pytest.approx(log_loss(y, expit(z), labels=[0, 1]), rel=1e-10)
    np.testing.assert_allclose(REF["focal_backward"](y, z, 0.0, None), (expit(z) - y) / 40, rtol=1e-10, atol=1e-15)


@pytest.mark.parametrize("gamma,alpha", [(2.0, 0.25), (0.5, None), (3.0, 0.9), (0.0, 0.3)])
def test_focal_backward_matches_finite_differences(gamma, alpha):
    """Does focal_backward (Task 5.1) agree with a centred finite difference of focal_forward (rtol 1e-6, atol 1e-9)?"""
    rng = np.random.default_rng(RNG_SEED)
    z, y = rng.normal(0.0, 2.0, (3, 4)), (rng.random((3, 4)) < 0.5).astype(float)
    numeric = numerical_gradient(lambda x: REF["focal_forward"](y, x, gamma, alpha), z)
    np.testing.assert_allclose(REF["focal_backward"](y, z, gamma, alpha), numeric, rtol=1e-6, atol=1e-9)


def test_focal_is_stable_at_large_logits():
    """At logits of +-1000: a wrong prediction costs alpha_t |z| with gradient -/+ alpha_t / M, a right one 0."""
    y, z = np.array([0.0, 1.0, 1.0, 0.0]), np.array([1000.0, -1000.0, 1000.0, -1000.0])
    assert REF["focal_forward"](y, z, 2.0, 0.25) == pytest.approx((0.75 * 1000 + 0.25 * 1000) / 4, rel=1e-12)
    np.testing.assert_allclose(REF["focal_backward"](y, z, 2.0, 0.25), [0.75 / 4, -0.25 / 4, 0.0, 0.0], atol=1e-15)
    assert REF["focal_forward"](y, z, 2.0, 0.25) == pytest.approx(-np.mean(
        np.where(y == 1, 0.25, 0.75) * expit(-(2 * y - 1) * z) ** 2 * log_expit((2 * y - 1) * z)), rel=1e-12)


@pytest.mark.parametrize("gamma", [2.0, 0.5, 0.0])
def test_focal_alpha_zero_and_one_are_weights(gamma):
    """alpha = 0 and alpha = 1 are weights, continuous with the alphas near them; alpha = 0 is not None."""
    rng = np.random.default_rng(RNG_SEED)
    z, y = rng.normal(0.0, 2.0, (4, 3)), (rng.random((4, 3)) < 0.4).astype(float)
    y[0, 0], y[0, 1] = 1.0, 0.0
    f = REF["focal_forward"]
    unweighted = f(y, z, gamma, None)
    assert abs(f(y, z, gamma, 0.0) - unweighted) > 1e-3 * unweighted
    assert f(y, z, gamma, 0.0) == pytest.approx(f(y, z, gamma, 1e-9), rel=0, abs=1e-6 * unweighted)
    assert f(y, z, gamma, 1.0) == pytest.approx(f(y, z, gamma, 1.0 - 1e-9), rel=0, abs=1e-6 * unweighted)


def test_focal_confidently_right_costs_about_zero():
    """With every label right at logits of magnitude 60 to 1000, the loss is at most 1e-6 times the loss with some
    labels wrong, and the gradient at most 1e-6 times its largest entry at the wrong ones."""
    z = np.array([[-800.0, -60.0], [700.0, 90.0]])
    wrong_labels = np.array([[1.0, 0.0], [0.0, 1.0]])
    for gamma, alpha in [(2.0, 0.6), (0.0, None), (0.5, 0.25)]:
        assert REF["focal_forward"]((z > 0).astype(float), z, gamma, alpha) <= 1e-6 * REF["focal_forward"](wrong_labels, z, gamma, alpha)
        grad = REF["focal_backward"](wrong_labels, z, gamma, alpha)
        wrong = (2 * wrong_labels - 1) * z < 0
        assert np.all(np.abs(grad[~wrong]) <= 1e-6 * np.max(np.abs(grad[wrong])))


def test_labels_and_logits_matter_where_the_softmax_saturates():
    """Smoothing: the loss changes with the labels and the gradient when each row of logits is rolled; the ECE
    changes with the labels."""
    z, t = np.array([[-1000.0, 1000.0, 0.0, 0.0], [0.0, 0.0, 800.0, -800.0]]), np.array([0, 3])
    f, g = REF["smoothed_cross_entropy_forward"], REF["smoothed_cross_entropy_backward"]
    assert abs(f((t + 1) % 4, z, 0.1) - f(t, z, 0.1)) > 1e-3
    assert np.max(np.abs(g(t, np.roll(z, 1, axis=1), 0.1) - g(t, z, 0.1))) > 1e-3
    probs = np.array([[0.6, 0.2, 0.2], [0.1, 0.7, 0.2], [0.3, 0.3, 0.4]])
    labels = np.array([0, 1, 0])
    ece = REF["expected_calibration_error"]
    assert abs(ece(probs, (labels + 1) % 3, 4) - ece(probs, labels, 4)) > 1e-3


# -------------------------------------------------------------------------------------------
# pos_weight (the notebook's demonstration) and the answer of question 2
# -------------------------------------------------------------------------------------------
def test_pos_weight_best_constant_is_question_2s_answer():
    """Does the best constant probability of BCEWithLogits(pos_weight = 2) at pi = 0.25 equal 0.4?"""
    y = np.array([1.0] * 25 + [0.0] * 75)

    def loss(z):
        return np.mean(-(2.0 * y * -np.logaddexp(0, -z) + (1 - y) * -np.logaddexp(0, z)))
    best = minimize_scalar(loss, bounds=(-10, 10), method="bounded", options={"xatol": 1e-12}).x
    assert expit(best) == pytest.approx(0.4, rel=1e-8)


# -------------------------------------------------------------------------------------------
# Temperature scaling and calibration
# -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("scale", [0.4, 1.0, 3.0])
def test_fit_temperature_matches_scipy_minimize_scalar(scale):
    """Is fit_temperature the minimiser of the mean NLL found by scipy on T directly, to 1e-6 relative?"""
    rng = np.random.default_rng(RNG_SEED)
    truth = rng.normal(0.0, 1.5, (300, 4))
    t = np.array([rng.choice(4, p=row) for row in softmax(truth, axis=1)])
    z = scale * truth

    def nll(temperature):
        return -np.mean(log_softmax(z / temperature, axis=1)[np.arange(300), t])
    expected = minimize_scalar(nll, bounds=(1e-3, 1e3), method="bounded", options={"xatol": 1e-12}).x
    assert REF["fit_temperature"](z, t) == pytest.approx(expected, rel=1e-6)
    assert REF["fit_temperature"](z, t) == pytest.approx(scale, rel=0.2)  # logits scaled by s need T close to s


def test_fit_temperature_closed_form_case():
    """Logits (2, 0) right 3 times out of 4: is T = 2 / log 3 (to 1e-7: the NLL is flat at its minimum, so a
    minimiser pins T down to about the square root of the float64 precision)?"""
    assert REF["fit_temperature"](np.array([[2.0, 0.0]] * 4), np.array([0, 0, 0, 1])) == pytest.approx(2 / np.log(3), rel=1e-7)


@pytest.mark.parametrize("n_bins", [5, 10, 15])
def test_ece_matches_sklearn_calibration_curve(n_bins):
    """Is the ECE the count-weighted |prob_true - prob_pred| of sklearn's calibration_curve (uniform bins) on
    (correct, confidence), whose bins are also closed on the right?"""
    rng = np.random.default_rng(RNG_SEED)
    probs = softmax(rng.normal(0.0, 2.0, (500, 4)), axis=1)
    t = np.where(rng.random(500) < 0.6, probs.argmax(axis=1), rng.integers(0, 4, 500))
    conf, correct = probs.max(axis=1), (probs.argmax(axis=1) == t).astype(int)
    prob_true, prob_pred = calibration_curve(correct, conf, n_bins=n_bins, strategy="uniform")
    edges = np.linspace(0, 1, n_bins + 1)
    counts = np.array([np.sum((conf > edges[b]) & (conf <= edges[b + 1])) for b in range(n_bins)])
    counts = counts[counts > 0]
    assert len(counts) == len(prob_true)
    expected = np.sum(counts / 500 * np.abs(prob_true - prob_pred))
    assert REF["expected_calibration_error"](probs, t, n_bins) == pytest.approx(expected, rel=1e-10)


def test_ece_bin_edges_and_ties():
    """Is a confidence on an edge in the bin ending there, and the first class taken at a tie?"""
    ece = REF["expected_calibration_error"]
    # (0.5, 0.5): prediction class 0; confidence 0.5 is in (0.25, 0.5] with 4 bins
    assert ece(np.array([[0.5, 0.5]]), np.array([0]), 4) == pytest.approx(0.5, abs=1e-15)
    assert ece(np.array([[0.5, 0.5]]), np.array([1]), 4) == pytest.approx(0.5, abs=1e-15)
    # two samples: 0.5 (right) and 0.75 (wrong) land in different bins with 4 bins, the same bin with 2
    probs, t = np.array([[0.5, 0.5], [0.75, 0.25]]), np.array([0, 1])
    assert ece(probs, t, 4) == pytest.approx((0.5 + 0.75) / 2, abs=1e-15)
    assert ece(probs, t, 2) == pytest.approx(0.5 * 0.5 + 0.5 * 0.75, abs=1e-15)
    assert ece(np.array([[0.9, 0.1], [0.2, 0.8], [0.5, 0.5], [0.5, 0.5]]), np.array([0, 1, 0, 1]), 2) == pytest.approx(0.075)
    # the check cell's labels: 0.325 with bins closed on the right, 0.175 with bins closed on the left
    assert ece(np.array([[0.9, 0.1], [0.2, 0.8], [0.5, 0.5], [0.5, 0.5]]), np.array([0, 1, 1, 1]), 2) == pytest.approx(0.325)


def test_temperature_keeps_predictions():
    """Dividing by the fitted T keeps every argmax (question 3)."""
    rng = np.random.default_rng(RNG_SEED)
    z, t = rng.normal(0.0, 3.0, (200, 5)), rng.integers(0, 5, 200)
    temperature = REF["fit_temperature"](z, t)
    assert np.array_equal(np.argmax(z / temperature, axis=1), np.argmax(z, axis=1))


# -------------------------------------------------------------------------------------------
# The contract: inputs unmodified, ValueErrors naming the problem
# -------------------------------------------------------------------------------------------
def _calls(rng):
    p, q = _distributions(rng, 3, 4), _distributions(rng, 3, 4)
    z, t = rng.normal(size=(3, 4)), rng.integers(0, 4, 3)
    y, s = (rng.random(5) < 0.5).astype(float), rng.normal(size=5)
    return [("kl_div_forward", (p, q)), ("kl_div_backward", (p, q)),
            ("smoothed_cross_entropy_forward", (t, z, 0.1)), ("smoothed_cross_entropy_backward", (t, z, 0.1)),
            ("focal_forward", (y, s, 2.0, 0.25)), ("focal_backward", (y, s, 2.0, 0.25)),
            ("fit_temperature", (z, t)), ("expected_calibration_error", (softmax(z, axis=1), t, 15))]


def test_inputs_are_not_modified():
    """Does every function leave its array arguments unchanged?"""
    for name, args in _calls(np.random.default_rng(RNG_SEED)):
        copies = [np.array(a, copy=True) if isinstance(a, np.ndarray) else a for a in args]
        REF[name](*args)
        for a, c in zip(args, copies):
            if isinstance(a, np.ndarray):
                assert np.array_equal(a, c), name


@pytest.mark.parametrize("name,args,words", [
    ("kl_div_forward", (np.full((2, 3), 1 / 3), np.full((3, 2), 0.5)), ("(2, 3)", "(3, 2)")),
    ("kl_div_backward", (np.full((3, 4), 0.25), np.full((3, 1), 1.0)), ("(3, 4)", "(3, 1)")),
    ("smoothed_cross_entropy_forward", (np.array([[0], [1], [2]]), np.zeros((3, 4)), 0.1), ("(3, 1)", "(3, 4)")),
    ("smoothed_cross_entropy_forward", (np.array([0, 1]), np.zeros((2, 3)), 1.5), ("epsilon",)),
    ("smoothed_cross_entropy_backward", (np.array([0, 1]), np.zeros((2, 3)), -0.1), ("epsilon",)),
    ("focal_forward", (np.zeros(3), np.zeros((3, 1)), 2.0, 0.25), ("(3,)", "(3, 1)")),
    ("focal_forward", (np.zeros(3), np.zeros(3), -1.0, 0.25), ("gamma",)),
    ("focal_backward", (np.zeros(3), np.zeros(3), 2.0, 1.5), ("alpha",)),
    ("fit_temperature", (np.zeros((3, 4)), np.array([[0], [1], [2]])), ("(3, 4)", "(3, 1)")),
    ("expected_calibration_error", (np.full((3, 4), 0.25), np.array([0, 1, 2]), 0), ("n_bins",)),
    ("expected_calibration_error", (np.full((3, 4), 0.25), np.array([0, 1, 2]), True), ("n_bins",)),
    ("expected_calibration_error", (np.full((3, 4), 0.25), np.array([[0], [1], [2]]), 5), ("(3, 4)", "(3, 1)")),
])
def test_bad_input_raises_value_error_naming_it(name, args, words):
    """Do mismatched shapes and bad parameters raise a ValueError whose message names them?"""
    with pytest.raises(ValueError) as err:
        REF[name](*args)
    message = "".join(str(err.value).split()).lower()
    assert all("".join(w.split()).lower() in message for w in words), (name, str(err.value))
