"""The course's reference loss functions: assignments 01 to 07.

Every function here is the reference solution of the assignment named above it, with the
docstring you worked from.  Import what you need: ``from losses import softmax_cross_entropy_forward``.

Generated from the course's source notebooks, with every change to them: do not edit.
"""
import numpy as np
from scipy.special import expit
from scipy.special import log_softmax as _log_softmax, softmax as _softmax
from scipy.optimize import minimize_scalar


# ----------------------------------------------------------------------------
# 01_binary_cross_entropy
# ----------------------------------------------------------------------------

def bce_forward(y_true, y_pred):
    """Binary cross-entropy, averaged over all M = y_pred.size elements.

    Inputs:
    - y_true: array of any shape, labels in [0, 1] (hard 0/1 or soft).
    - y_pred: array of the same shape, predicted probabilities in [0, 1].

    Returns:
    - loss: float, the mean of -[y log p + (1 - y) log(1 - p)] over all M
      elements, with p = y_pred clipped to [eps, 1 - eps]. Choose eps
      between 1e-15 and 1e-6 (1e-12 is a good choice). The loss is finite
      even when y_pred is exactly 0 or 1, and large for a confidently wrong
      prediction: for one prediction (M = 1) with label 1, the loss at
      y_pred = 0 is -log(eps), at least -log(1e-6), about 13.8; that is at least
      the loss at y_pred = 1e-4 (9.21), itself above the loss at 0.5 (0.693).

    Raises:
    - ValueError if y_true.shape != y_pred.shape, with a message that contains
      both shapes as Python prints them (str(y_true.shape)), e.g.
      "y_true has shape (3,) but y_pred has shape (3, 1)".

    Does not modify its inputs. Hint: compare the shapes first; np.clip
    returns a new array; np.mean reduces over all elements.
    """
    eps = 1e-12
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y.shape} but y_pred has shape {p.shape}; "
                         "they must match (no broadcasting)")
    p = np.clip(p, eps, 1.0 - eps)
    return float(np.mean(-(y * np.log(p) + (1.0 - y) * np.log1p(-p))))


def bce_backward(y_true, y_pred):
    """Gradient of the mean BCE with respect to y_pred: your result of Task 5.1.

    Inputs:
    - y_true: array of any shape, labels in [0, 1].
    - y_pred: array of the same shape, predicted probabilities in [0, 1].

    Returns:
    - grad: float64 array of y_pred's shape, dL/dy_pred of Task 5.1, with its
      1/M (M = y_pred.size), evaluated at p = y_pred clipped to
      [eps, 1 - eps] as in bce_forward (same eps). Inside [eps, 1 - eps] this
      is the derivative of bce_forward. Where clipping is active the clipped
      loss is flat and its true derivative is 0, but return your formula at
      the clipped p all the same: it is finite even where y_pred is exactly
      0 or 1, and large for a confidently wrong prediction. For one
      prediction (M = 1) with label 1, its size at y_pred = 0 is at least
      its size at y_pred = 1e-6 (eps <= 1e-6), and far larger than at
      y_pred = 0.5.

    Raises:
    - ValueError if y_true.shape != y_pred.shape, with a message that contains
      both shapes as Python prints them (str(y_true.shape)), e.g. (3,).

    Does not modify its inputs. Hint: your result of Task 5.1, 1/M included
    (M = y_pred.size); np.clip returns a new array.
    """
    eps = 1e-12
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y.shape} but y_pred has shape {p.shape}; "
                         "they must match (no broadcasting)")
    p = np.clip(p, eps, 1.0 - eps)
    return (p - y) / (p * (1.0 - p)) / p.size


def sigmoid(z):
    """Numerically stable logistic sigmoid, elementwise.

    Inputs:
    - z: array of any shape (logits).

    Returns:
    - float64 array of z's shape, 1 / (1 + exp(-z)) elementwise: finite for
      every z (|z| = 1000 included), and accurate to a relative error of
      1e-12 wherever the result is above 1e-300, the negative tail included:
      sigmoid(-40) is about 4.248e-18, not 0. (Below 1e-300, 0 is fine.)

    Does not modify z. Hint: with t = exp(-|z|), which never overflows,
    sigmoid is 1 / (1 + t) for z >= 0 and t / (1 + t) for z < 0.
    """
    z = np.asarray(z, dtype=np.float64)
    t = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + t), t / (1.0 + t))


def bce_with_logits_forward(y_true, logits):
    """Binary cross-entropy computed from logits, averaged over all M = logits.size elements.

    Inputs:
    - y_true: array of any shape, labels in [0, 1].
    - logits: array of the same shape, raw scores z (y_pred = sigmoid(z)).

    Returns:
    - loss: float, mean of max(z, 0) - z*y + log(1 + exp(-|z|)), accurate to
      a relative error of 1e-9 for |z| up to 1000 (no clipping): for y = 1
      and z = -1000 the loss is 1000, neither inf nor capped at -log(eps).

    Raises:
    - ValueError if y_true.shape != logits.shape, with a message that contains
      both shapes as Python prints them (str(y_true.shape)), e.g. (3,).

    Does not modify its inputs. Hint: np.maximum and np.log1p.
    """
    y = np.asarray(y_true, dtype=np.float64)
    z = np.asarray(logits, dtype=np.float64)
    if y.shape != z.shape:
        raise ValueError(f"y_true has shape {y.shape} but logits has shape {z.shape}; "
                         "they must match (no broadcasting)")
    return float(np.mean(np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z)))))


def bce_with_logits_backward(y_true, logits):
    """Gradient of bce_with_logits_forward with respect to the logits.

    Inputs:
    - y_true: array of any shape, labels in [0, 1].
    - logits: array of the same shape.

    Returns:
    - grad: float64 array of logits' shape, dL/dz of Task 7.1, with its 1/M
      (M = logits.size). Accurate for |z| up to 1000, also where sigmoid(z)
      rounds to exactly 0 or 1 (as at z = -1000 and z = 1000): there it is
      neither 0 nor nan, and agrees to 1e-8 with its value at z = -20 or
      z = 20, where sigmoid(z) has not rounded yet.

    Raises:
    - ValueError if y_true.shape != logits.shape, with a message that contains
      both shapes as Python prints them (str(y_true.shape)), e.g. (3,).

    Does not modify its inputs. Hint: the fused form of Task 7.1 (b), with
    your sigmoid; it never divides by a probability.
    """
    y = np.asarray(y_true, dtype=np.float64)
    z = np.asarray(logits, dtype=np.float64)
    if y.shape != z.shape:
        raise ValueError(f"y_true has shape {y.shape} but logits has shape {z.shape}; "
                         "they must match (no broadcasting)")
    return (sigmoid(z) - y) / z.size


