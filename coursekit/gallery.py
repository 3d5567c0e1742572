"""Per-element loss and gradient curves for notebooks/loss_gallery.ipynb.

Instructor-side: this module is not copied into release/, because its
one-liners are close to the exercise solutions.  Each function takes a 1-D
grid (a NumPy array) and returns one value per grid point, with no mean,
no input checks and no batching; the assignments ask for all of that.

Symbols follow notebooks/00_start_here.ipynb.  Classification curves are
functions of the margin m = y * s (labels y in {-1, +1}, s a score or logit)
and their gradients are d loss / d m; for y = +1 that is d loss / d s.
Regression curves are functions of the residual r = y_hat - y (prediction
minus truth; in code r = y_pred - y_true), and since d r / d y_hat = 1 their
gradients d loss / d r are also d loss / d y_hat, the derivative the backward
functions of the course return.  At a kink the gradient is the course's
subgradient, 0.
"""
import numpy as np


def sigmoid(z):
    """Logistic function, without overflow for large |z|."""
    return np.exp(-np.logaddexp(0.0, -z))


# Classification, against the margin m = y * s --------------------------------
def zero_one(m):
    """0-1 loss, the indicator I[m <= 0]: 1 when the sign is wrong or the score is 0, else 0."""
    return (m <= 0).astype(float)


def zero_one_grad(m):
    """0 wherever the derivative exists; nan at m = 0, where the loss jumps and has no derivative."""
    return np.where(m == 0, np.nan, 0.0)


def hinge(m):
    """max(0, 1 - m)."""
    return np.maximum(0.0, 1.0 - m)


def hinge_grad(m):
    """-1 left of the kink at m = 1, 0 at and right of it (the subgradient 0 at the kink)."""
    return -(m < 1.0).astype(float)


def squared_hinge(m):
    """max(0, 1 - m) ** 2."""
    return np.maximum(0.0, 1.0 - m) ** 2


def squared_hinge_grad(m):
    """-2 max(0, 1 - m): continuous, so the loss is continuously differentiable.

    The slope of this derivative (the second derivative of the loss) jumps from 2 to 0 at m = 1.
    """
    return -2.0 * np.maximum(0.0, 1.0 - m)


def logistic(m):
    """log(1 + exp(-m)): BCE on logits written on the margin (natural log)."""
    return np.logaddexp(0.0, -m)


def logistic_grad(m):
    """-sigmoid(-m): negative everywhere, tending to 0 only as m grows."""
    return -sigmoid(-m)


# Probabilities and multi-class ------------------------------------------------
def bce(y, y_hat):
    """Binary cross-entropy of a label y in [0, 1] and a probability y_hat, per element."""
    return -(y * np.log(y_hat) + (1.0 - y) * np.log1p(-y_hat))


def cross_entropy(Y, Y_hat):
    """Cross-entropy -sum_c Y[..., c] log Y_hat[..., c], one value per row."""
    return -np.sum(Y * np.log(Y_hat), axis=-1)


def ce_true_logit(z, rivals):
    """Softmax cross-entropy of one sample when the true class has logit z (a grid)
    and the other classes have the fixed logits ``rivals``."""
    return np.logaddexp(z, np.logaddexp.reduce(rivals)) - z


def ce_true_logit_grad(z, rivals):
    """d/dz of ce_true_logit: the softmax probability of the true class, minus 1."""
    return -sigmoid(np.logaddexp.reduce(rivals) - z)


def ww_hinge_true_score(s, rivals, margin=1.0):
    """Weston-Watkins hinge of one sample when the true class scores s (a grid)
    and the other classes have the fixed scores ``rivals``."""
    return np.maximum(0.0, rivals[None, :] - s[:, None] + margin).sum(axis=1)


def ww_hinge_true_score_grad(s, rivals, margin=1.0):
    """d/ds of ww_hinge_true_score: minus the number of rivals c with s_c - s + margin > 0.

    A rival exactly at its kink (s = s_c + margin) counts 0, the course's subgradient of its term.
    """
    return -(rivals[None, :] - s[:, None] + margin > 0).sum(axis=1).astype(float)


# Regression, against the residual r = y_hat - y (prediction minus truth) -------
def squared_error(r):
    """r ** 2."""
    return r ** 2


def squared_error_grad(r):
    """d/dy_hat of r ** 2, that is 2 r."""
    return 2.0 * r


def absolute_error(r):
    """|r|."""
    return np.abs(r)


def absolute_error_grad(r):
    """d/dy_hat of |r|: +1 when the prediction is too high (r > 0), -1 when too low, 0 at r = 0."""
    return np.sign(r)


def pinball(r, tau):
    """Pinball loss max((1 - tau) r, -tau r) at level tau in (0, 1)."""
    return np.maximum((1.0 - tau) * r, -tau * r)


def pinball_grad(r, tau):
    """d/dy_hat of the pinball loss: 1 - tau for r > 0, -tau for r < 0, 0 at r = 0."""
    return np.where(r > 0, 1.0 - tau, np.where(r < 0, -tau, 0.0))
