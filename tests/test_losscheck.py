"""The shared checker: its messages name the likely mistake, and its gradient check works."""
import numpy as np
import pytest

from coursekit import losscheck as lc


def test_check_close_names_the_likely_mistake():
    """Does check_close say which common mistake produced a wrong value?"""
    with pytest.raises(lc.CheckFailed, match="Likely cause: summed"):
        lc.check_close("f", 6.0, 2.0, likely={"summed": 6.0, "negated": -2.0})


def test_check_close_rejects_lookalike_types():
    """Does check_close refuse a non-float result even if it compares equal?"""
    class AlwaysEqual(float):
        def __eq__(self, other):
            return True
    with pytest.raises(lc.CheckFailed, match="should be a float"):
        lc.check_close("f", AlwaysEqual(5.0), 2.0)
    with pytest.raises(lc.CheckFailed, match="should be a float"):
        lc.check_close("f", np.array([2.0]), 2.0)


def test_check_close_reports_wrong_shape_and_dtype():
    """Does check_close say expected shape and dtype when an array is off?"""
    with pytest.raises(lc.CheckFailed, match=r"expected shape \(3,\)"):
        lc.check_close("g", np.zeros((3, 1)), np.zeros(3))
    with pytest.raises(lc.CheckFailed, match="float64"):
        lc.check_close("g", np.zeros(3, dtype=np.float32), np.zeros(3))


def test_check_close_without_strict_reads_any_numeric_type():
    """Do edge-case cells (strict=False) accept a 0-d array or float32, and still refuse wrong values and shapes?"""
    lc.check_close("f", np.array(2.0), 2.0, strict=False)
    lc.check_close("f", np.array([2.0]), 2.0, strict=False)
    lc.check_close("g", np.ones(3, dtype=np.float32), np.ones(3), strict=False)
    lc.check_close("g", [1.0, 1.0, 1.0], np.ones(3), strict=False)
    with pytest.raises(lc.CheckFailed, match="wrong values"):
        lc.check_close("f", np.array(3.0), 2.0, strict=False)
    with pytest.raises(lc.CheckFailed, match="one number"):
        lc.check_close("f", np.array([2.0, 2.0]), 2.0, strict=False)
    with pytest.raises(lc.CheckFailed, match="one number"):
        lc.check_close("f", "2.0x", 2.0, strict=False)
    with pytest.raises(lc.CheckFailed, match=r"expected shape \(3,\)"):
        lc.check_close("g", np.zeros((3, 1)), np.zeros(3), strict=False)


def test_check_close_accepts_within_tolerance_and_flags_nan():
    """Does check_close pass tiny errors and fail nan with an explanation?"""
    lc.check_close("g", np.array([1.0 + 1e-12, 2.0]), np.array([1.0, 2.0]))
    with pytest.raises(lc.CheckFailed, match="inf or nan"):
        lc.check_close("g", np.array([np.nan, 2.0]), np.array([1.0, 2.0]))


def test_grad_check_separates_right_from_wrong_gradients():
    """Is grad_check tiny for the true gradient of sum(x^2)/N and large for a wrong one?"""
    x = np.array([[0.3, -1.2], [2.0, 0.5]])
    loss = lambda y, p: float(np.mean((p - y) ** 2))  # noqa: E731
    y = np.zeros_like(x)
    assert lc.grad_check(loss, lambda y, p: 2 * (p - y) / p.size, y, x) < 1e-8
    assert lc.grad_check(loss, lambda y, p: 2 * (p - y), y, x) > 0.5


def test_quietly_silences_warnings_but_not_errors(recwarn):
    """Does quietly swallow NumPy warnings and still raise real exceptions?"""
    assert lc.quietly(np.log, np.array([0.0]))[0] == -np.inf
    assert not recwarn.list
    with pytest.raises(ZeroDivisionError):
        lc.quietly(lambda: 1 / 0)


def test_check_unmodified_catches_in_place_changes():
    """Does check_unmodified notice an input changed in place?"""
    a = np.array([0.0, 1.0])
    before = lc.snapshot(a)
    a[0] = 0.5
    with pytest.raises(lc.CheckFailed, match="modified in place"):
        lc.check_unmodified("f", [a], before)