# ----------------------------------------------------------------------------
# 02_cross_entropy
# ----------------------------------------------------------------------------

def cross_entropy_forward(y_true, y_pred):
    """Cross-entropy of predicted probabilities, averaged over the samples.

    Inputs:
    - y_true: array of shape (N, C); row i is the target distribution of
      sample i, one-hot or soft (non-negative, summing to 1).
    - y_pred: array of shape (N, C); y_pred[i, c] is the predicted
      probability of class c for sample i.

    Returns:
    - loss: float, -(1/N) sum_i sum_c y_true[i, c] log y_pred[i, c], with
      y_pred clipped to [eps, 1 - eps] before the log (any eps from 1e-15
      to 1e-6). Finite when probabilities are exactly 0 or 1: a probability
      of exactly 0 on a target y > 0 adds y (-log eps) to that sample's
      loss (before the mean over the N samples), at least y (-log 1e-6),
      about 13.8 y.

    Raises:
    - ValueError if y_true.shape != y_pred.shape, with a message that names
      both shapes as Python prints them (str(y_true.shape)), e.g.
      "y_true has shape (3, 1) but y_pred has shape (3, 4)".
      Targets are distributions of y_pred's shape (N, C): class indices of
      shape (N,) are refused too.

    Hint: compare the shapes first; clip, take the log, sum over the
    classes, then divide by N, the number of rows.
    """
    eps = 1e-12  # any value from 1e-15 to 1e-6
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y.shape} but y_pred has shape {p.shape}; "
                         "cross_entropy_forward needs target distributions of y_pred's shape (N, C)")
    p = np.clip(p, eps, 1.0 - eps)
    return float(-np.sum(y * np.log(p)) / p.shape[0])


def cross_entropy_backward(y_true, y_pred):
    """Gradient of cross_entropy_forward with respect to y_pred.

    Inputs:
    - y_true: array of shape (N, C), target distributions (one-hot or soft).
    - y_pred: array of shape (N, C), predicted probabilities.

    Returns:
    - grad: float64 array of shape (N, C), dL/dy_pred, the gradient of the
      mean loss (your result of Task 5.1), with y_pred clipped to
      [eps, 1 - eps] as in the forward pass. Finite where a probability is
      exactly 0: there the entry is what your formula gives at eps, so that
      where y_true > 0 it is at least as large in absolute value as at a
      probability of 1e-6,
      and where y_true is 0 it is 0.

    Raises:
    - ValueError if y_true.shape != y_pred.shape, with a message that names
      both shapes as Python prints them, as in cross_entropy_forward.

    Hint: your result of Task 5.1, with elementwise operations on whole
    arrays; np.clip returns a copy; N is the number of rows.
    """
    eps = 1e-12  # any value from 1e-15 to 1e-6
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y.shape} but y_pred has shape {p.shape}; "
                         "cross_entropy_backward needs target distributions of y_pred's shape (N, C)")
    p = np.clip(p, eps, 1.0 - eps)
    return -y / p / p.shape[0]


def softmax(logits):
    """Numerically stable softmax of each row (over axis 1, the classes).

    Inputs:
    - logits: 2-D array of shape (N, C); logits[i, c] is the score of class c
      for sample i. It is not modified.

    Returns:
    - probs: a new float64 array of shape (N, C); row i is the softmax of
      logits[i]: non-negative, summing to 1. Finite and accurate (no inf,
      no nan) for logits of +-1000 and for rows that are hundreds apart;
      adding the same number to every logit of a row leaves its row of
      probabilities unchanged.

    Hint: subtract each row's maximum, z_max = np.max(logits, axis=1,
    keepdims=True), before np.exp, without writing into logits.
    """
    z = np.asarray(logits, dtype=np.float64)
    exp_z = np.exp(z - np.max(z, axis=1, keepdims=True))
    exp_z /= np.sum(exp_z, axis=1, keepdims=True)
    return exp_z


def log_softmax(logits):
    """Log of the softmax of each row (over axis 1, the classes), computed
    without forming the softmax.

    Inputs:
    - logits: 2-D array of shape (N, C). It is not modified.

    Returns:
    - a new float64 array of shape (N, C), z - logsumexp(z) for each row z.
      Finite and accurate where the softmax underflows to 0 (a gap of 1000
      between two logits gives -1000, not -inf), and for logits of +-1000
      and rows that are hundreds apart.

    Hint: your result of Task 7.1, row by row: z_max = np.max(logits,
    axis=1, keepdims=True) as in softmax, and every sum over axis=1 with
    keepdims=True; build new arrays, without writing into logits.
    """
    z = np.asarray(logits, dtype=np.float64)
    shifted = z - np.max(z, axis=1, keepdims=True)
    shifted -= np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    return shifted


def softmax_cross_entropy_forward(y_true, logits):
    """Cross-entropy of softmax(logits) against integer labels, averaged over the samples.

    Inputs:
    - y_true: integer array of shape (N,); y_true[i] in {0, ..., C - 1} is
      the true class of sample i.
    - logits: array of shape (N, C) of raw scores.

    Returns:
    - loss: float, -(1/N) sum_i log softmax(logits[i])[y_true[i]]; finite
      and accurate for logits of +-1000 and for rows that are hundreds apart
      (a true class 2000 below the best costs 2000, far more than -log(eps)).
      Neither input is modified, by this function or by the log_softmax it
      calls.

    Raises:
    - ValueError if y_true.shape != (N,) with N = logits.shape[0] (for
      instance labels of shape (N, 1), or one-hot targets of shape (N, C)),
      with a message that names both shapes as Python prints them
      (str(y_true.shape) and str(logits.shape), e.g. (3, 1) and (3, 4)).

    Hint: reuse your log_softmax and pick one entry per row with
    [np.arange(N), y_true].
    """
    z = np.asarray(logits, dtype=np.float64)
    t = np.asarray(y_true)
    if z.ndim != 2 or t.shape != (z.shape[0],):
        raise ValueError(f"y_true has shape {t.shape} but logits has shape {z.shape}; "
                         "softmax_cross_entropy_forward needs class indices of shape (N,) for logits of shape (N, C)")
    n = z.shape[0]
    return float(-np.mean(log_softmax(z)[np.arange(n), t]))


