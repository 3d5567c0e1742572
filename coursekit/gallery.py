"""Per-element loss and gradient curves for notebooks/loss_gallery.ipynb.

Instructor-side: this module is not copied into release/, because its
one-liners are close to the exercise solutions.  Each function takes a 1-D
grid (a NumPy array) and returns one value per grid point, with no mean,
no input checks and no batching; the assignments ask for all of that.

Classification curves are functions of the margin m = y * s (labels in
{-1, +1}, s a score or logit) and their gradients are d loss / d m; for
y = +1 that is d loss / d s.  Regression curves are functions of the
residual r = y - y_hat and their gradients are d loss / d y_hat, the
derivative the backward functions of the course return.  At a kink the
gradient is the course's subgradient, 0.
"""
import numpy as np


def sigmoid(z):
    """Logistic function, without overflow for large |z|."""
    return np.exp(-np.logaddexp(0.0, -z))


# Classification, against the margin m = y * s --------------------------------
def zero_one(m):
    """0-1 loss: 1 when the sign is wrong or the score is 0 (m <= 0), else 0."""
    return (m <= 0).astype(float)


def zero_one_grad(m):
    """0 everywhere (undefined at m = 0, where the course uses 0)."""
    return np.zeros_like(m, dtype=float)


def hinge(m):
    """max(0, 1 - m)."""
    return np.maximum(0.0, 1.0 - m)


def hinge_grad(m):
    """-1 left of the kink at m = 1, 0 at and right of it."""
    return -(m < 1.0).astype(float)


def squared_hinge(m):
    """max(0, 1 - m) ** 2."""
    return np.maximum(0.0, 1.0 - m) ** 2


def squared_hinge_grad(m):
    """-2 max(0, 1 - m): continuous, so no kink."""
    return -2.0 * np.maximum(0.0, 1.0 - m)


def logistic(m):
    """log(1 + exp(-m)): BCE on logits written on the margin (natural log)."""
    return np.logaddexp(0.0, -m)


def logistic_grad(m):
    """-sigmoid(-m): never exactly 0."""
    return -sigmoid(-m)


# Probabilities and multi-class ------------------------------------------------
def bce(y, p):
    """Binary cross-entropy of label y in [0, 1] and probability p, per element."""
    return -(y * np.log(p) + (1.0 - y) * np.log1p(-p))


def cross_entropy(Y, P):
    """Cross-entropy -sum_c Y[..., c] log P[..., c], one value per row."""
    return -np.sum(Y * np.log(P), axis=-1)


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
    """d/ds of ww_hinge_true_score: minus the number of rivals inside the margin (0 at a kink)."""
    return -(rivals[None, :] - s[:, None] + margin > 0).sum(axis=1).astype(float)


# Regression, against the residual r = y - y_hat --------------------------------
def squared_error(r):
    """r ** 2."""
    return r ** 2


def squared_error_grad(r):
    """d/dy_hat of r ** 2, that is -2 r."""
    return -2.0 * r


def absolute_error(r):
    """|r|."""
    return np.abs(r)


def absolute_error_grad(r):
    """d/dy_hat of |r|: +1 when the prediction is too high (r < 0), -1 when too low, 0 at r = 0."""
    return -np.sign(r)


def pinball(r, tau):
    """Pinball loss max(tau r, (tau - 1) r) at level tau in (0, 1)."""
    return np.maximum(tau * r, (tau - 1.0) * r)


def pinball_grad(r, tau):
    """d/dy_hat of the pinball loss: -tau for r > 0, 1 - tau for r < 0, 0 at r = 0."""
    return np.where(r > 0, -tau, np.where(r < 0, 1.0 - tau, 0.0))