def test_check_raises_matches_ignoring_case_and_spaces():
    """Does check_raises accept 'Tau' for 'tau' and '(3, 1)' written '(3,1)', and still refuse a message without it?"""
    def refuse(message):
        def fn():
            raise ValueError(message)
        return fn
    lc.check_raises("f", refuse("Tau must be in (0, 1); shapes (3,) and (3,1)"), match=("tau", "(3,)", "(3, 1)"))
    with pytest.raises(lc.CheckFailed, match="does not say what is wrong"):
        lc.check_raises("f", refuse("bad level"), match=("tau",))
    with pytest.raises(lc.CheckFailed, match="nothing was raised"):
        lc.check_raises("f", lambda: None, match=("tau",))


@pytest.mark.filterwarnings("ignore:the matrix subclass:PendingDeprecationWarning")  # np.matrix, on purpose
def test_check_answer_agrees_at_four_significant_digits_whatever_the_spelling():
    """Does the digest accept the right number however computed (an int, an expression, numpy, a value
    on a rounding boundary), and refuse a wrong one, a non-number and a nan?"""
    from coursekit.losscheck import CheckFailed, answer_digest, check_answer

    for right, given in ((-4.0, -1 / 0.25), (-4.0, -4), (-4.0, np.float64(-4.0)), (-4.0, np.array([-4.0])),
                         (0.12345, 0.1 + 0.02345), (2 / 3, 0.6666666666666667), (1e-7 / 3, 1e-7 / 3 * (1 + 1e-13)),
                         (-10.12697, -10.13)):  # 4 significant digits pass the visible check and the graded one
        check_answer("x", given, digest=answer_digest("x", right), expected=right)
    class Anything(float):
        def __eq__(self, other):
            return True
    for wrong in (4.0, -4.001, "-4", None, True, np.bool_(True), float("nan"), np.ones(2), Anything(-4.0),
                  np.matrix([[-4.0]]), np.ma.masked_array([-4.0])):  # a subclass would not reach the grader intact
        with pytest.raises(CheckFailed):
            check_answer("x", wrong, digest=answer_digest("x", -4.0))
    with pytest.raises(CheckFailed):
        check_answer("x", -4.0, digest=answer_digest("another label", -4.0))
    assert answer_digest("x", -0.0) == answer_digest("x", 0.0)


def test_check_choice_ignores_case_spaces_and_brackets_only():
    from coursekit.losscheck import CheckFailed, check_choice

    for given in ("b", "B", " b ", "(b)", "b."):
        check_choice("q", given, "abcd", expected="b")
    for given in ("c", "e", 2, None, "bc", np.str_("b")):
        with pytest.raises(CheckFailed):
            check_choice("q", given, "abcd", expected="b")


@pytest.mark.parametrize("settings, message", [
    ([0.1, 10], "should be a dict"),
    ({"lr": 0.1, "epochs": 10, "lam": 0.0}, "exactly the keys"),
    ({"lr": 0.0, "epochs": 10, "lam": 0.0, "batch_size": None}, "'lr' should be a number > 0"),
    ({"lr": 0.1, "epochs": 101, "lam": 0.0, "batch_size": None}, "from 1 to 100"),
    ({"lr": 0.1, "epochs": 10.0, "lam": 0.0, "batch_size": None}, "from 1 to 100"),
    ({"lr": 0.1, "epochs": 10, "lam": -1.0, "batch_size": None}, "'lam' should be a number >= 0"),
    ({"lr": 0.1, "epochs": 10, "lam": 0.0, "batch_size": 0}, "'batch_size' should be None"),
    ({"lr": True, "epochs": 10, "lam": 0.0, "batch_size": None}, "'lr' should be a number > 0"),
])
def test_check_settings_names_what_is_wrong(settings, message):
    """Does check_settings refuse settings a trainer cannot use, or over the model's budget of epochs, and say which?"""
    with pytest.raises(lc.CheckFailed, match=message):
        lc.check_settings("model", settings, budget=100)


def test_check_settings_returns_plain_settings():
    """Are NumPy numbers and ints accepted and handed back as plain Python values?"""
    got = lc.check_settings("model", {"lr": np.float64(0.5), "epochs": np.int64(3), "lam": 0, "batch_size": 32}, 3)
    assert got == {"lr": 0.5, "epochs": 3, "lam": 0.0, "batch_size": 32} and type(got["lam"]) is float