def softmax_cross_entropy_backward(y_true, logits):
    """Gradient of softmax_cross_entropy_forward with respect to the logits.

    Inputs:
    - y_true: integer array of shape (N,), class indices in {0, ..., C - 1}.
    - logits: array of shape (N, C).

    Returns:
    - grad: float64 array of shape (N, C), dL/dlogits, the gradient of the
      mean loss (your result of Task 7.3). Finite and accurate for logits of
      +-1000 and for rows that are hundreds apart (adding the same number to
      every logit of a row leaves its gradient unchanged), and where the
      true class's probability is far below eps: for one sample whose true
      class sits 60 below three equal others, every entry is within 1e-3 of
      your gradient at a gap of 8, as your formula says (no clipping may
      shrink it).
      Neither input is modified, by this function or by the softmax it calls.

    Raises:
    - ValueError if y_true.shape != (N,) with N = logits.shape[0], with a
      message that names both shapes as Python prints them, as in
      softmax_cross_entropy_forward.

    Hint: your result of Task 7.3, for all rows at once. Your softmax
    returns a new array, and [np.arange(N), y_true] picks one entry per row
    (see "Batching: one entry per row").
    """
    z = np.asarray(logits, dtype=np.float64)
    t = np.asarray(y_true)
    if z.ndim != 2 or t.shape != (z.shape[0],):
        raise ValueError(f"y_true has shape {t.shape} but logits has shape {z.shape}; "
                         "softmax_cross_entropy_backward needs class indices of shape (N,) for logits of shape (N, C)")
    n = z.shape[0]
    grad = softmax(z)
    grad[np.arange(n), t] -= 1.0
    grad /= n
    return grad


# ----------------------------------------------------------------------------
# 03_mean_squared_error
# ----------------------------------------------------------------------------

def mse_forward(y_true, y_pred):
    """Mean squared error, averaged over all M = y_pred.size elements.

    Inputs:
    - y_true: array of shape (N,) or (N, D), the targets (float or integer).
    - y_pred: array of exactly the same shape, the predictions (float or integer).

    Returns:
    - loss: float, the mean of (y_pred - y_true) ** 2 over all M elements
      (M = N for shape (N,), M = N * D for shape (N, D)).
      The value is checked to a relative tolerance of 1e-9. For targets near
      1e9 and residuals that float64 holds exactly there (multiples of 1/4
      between -2 and 2, such as 0.5, -1.5 and 1), it must agree to a relative
      1e-9 with its own result for the same residuals on small targets:
      subtract first, then square.

    Raises:
    - ValueError if y_true.shape != y_pred.shape, with a message that names
      both shapes as Python prints them (str(y_true.shape), str(y_pred.shape)),
      e.g. "y_true has shape (5,) but y_pred has shape (5, 1)".
      Shapes match only when they are equal: (N,) and (N, 1) do not.

    y_true and y_pred are left unmodified.

    Hint: compare the shapes before any arithmetic; then compute the residual
    y_pred - y_true, square it, and np.mean over every element.
    """
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y.shape} but y_pred has shape {p.shape}; "
                         "reshape one of them explicitly instead of relying on broadcasting")
    r = p - y
    return float(np.mean(r * r))


def mse_backward(y_true, y_pred):
    """Gradient of mse_forward with respect to y_pred.

    Inputs:
    - y_true: array of shape (N,) or (N, D), the targets (float or integer).
    - y_pred: array of exactly the same shape, the predictions (float or integer).

    Returns:
    - grad: float64 array of y_pred's shape (also for integer inputs),
      dL/dy_pred for the mean loss L = mse_forward(y_true, y_pred),
      checked to a relative tolerance of 1e-9.

    Raises:
    - ValueError if y_true.shape != y_pred.shape, with a message that names
      both shapes as Python prints them, as in mse_forward.

    y_true and y_pred are left unmodified.

    Hint: your result of Task 6.1, written once for the whole array (NumPy
    works entry by entry); M = y_pred.size. np.asarray(x, dtype=np.float64)
    turns integer inputs into float64 arrays.
    """
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y.shape} but y_pred has shape {p.shape}; "
                         "reshape one of them explicitly instead of relying on broadcasting")
    return 2.0 * (p - y) / p.size


# ----------------------------------------------------------------------------
# 04_hinge_loss
# ----------------------------------------------------------------------------

def hinge_forward(y_true, scores):
    """Binary hinge loss, averaged over the N samples.

    Inputs:
    - y_true: array of shape (N,), labels in {-1, +1} (integer or float).
    - scores: array of shape (N,), real-valued scores s (integer or float).

    Returns:
    - loss: float, the mean over the N samples of max(0, 1 - y * s).

    Raises:
    - ValueError if y_true.shape != scores.shape, with a message that names
      both shapes as Python prints them (str(y_true.shape) gives (4,)), e.g.
      "y_true has shape (4,) but scores has shape (4, 1)".
    - ValueError if a label is not -1 or +1, with a message that mentions the
      labels (it contains the word label, in any case). When every label is
      0 or 1, the message also gives the fix: 2*y - 1.
    Any labels in {-1, +1} are accepted, even a batch of one class only.

    Hint: compare the shapes first; find the bad labels with (y != 1) & (y != -1);
    then np.maximum and np.mean.
    """
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=np.float64)
    if y.shape != s.shape:
        raise ValueError(f"y_true has shape {y.shape} but scores has shape {s.shape}; "
                         "they must match (reshape one of them explicitly)")
    bad = (y != 1) & (y != -1)
    if np.any(bad):
        fix = "; for labels in {0, 1}, pass 2*y - 1 instead" if np.all((y == 0) | (y == 1)) else ""
        raise ValueError(f"hinge labels must be -1 or +1, got {np.unique(y[bad])}{fix}")
    margins = y.astype(np.float64) * s
    return float(np.mean(np.maximum(0.0, 1.0 - margins)))


