"""Helpers of the gradient-checking notebook (week 5): the network's activations, and its
parameters and gradients as one column vector and back.

Students receive this file word for word (``autograde release`` writes it beside the
notebook), and the grading sandbox gives it to a notebook that imports ``gc_utils``: this
course's notebook and the classic course's (W1A3 of its second course), which imports the
same five names from its own module of this name.

The network has layers [4, 5, 3, 1]: its parameters are W1 of shape (5, 4), b1 (5, 1),
W2 (3, 5), b2 (3, 1), W3 (1, 3) and b3 (1, 1), 47 numbers in all, in this order in the
vector.
"""

import numpy as np

#: The parameters' names and shapes, in the order of the vector.
SHAPES = (("W1", (5, 4)), ("b1", (5, 1)), ("W2", (3, 5)), ("b2", (3, 1)), ("W3", (1, 3)), ("b3", (1, 1)))


def sigmoid(x):
    """``1 / (1 + exp(-x))``, element-wise, computed as ``(1 + tanh(x / 2)) / 2`` (no overflow warning)."""
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def relu(x):
    """``max(0, x)``, element-wise."""
    return np.maximum(0, x)


def dictionary_to_vector(parameters):
    """The parameters "W1", "b1", ..., "b3" as one vector.

    Returns
    -------
    theta : numpy array of shape (47, 1), the entries of W1, b1, W2, b2, W3, b3 in this order
        (each array's entries row by row)
    keys : list of 47 str, the name of the parameter each entry of theta comes from
    """
    columns, keys = [], []
    for key, _ in SHAPES:
        column = np.reshape(parameters[key], (-1, 1))
        columns.append(column)
        keys += [key] * column.shape[0]
    return np.concatenate(columns, axis=0), keys


def vector_to_dictionary(theta):
    """The inverse of :func:`dictionary_to_vector`: a dict of "W1", "b1", ..., "b3", each of
    its shape, from ``theta`` of shape (47, 1). The arrays are views of ``theta``."""
    parameters, start = {}, 0
    for key, shape in SHAPES:
        size = int(np.prod(shape))
        parameters[key] = theta[start:start + size].reshape(shape)
        start += size
    return parameters


def gradients_to_vector(gradients):
    """The gradients "dW1", "db1", ..., "db3" as one vector of shape (47, 1), in the order of
    :func:`dictionary_to_vector` (other keys of ``gradients``, such as "dZ1", are left out)."""
    return np.concatenate([np.reshape(gradients["d" + key], (-1, 1)) for key, _ in SHAPES], axis=0)
