"""Given helpers of the week-4 notebooks: two activations and their derivatives.

Shapes follow the course: ``Z`` and ``A`` of shape (n_l, m), one column per example.
Forward functions return ``(A, cache)`` with ``cache = Z`` (kept for the backward pass);
backward functions take ``(dA, cache)`` and return ``dZ``, of the shape of ``Z``.

This module is given, not graded. The grader supplies the same code inside its sandbox.
"""

import numpy as np


def sigmoid(Z):
    """Logistic activation, element-wise: ``1 / (1 + exp(-Z))``.

    Computed as ``(1 + tanh(Z / 2)) / 2``, the same function without overflow warnings
    for large negative ``Z``.

    Parameters
    ----------
    Z : numpy array of any shape

    Returns
    -------
    A : numpy array of the shape of Z, values in (0, 1)
    cache : Z itself, for sigmoid_backward
    """
    A = 0.5 * (1.0 + np.tanh(0.5 * Z))
    return A, Z


def relu(Z):
    """Rectified linear activation, element-wise: ``max(0, Z)``.

    Parameters
    ----------
    Z : numpy array of any shape

    Returns
    -------
    A : numpy array of the shape of Z
    cache : Z itself, for relu_backward
    """
    A = np.maximum(0, Z)
    return A, Z


def relu_backward(dA, cache):
    """Gradient through a ReLU: ``dZ = dA * g'(Z)`` with ``g'(Z) = 1`` where ``Z > 0``, else 0.

    Parameters
    ----------
    dA : numpy array of shape (n_l, m), the gradient of the cost with respect to A
    cache : Z, of shape (n_l, m), as relu returned it

    Returns
    -------
    dZ : numpy array of shape (n_l, m)
    """
    Z = cache
    dZ = np.array(dA, dtype=float, copy=True)
    dZ[Z <= 0] = 0
    return dZ


def sigmoid_backward(dA, cache):
    """Gradient through a sigmoid: ``dZ = dA * s * (1 - s)`` with ``s = sigmoid(Z)``.

    Parameters
    ----------
    dA : numpy array of shape (n_l, m), the gradient of the cost with respect to A
    cache : Z, of shape (n_l, m), as sigmoid returned it

    Returns
    -------
    dZ : numpy array of shape (n_l, m)
    """
    Z = cache
    s = 0.5 * (1.0 + np.tanh(0.5 * Z))
    return dA * s * (1 - s)