def hinge_backward(y_true, scores):
    """Gradient (subgradient) of hinge_forward with respect to the scores.

    Inputs:
    - y_true: array of shape (N,), labels in {-1, +1} (integer or float).
    - scores: array of shape (N,), real-valued scores (integer or float).

    Returns:
    - grad: float64 array of shape (N,), dL/ds for the mean loss L: your
      subgradient of Task 5.1, with 0 at the kink y_i * s_i = 1.

    Raises:
    - ValueError on mismatched shapes and on labels other than -1 and +1,
      with the same messages as hinge_forward.

    Hint: after the same checks as hinge_forward, np.where builds an array from a
    condition on the margins, with one value where it holds and another elsewhere.
    """
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=np.float64)
    if y.shape != s.shape:
        raise ValueError(f"y_true has shape {y.shape} but scores has shape {s.shape}; "
                         "they must match (reshape one of them explicitly)")
    bad = (y != 1) & (y != -1)
    if np.any(bad):
        fix = "; for labels in {0, 1}, pass 2*y - 1 instead" if np.all((y == 0) | (y == 1)) else ""
        raise ValueError(f"hinge labels must be -1 or +1, got {np.unique(y[bad])}{fix}")
    y = y.astype(np.float64)
    return np.where(y * s < 1.0, -y, 0.0) / s.size


def multiclass_hinge_forward(y_true, scores, margin=1.0):
    """Weston-Watkins multi-class hinge loss, averaged over the N samples.

    Inputs:
    - y_true: integer array of shape (N,), the true class of each sample, in 0..C-1.
    - scores: array of shape (N, C), where scores[i, c] is the score of class c for sample i.
    - margin: float, the margin parameter Delta >= 0 (0 included), how far the
      true class must beat the others.

    Returns:
    - loss: float, the mean over samples of the sum over c != y_i of
      max(0, scores[i, c] - scores[i, y_i] + margin).

    Raises:
    - ValueError unless scores is 2-D, of shape (N, C), and y_true has shape (N,):
      one class index per row. The message names both shapes as Python prints
      them (str(y_true.shape) gives (4, 1)), e.g.
      "y_true has shape (4, 1) but scores has shape (4, 3)".
    - ValueError if margin < 0, with a message that names the margin parameter
      (it contains the word margin, in any case).

    Hint: check the shapes and the margin parameter first; then the tools of
    section 7.3, np.maximum, and .sum(). Remember that the sum skips c = y_i.
    """
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=np.float64)
    if s.ndim != 2 or y.shape != (s.shape[0],):
        raise ValueError(f"y_true has shape {y.shape} but scores has shape {s.shape}; "
                         "y_true must hold one class index per row of scores: shape (N,) for scores (N, C)")
    if margin < 0:
        raise ValueError(f"margin must be >= 0, got {margin}")
    rows = np.arange(s.shape[0])
    margins = (s - s[rows, y][:, None]) + margin
    margins[rows, y] = 0.0
    return float(np.maximum(0.0, margins).sum() / s.shape[0])


def multiclass_hinge_backward(y_true, scores, margin=1.0):
    """Gradient (subgradient) of multiclass_hinge_forward with respect to the scores.

    Inputs:
    - y_true: integer array of shape (N,), the true classes, in 0..C-1.
    - scores: array of shape (N, C).
    - margin: float, the margin parameter Delta >= 0 (0 included).

    Returns:
    - grad: float64 array of shape (N, C), dL/dscores for the mean loss L: in
      row i, your result of Task 7.4. A wrong class violates only when
      s_ic - s_iy_i + margin > 0, strictly: a term exactly at its kink gets 0.

    Raises:
    - ValueError on mismatched shapes and on a negative margin parameter, with
      the same messages as multiclass_hinge_forward.

    Hint: your row of Task 7.4, for every row at once, with no Python loop;
    the tools of section 7.3 help here too.
    """
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=np.float64)
    if s.ndim != 2 or y.shape != (s.shape[0],):
        raise ValueError(f"y_true has shape {y.shape} but scores has shape {s.shape}; "
                         "y_true must hold one class index per row of scores: shape (N,) for scores (N, C)")
    if margin < 0:
        raise ValueError(f"margin must be >= 0, got {margin}")
    rows = np.arange(s.shape[0])
    margins = (s - s[rows, y][:, None]) + margin
    grad = (margins > 0.0).astype(np.float64)
    grad[rows, y] = 0.0
    grad[rows, y] = -grad.sum(axis=1)
    return grad / s.shape[0]


def one_sample_at_a_time(y_true, scores, margin=1.0):
    # One call of your function per sample, each on a batch of one row; then the mean of the N losses.
    return float(np.mean([multiclass_hinge_forward(y_true[i:i + 1], scores[i:i + 1], margin)
                          for i in range(len(y_true))]))


# ----------------------------------------------------------------------------
# 05_quantile_loss
# ----------------------------------------------------------------------------

def quantile_forward(y_true, y_pred, tau):
    """Pinball (quantile) loss, averaged over all predictions.

    Inputs:
    - y_true: array of targets (integers are accepted).
    - y_pred: array of predictions (integers are accepted).
    - tau: the quantile level(s), either
        * a float in (0, 1); then y_pred may have any shape, such as (N,) or
          (N, D), and y_true must have exactly the same shape; or
        * an array of shape (Q,), every entry in (0, 1); then y_pred must have
          shape (N, Q), column q predicting level tau[q], and y_true shape (N,).

    Returns:
    - loss: float, the mean of max((1 - tau) * r, -tau * r) over all
      M = y_pred.size predictions, with r = y_pred - y_true
      (r = y_pred - y_true[:, None] for an array tau, column q using tau[q]).

    Raises:
    - ValueError, with a message that contains the word tau, if any tau is
      outside (0, 1).
    - ValueError, if the shapes are not one of the two cases above, with a
      message that contains str(y_true.shape) and str(y_pred.shape), such as
      (3,) and (3, 1), and also the number Q when an array tau has Q levels
      but y_pred does not have Q columns.
      Never broadcast: y_true of shape (3,) against y_pred of shape (3, 1) is an error.

    Hint: np.asarray(tau) handles both kinds of tau (its ndim is 0 or 1);
    compare shapes before any arithmetic; y_true[:, None] has shape (N, 1).
    """
    tau = np.asarray(tau, dtype=np.float64)
    if tau.ndim > 1 or not np.all((tau > 0.0) & (tau < 1.0)):
        raise ValueError(f"tau must be a float or a 1-D array of levels strictly between 0 and 1, got {tau.tolist()}")
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if tau.ndim == 0:
        if y.shape != p.shape:
            raise ValueError(f"with a float tau, y_true and y_pred must have the same shape, "
                             f"but y_true has shape {y.shape} and y_pred has shape {p.shape}")
    else:
        if y.ndim != 1 or p.shape != (y.shape[0], tau.size):
            raise ValueError(f"with {tau.size} levels in tau, y_true must have shape (N,) and y_pred shape "
                             f"(N, {tau.size}), but y_true has shape {y.shape} and y_pred has shape {p.shape}")
        y = y[:, None]
    r = p - y
    return float(np.mean(np.maximum((1.0 - tau) * r, -tau * r)))


