"""A hand-written logsumexp (max, shift, log of the sum, add the max back) behind every function on logits."""
import numpy as np


def softmax(logits):
    def logsumexp(z):
        m = np.max(z, axis=1, keepdims=True)
        return m + np.log(np.sum(np.exp(z - m), axis=1, keepdims=True))

    z = np.asarray(logits, dtype=float)
    return np.exp(z - logsumexp(z))


def log_softmax(logits):
    def logsumexp(z):
        m = np.max(z, axis=1, keepdims=True)
        return m + np.log(np.sum(np.exp(z - m), axis=1, keepdims=True))

    z = np.asarray(logits, dtype=float)
    return z - logsumexp(z)


def softmax_cross_entropy_forward(y_true, logits):
    z = np.asarray(logits, dtype=float)
    if np.asarray(y_true).shape != z.shape[:1]:
        raise ValueError("labels " + str(np.asarray(y_true).shape) + " do not match logits " + str(z.shape))
    m = np.max(z, axis=1)
    lse = m + np.log(np.sum(np.exp(z - m[:, None]), axis=1))
    rows = np.arange(len(z))
    return float(np.mean(lse - z[rows, y_true]))


def softmax_cross_entropy_backward(y_true, logits):
    z = np.asarray(logits, dtype=float)
    if np.asarray(y_true).shape != z.shape[:1]:
        raise ValueError("labels " + str(np.asarray(y_true).shape) + " do not match logits " + str(z.shape))
    m = np.max(z, axis=1, keepdims=True)
    lse = m + np.log(np.sum(np.exp(z - m), axis=1, keepdims=True))
    grad = np.exp(z - lse)
    grad[np.arange(len(z)), y_true] -= 1.0
    return grad / len(z)