def quantile_backward(y_true, y_pred, tau):
    """Gradient of quantile_forward with respect to y_pred.

    Inputs:
    - y_true, y_pred, tau: as for quantile_forward (the same shape rules).

    Returns:
    - grad: float64 array of y_pred's shape (also for integer inputs),
      dL/dy_pred for the mean loss L, with M = y_pred.size (N, N * D or N * Q):
      your result of Task 5.1 where y_pred > y_true (too high) and where
      y_pred < y_true (too low), and 0 where they are equal (the course's
      subgradient at a tie). With an array tau, column q uses tau[q].

    Raises:
    - ValueError, as in quantile_forward: for a tau outside (0, 1) (the message
      mentions tau), and for shapes that do not fit (the message names both shapes).

    Hint: np.where(condition, a, b) works elementwise and broadcasts tau;
    test r > 0 and r < 0 separately, so that a tie gets its own value.
    """
    tau = np.asarray(tau, dtype=np.float64)
    if tau.ndim > 1 or not np.all((tau > 0.0) & (tau < 1.0)):
        raise ValueError(f"tau must be a float or a 1-D array of levels strictly between 0 and 1, got {tau.tolist()}")
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if tau.ndim == 0:
        if y.shape != p.shape:
            raise ValueError(f"with a float tau, y_true and y_pred must have the same shape, "
                             f"but y_true has shape {y.shape} and y_pred has shape {p.shape}")
    else:
        if y.ndim != 1 or p.shape != (y.shape[0], tau.size):
            raise ValueError(f"with {tau.size} levels in tau, y_true must have shape (N,) and y_pred shape "
                             f"(N, {tau.size}), but y_true has shape {y.shape} and y_pred has shape {p.shape}")
        y = y[:, None]
    r = p - y
    return np.where(r > 0, 1.0 - tau, np.where(r < 0, -tau, 0.0)) / r.size


# ----------------------------------------------------------------------------
# 06_robust_regression
# ----------------------------------------------------------------------------

def mae_forward(y_true, y_pred):
    """Mean absolute error, averaged over all M = y_pred.size elements.

    Inputs:
    - y_true: array of targets, of any shape (float or integer).
    - y_pred: array of predictions, of exactly the same shape (float or integer).

    Returns:
    - loss: float, the mean of |y_pred - y_true| over all M elements. It is checked
      to a relative 1e-9.

    Raises:
    - ValueError if y_true.shape != y_pred.shape, with a message that names both
      shapes as Python prints them (str(y_true.shape) and str(y_pred.shape)).

    y_true and y_pred are left unmodified.

    Hint: compare the shapes before any arithmetic; np.abs and np.mean.
    """
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y.shape} but y_pred has shape {p.shape}; "
                         "reshape one of them explicitly instead of relying on broadcasting")
    return float(np.mean(np.abs(p - y)))


def huber_forward(y_true, y_pred, delta=1.0):
    """Huber loss with threshold delta, averaged over all M = y_pred.size elements.

    Inputs:
    - y_true: array of targets, of any shape (float or integer).
    - y_pred: array of predictions, of exactly the same shape (float or integer).
    - delta: the threshold, a number > 0 (default 1.0).

    Returns:
    - loss: float, the mean over all M elements of the Huber loss of section 2
      of r = y_pred - y_true: 0.5 * r**2 where |r| <= delta, and your linear
      part of Task 4.1 where |r| > delta. At |r| == delta both parts give the
      same value, so either may be used there. It is checked to a relative 1e-9
      at the default delta = 1; for other delta it must equal
      delta**2 * huber_forward(y_true / delta, y_pred / delta), with your own
      function at the default delta, to a relative 1e-6 (section 6); on those
      inputs, whose residuals are about delta in size, your loss at the
      default delta must be finite and above 1e-6, and differ from your loss
      at the default delta with every prediction equal to its target (0).

    Raises:
    - ValueError if delta <= 0, with a message that contains the word delta.
    - ValueError if y_true.shape != y_pred.shape, with a message that names both
      shapes as Python prints them (str(y_true.shape) and str(y_pred.shape)).

    y_true and y_pred are left unmodified.

    Hint: np.abs(r) and np.where(condition, a, b), which works elementwise.
    """
    if not delta > 0:
        raise ValueError(f"delta must be > 0, got {delta!r}")
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y.shape} but y_pred has shape {p.shape}; "
                         "reshape one of them explicitly instead of relying on broadcasting")
    r = p - y
    abs_r = np.abs(r)
    return float(np.mean(np.where(abs_r <= delta, 0.5 * r * r, delta * (abs_r - 0.5 * delta))))


def log_cosh_forward(y_true, y_pred):
    """log-cosh loss, averaged over all M = y_pred.size elements.

    Inputs:
    - y_true: array of targets, of any shape (float or integer).
    - y_pred: array of predictions, of exactly the same shape (float or integer).

    Returns:
    - loss: float, the mean of log(cosh(r)) over all M elements, r = y_pred - y_true.
      It must be finite for every residual. It is checked to a relative 1e-9 on
      batches with residuals between -40 and 40. For residuals from 40 to 5000
      in size (np.cosh overflows beyond 710.5, section 5), alone (M = 1) or in
      a batch with moderate ones, it must equal, to a relative 1e-9 (or 16
      times the float rounding of the type you return, if that is coarser;
      a result of several entries is read as their mean), your own loss on
      the same batch with those residuals moved to 30 in size (signs kept),
      plus your own slope there times the total size they were moved by. The
      slope is your loss with one of them at 31 in size minus your loss with it
      at 30; it must be finite and above 1e-6, and your loss there finite.

    Raises:
    - ValueError if y_true.shape != y_pred.shape, with a message that names both
      shapes as Python prints them (str(y_true.shape) and str(y_pred.shape)).

    y_true and y_pred are left unmodified.

    Hint: your result of Task 5.1, with np.abs, np.exp and np.log1p.
    """
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y.shape} but y_pred has shape {p.shape}; "
                         "reshape one of them explicitly instead of relying on broadcasting")
    abs_r = np.abs(p - y)
    return float(np.mean(abs_r + np.log1p(np.exp(-2.0 * abs_r)) - np.log(2.0)))


def mae_backward(y_true, y_pred):
    """Gradient of mae_forward with respect to y_pred.

    Inputs:
    - y_true, y_pred: as for mae_forward (exactly the same shape).

    Returns:
    - grad: float64 array of y_pred's shape (also for integer inputs), dL/dy_pred
      for the mean loss L = mae_forward(y_true, y_pred): sign(r) / M, with
      r = y_pred - y_true and M = y_pred.size (the ties count in M), and 0
      where y_pred == y_true (the course's subgradient at a tie). Away from
      ties it is checked to a relative 1e-9, also in batches with ties, and at
      ties it must be 0 to within 1e-9, with at least one entry away from the
      ties above 1e-6 in size.

    Raises:
    - ValueError if y_true.shape != y_pred.shape, naming both shapes, as in mae_forward.

    y_true and y_pred are left unmodified.

    Hint: np.sign is 0 at 0; np.asarray(x, dtype=np.float64) turns integers into floats.
    """
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y.shape} but y_pred has shape {p.shape}; "
                         "reshape one of them explicitly instead of relying on broadcasting")
    return np.sign(p - y) / p.size


def huber_backward(y_true, y_pred, delta=1.0):
    """Gradient of huber_forward with respect to y_pred.

    Inputs:
    - y_true, y_pred, delta: as for huber_forward (the same shape rules, delta > 0).

    Returns:
    - grad: float64 array of y_pred's shape (also for integer inputs), dL/dy_pred
      for the mean loss L = huber_forward(y_true, y_pred, delta): your result of
      Task 7.1, with r = y_pred - y_true and M = y_pred.size. At |r| == delta the
      loss has a derivative, and both parts of your result give it. It is
      checked to a relative 1e-9 at the default delta = 1; for other delta it
      must equal delta * huber_backward(y_true / delta, y_pred / delta), with
      your own function at the default delta, to a relative 1e-6 (section 8),
      entry by entry in y_pred's order; on those inputs, whose residuals are
      about delta in size, your gradient at the default delta must be finite,
      with at least one entry above 1e-6 in size, and differ from your
      gradient at the default delta with every prediction equal to its
      target (0).

    Raises:
    - ValueError if delta <= 0 (the message contains the word delta), and if the
      shapes differ (the message names both shapes), as in huber_forward.

    y_true and y_pred are left unmodified.

    Hint: your result of Task 7.1; np.where or np.clip work elementwise.
    """
    if not delta > 0:
        raise ValueError(f"delta must be > 0, got {delta!r}")
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y.shape} but y_pred has shape {p.shape}; "
                         "reshape one of them explicitly instead of relying on broadcasting")
    r = p - y
    return np.clip(r, -delta, delta) / r.size


def log_cosh_backward(y_true, y_pred):
    """Gradient of log_cosh_forward with respect to y_pred.

    Inputs:
    - y_true, y_pred: as for log_cosh_forward (exactly the same shape).

    Returns:
    - grad: float64 array of y_pred's shape (also for integer inputs), dL/dy_pred
      for the mean loss L = log_cosh_forward(y_true, y_pred): your result of
      Task 7.1, with r = y_pred - y_true and M = y_pred.size. It must be finite
      for every residual, including |r| = 1000. It is checked to a relative
      1e-9 on batches with residuals between -40 and 40. For residuals from
      40 to 5000 in size, alone (M = 1) or in a batch with moderate ones, it
      must equal, entry by entry and to a relative 1e-9, your own gradient on
      the same batch with those residuals moved to 30 (or to -30, for a
      negative residual): finite, and saturated, as the gradient is in float64
      beyond |r| = 30. Your own gradient at r = 30 and at r = -30 (M = 1) must
      be finite, larger than 1e-6 in size, and differ.

    Raises:
    - ValueError if y_true.shape != y_pred.shape, naming both shapes, as in log_cosh_forward.

    y_true and y_pred are left unmodified.

    Hint: your result of Task 7.1; NumPy has the hyperbolic functions.
    """
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y.shape} but y_pred has shape {p.shape}; "
                         "reshape one of them explicitly instead of relying on broadcasting")
    r = p - y
    return np.tanh(r) / r.size


# ----------------------------------------------------------------------------
# 07_beyond_one_hot
# ----------------------------------------------------------------------------

def softmax_rows(z):
    """Softmax of each row of z (shape (N, C)), by SciPy's scipy.special.softmax: nothing overflows."""
    return _softmax(np.asarray(z, dtype=np.float64), axis=1)


def log_softmax_rows(z):
    """log(softmax(z)) of each row, by SciPy's scipy.special.log_softmax: finite even where softmax(z) underflows to 0."""
    return _log_softmax(np.asarray(z, dtype=np.float64), axis=1)


def kl_div_forward(y_true, y_pred):
    """KL divergence KL(y_true || y_pred) of each row, averaged over the N rows.

    Inputs:
    - y_true: array of shape (N, C); row i is the target distribution y_i
      (non-negative entries that sum to 1; zeros are allowed).
    - y_pred: array of shape (N, C); row i is the predicted distribution
      (probabilities, not log-probabilities; zeros are allowed).

    Returns:
    - loss: float, (1/N) sum_i sum_c y_ic log(y_ic / y_pred_ic): a sum over the
      C classes and a mean over the N rows (PyTorch's reduction='batchmean').
      A term with y_ic = 0 is 0 (0 log 0 = 0), whatever y_pred_ic, 0 included.
      Before the log, clip y_pred from below at eps, any eps from 1e-15 to
      1e-6 (np.maximum(y_pred, eps), or np.clip to [eps, 1 - eps]), so that
      the loss is finite, and large, where y_pred_ic = 0 < y_ic.

    Raises:
    - ValueError if y_true and y_pred do not have the same 2-D shape (N, C),
      with a message that contains both shapes as Python prints them,
      str(y_true.shape) and str(y_pred.shape), such as (2, 3) and (3, 2).

    Does not modify its inputs.
    Hint: np.where(y > 0, ..., 0.0) gives 0 log 0 = 0, but it evaluates both
    branches, so keep the argument of every log positive; scipy.special.xlogy
    does it for you.
    """
    p = np.asarray(y_true, dtype=np.float64)
    q = np.asarray(y_pred, dtype=np.float64)
    if p.ndim != 2 or p.shape != q.shape:
        raise ValueError(f"y_true and y_pred must both have shape (N, C), "
                         f"but y_true has shape {p.shape} and y_pred has shape {q.shape}")
    eps = 1e-12
    q = np.maximum(q, eps)
    positive = p > 0
    terms = np.where(positive, p * (np.log(np.where(positive, p, 1.0)) - np.log(q)), 0.0)
    return float(np.sum(terms) / p.shape[0])


def kl_div_backward(y_true, y_pred):
    """Gradient of kl_div_forward with respect to y_pred.

    Inputs:
    - y_true, y_pred: as for kl_div_forward, two arrays of shape (N, C).

    Returns:
    - grad: float64 array of shape (N, C), dL/dy_pred: your result of Task 3.1,
      with its 1/N, evaluated at y_pred clipped from below at eps as in
      kl_div_forward (any eps from 1e-15 to 1e-6). It is 0 wherever y_ic = 0
      (also where y_pred_ic = 0), and finite, negative and large where
      y_pred_ic = 0 < y_ic.

    Raises:
    - ValueError as kl_div_forward, naming both shapes when they differ.

    Does not modify its inputs.
    """
    p = np.asarray(y_true, dtype=np.float64)
    q = np.asarray(y_pred, dtype=np.float64)
    if p.ndim != 2 or p.shape != q.shape:
        raise ValueError(f"y_true and y_pred must both have shape (N, C), "
                         f"but y_true has shape {p.shape} and y_pred has shape {q.shape}")
    eps = 1e-12
    return -p / (p.shape[0] * np.maximum(q, eps))


def smoothed_cross_entropy_forward(y_true, logits, epsilon=0.1):
    """Cross-entropy of softmax_rows(logits) against label-smoothed targets, averaged over the samples.

    Inputs:
    - y_true: integer array of shape (N,); y_true[i] in {0, ..., C - 1} is the
      true class of sample i.
    - logits: array of shape (N, C) of raw scores.
    - epsilon: the smoothing strength beta, a float in [0, 1] (PyTorch's
      label_smoothing).

    Returns:
    - loss: float, -(1/N) sum_i sum_c y_smooth[i, c] log softmax_rows(logits[i])_c
      with the smoothed target
      y_smooth[i, c] = (1 - epsilon) [c == y_true[i]] + epsilon / C:
      F.cross_entropy(logits, y_true, label_smoothing=epsilon). With
      epsilon = 0 it is the plain cross-entropy. Finite and accurate for
      logits of +-1000.

    Raises:
    - ValueError with a message that contains the word epsilon if epsilon is
      not in [0, 1].
    - ValueError if logits is not 2-D or y_true.shape != (N,) with
      N = logits.shape[0], with a message that names both shapes as Python
      prints them, such as (3, 1) and (3, 4).

    Does not modify its inputs.
    Hint: log_softmax_rows(logits) gives every log-probability; the targets need
    not be built, since the loss is linear in the target (section 4).
    """
    if not 0.0 <= epsilon <= 1.0:
        raise ValueError(f"epsilon must be in [0, 1], got {epsilon}")
    z = np.asarray(logits, dtype=np.float64)
    t = np.asarray(y_true)
    if z.ndim != 2 or t.shape != (z.shape[0],):
        raise ValueError(f"y_true has shape {t.shape} but logits has shape {z.shape}; "
                         "y_true must hold one class index per row of logits, shape (N,) for logits (N, C)")
    n, c = z.shape
    log_p = log_softmax_rows(z)
    per_sample = -(1.0 - epsilon) * log_p[np.arange(n), t] - (epsilon / c) * np.sum(log_p, axis=1)
    return float(np.mean(per_sample))


def smoothed_cross_entropy_backward(y_true, logits, epsilon=0.1):
    """Gradient of smoothed_cross_entropy_forward with respect to the logits.

    Inputs:
    - y_true, logits, epsilon: as for smoothed_cross_entropy_forward.

    Returns:
    - grad: float64 array of shape (N, C), dL/dlogits for the mean loss L:
      your result of Task 4.1, with its 1/N. Finite for logits of +-1000.

    Raises:
    - ValueError as smoothed_cross_entropy_forward: for an epsilon outside
      [0, 1] (the message contains the word epsilon), and for shapes that do
      not fit (the message names both shapes).

    Does not modify its inputs.
    Hint: the helper softmax_rows(logits) is stable; build the smoothed target
    with np.full((N, C), epsilon / C) and one entry per row at
    [np.arange(N), y_true].
    """
    if not 0.0 <= epsilon <= 1.0:
        raise ValueError(f"epsilon must be in [0, 1], got {epsilon}")
    z = np.asarray(logits, dtype=np.float64)
    t = np.asarray(y_true)
    if z.ndim != 2 or t.shape != (z.shape[0],):
        raise ValueError(f"y_true has shape {t.shape} but logits has shape {z.shape}; "
                         "y_true must hold one class index per row of logits, shape (N,) for logits (N, C)")
    n, c = z.shape
    target = np.full((n, c), epsilon / c)
    target[np.arange(n), t] += 1.0 - epsilon
    return (softmax_rows(z) - target) / n


def focal_forward(y_true, logits, gamma=2.0, alpha=0.25):
    """Focal loss on logits (torchvision's sigmoid_focal_loss, reduction='mean').

    Inputs:
    - y_true: array of labels 0 or 1 (integers or floats), of logits' shape.
    - logits: array of raw scores, any shape, such as (N,) or (N, C).
    - gamma: the focusing parameter, a float >= 0.
    - alpha: the weight of the label 1, a float in [0, 1] (the label 0 gets
      1 - alpha), or None for no weighting.

    Returns:
    - loss: float, the mean over all M = logits.size predictions of
      -alpha_t (1 - p_t)**gamma log p_t, with p = expit(logits),
      p_t = p y + (1 - p)(1 - y), alpha_t = alpha y + (1 - alpha)(1 - y)
      (alpha_t = 1 when alpha is None). (1 - p_t)**0 is 1. Finite and
      accurate for logits of +-1000.

    Raises:
    - ValueError with a message containing the word gamma if gamma < 0.
    - ValueError with a message containing the word alpha if alpha is not
      None and not in [0, 1].
    - ValueError if y_true and logits do not have the same shape, with a
      message that names both shapes as Python prints them.

    Does not modify its inputs.
    Hint: section 5's numerical stability: log p_t = -np.logaddexp(0, -s * z)
    with s = 2 y - 1; test alpha with "alpha is None", since 0.0 is a valid alpha.
    """
    if not gamma >= 0:
        raise ValueError(f"gamma must be >= 0, got {gamma}")
    if alpha is not None and not 0.0 <= alpha <= 1.0:
        raise ValueError(f"alpha must be None or in [0, 1], got {alpha}")
    y = np.asarray(y_true, dtype=np.float64)
    z = np.asarray(logits, dtype=np.float64)
    if y.shape != z.shape:
        raise ValueError(f"y_true has shape {y.shape} but logits has shape {z.shape}; they must match (no broadcasting)")
    s = 2.0 * y - 1.0
    log_pt = -np.logaddexp(0.0, -s * z)
    one_minus_pt = expit(-s * z)
    loss = -(one_minus_pt ** gamma) * log_pt
    if alpha is not None:
        loss = (alpha * y + (1.0 - alpha) * (1.0 - y)) * loss
    return float(np.mean(loss))


def focal_backward(y_true, logits, gamma=2.0, alpha=0.25):
    """Gradient of focal_forward with respect to the logits.

    Inputs:
    - y_true, logits, gamma, alpha: as for focal_forward.

    Returns:
    - grad: float64 array of logits' shape, dL/dlogits for the mean L over all
      M = logits.size predictions: your result of Task 5.1, with its 1/M.
      Finite and accurate for logits of +-1000.

    Raises:
    - ValueError as focal_forward: gamma < 0 (the message contains gamma),
      alpha not None and not in [0, 1] (alpha), shapes that differ (both shapes).

    Does not modify its inputs.
    Hint: the stable p_t, 1 - p_t and log p_t of focal_forward; p_t log p_t is
    then 0, not nan, where p_t underflows to 0.
    """
    if not gamma >= 0:
        raise ValueError(f"gamma must be >= 0, got {gamma}")
    if alpha is not None and not 0.0 <= alpha <= 1.0:
        raise ValueError(f"alpha must be None or in [0, 1], got {alpha}")
    y = np.asarray(y_true, dtype=np.float64)
    z = np.asarray(logits, dtype=np.float64)
    if y.shape != z.shape:
        raise ValueError(f"y_true has shape {y.shape} but logits has shape {z.shape}; they must match (no broadcasting)")
    s = 2.0 * y - 1.0
    log_pt = -np.logaddexp(0.0, -s * z)
    p_t = expit(s * z)
    one_minus_pt = expit(-s * z)
    grad = s * (one_minus_pt ** gamma) * (gamma * p_t * log_pt - one_minus_pt)
    if alpha is not None:
        grad = (alpha * y + (1.0 - alpha) * (1.0 - y)) * grad
    return grad / z.size


def fit_temperature(logits, y_true):
    """The temperature T > 0 that minimises the mean NLL of softmax_rows(logits / T).

    Inputs:
    - logits: array of shape (N, C), the held-out logits of a trained model.
    - y_true: integer array of shape (N,), the true classes.

    Returns:
    - T: float, the minimiser over T > 0 of
      -(1/N) sum_i log softmax_rows(logits[i] / T)[y_true[i]],
      to a relative accuracy of 1e-4 or better (the tests allow 1e-4). The
      tests use logits whose best T lies between 0.05 and 20.
      Any accurate 1-D method is allowed: scipy.optimize.minimize_scalar
      (for instance on log T, with method='bounded' and a small xatol),
      golden-section search, or Newton's method.
      If no T > 0 minimises the NLL (it keeps falling as T grows, or as T
      shrinks: section 7 says when), return the end of your search interval
      on that side, such as 1e3 or 1e-3; the tests use no such logits.

    Raises:
    - ValueError if logits is not 2-D or y_true.shape != (N,), with a message
      that names both shapes as Python prints them.

    Does not modify its inputs.
    Hint: minimise over u = log T, so that every u gives a positive T; use
    log_softmax_rows on logits / T, never the log of a softmax.
    """
    z = np.asarray(logits, dtype=np.float64)
    t = np.asarray(y_true)
    if z.ndim != 2 or t.shape != (z.shape[0],):
        raise ValueError(f"y_true has shape {t.shape} but logits has shape {z.shape}; "
                         "fit_temperature needs logits of shape (N, C) and labels of shape (N,)")
    rows = np.arange(z.shape[0])

    def nll(u):
        return -np.mean(log_softmax_rows(z / np.exp(u))[rows, t])

    best = minimize_scalar(nll, bounds=(np.log(1e-3), np.log(1e3)), method="bounded", options={"xatol": 1e-10})
    return float(np.exp(best.x))


def expected_calibration_error(probs, y_true, n_bins=15):
    """Expected calibration error with n_bins equal-width bins of the top-class probability.

    Inputs:
    - probs: array of shape (N, C), predicted probabilities (each row sums to 1).
    - y_true: integer array of shape (N,), the true classes.
    - n_bins: a positive int, the number of bins of [0, 1].

    Returns:
    - ece: float, sum over the bins b of (|B_b| / N) |acc(B_b) - conf(B_b)|,
      with conf_i = max_c probs[i, c] and the prediction np.argmax(probs[i])
      (the first class that reaches the maximum); empty bins count 0.
      Bin b (from 0) holds the samples with edges[b] < conf_i <= edges[b + 1],
      edges = np.linspace(0, 1, n_bins + 1); conf_i = 0 goes to bin 0.

    Raises:
    - ValueError with a message containing the word n_bins if n_bins is not
      an int >= 1 (a bool is not accepted).
    - ValueError if probs is not 2-D or y_true.shape != (N,), with a message
      that names both shapes as Python prints them.

    Does not modify its inputs.
    """
    if isinstance(n_bins, bool) or not isinstance(n_bins, (int, np.integer)) or n_bins < 1:
        raise ValueError(f"n_bins must be a positive integer, got {n_bins!r}")
    p = np.asarray(probs, dtype=np.float64)
    t = np.asarray(y_true)
    if p.ndim != 2 or t.shape != (p.shape[0],):
        raise ValueError(f"probs has shape {p.shape} but y_true has shape {t.shape}; "
                         "expected probs of shape (N, C) and y_true of shape (N,)")
    conf = np.max(p, axis=1)
    correct = (np.argmax(p, axis=1) == t).astype(np.float64)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    bins = np.clip(np.searchsorted(edges, conf, side="left") - 1, 0, n_bins - 1)
    gaps = np.bincount(bins, weights=correct - conf, minlength=n_bins)  # |B_b| (acc - conf) for each bin
    return float(np.sum(np.abs(gaps)) / conf.size)
