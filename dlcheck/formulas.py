"""Functions that cross to student code as data: what a check passes where a graded
function takes a function (``numerical_gradient(f, x)``, ``gradient_descent(f, init_x)``).

The grader never runs student code, and student code never gets a way into the grader,
so the grader cannot hand over one of its own Python functions. It hands over a
:class:`Polynomial` instead: its coefficients, which :mod:`dlcheck.wire` sends as an
array under a tag of its own (``{"$t": "poly", "c": <array>}``). Each end rebuilds the
same callable from them, with this module's code: the sandbox, where this file is copied
beside the worker (it is untrusted territory there, and holds nothing of the grader's:
only the coefficients and NumPy); the grader, when a reference callee is asked for on the
sandbox's behalf (``numerical_gradient(f, x)`` called back from a student's
``gradient_descent``), where it evaluates numbers and nothing else; and the student's
kernel, where public checks call the notebook's functions directly. Evaluating one runs
no code that either side chose, and a student's own function (a lambda) never crosses:
it arrives as a type name (:class:`dlcheck.wire.Unsupported`), which cannot be called.

Like :mod:`dlcheck.wire`, it imports only the standard library and NumPy.
"""

from __future__ import annotations

from typing import Any

import numpy as np

#: Highest power a polynomial may have: enough to tell central differences (exact up to
#: h^2 * f''' / 6) from forward ones (h * f'' / 2), and a bound on what evaluating costs.
MAX_DEGREE = 3

_asarray, _sum, _float64 = np.asarray, np.sum, np.float64


def _checked(c: Any) -> np.ndarray:
    if type(c) is not np.ndarray or c.dtype != _float64 or c.ndim < 1 or not 1 <= c.shape[0] <= MAX_DEGREE + 1:
        raise ValueError(f"a polynomial's coefficients are a float64 array of 1 to {MAX_DEGREE + 1} rows, "
                         f"not {type(c).__name__} of shape {getattr(c, 'shape', None)}")
    return c


class Polynomial:
    """``f(x) = sum over the elements x_i of x of sum_k c[k]_i * x_i**k``: a number for an
    array ``x``, element by element a polynomial of degree at most :data:`MAX_DEGREE`.

    Parameters
    ----------
    coefficients : array of shape (degree + 1, *shape)
        ``coefficients[k]`` multiplies ``x**k``; ``shape`` is that of the ``x`` it is
        meant for, or ``()`` for the same polynomial on every element (the decks'
        ``function_2``, ``x0**2 + x1**2``, is ``Polynomial([0, 0, 1])``). An ``x`` of
        another shape with the same number of elements is read in C order.
    """

    __name__ = "f"

    def __init__(self, coefficients: Any):
        self.coefficients = _checked(np.array(coefficients, dtype=_float64))

    @classmethod
    def of(cls, coefficients: np.ndarray) -> Polynomial:
        """The polynomial of a float64 array, kept as it is (not copied): how
        :mod:`dlcheck.wire` rebuilds one, before the array's bytes are read into it."""
        polynomial = cls.__new__(cls)
        polynomial.coefficients = _checked(coefficients)
        return polynomial

    def _elements(self, x: Any) -> np.ndarray:
        x = _asarray(x, dtype=_float64)
        shape = self.coefficients.shape[1:]
        if shape and x.shape != shape:
            if x.size != int(np.prod(shape)):
                raise ValueError(f"f takes an array of shape {shape} (the x it was given with), not of shape "
                                 f"{x.shape}: call f on the whole x")
            x = x.reshape(shape)
        return x

    def __call__(self, x: Any) -> float:
        x = self._elements(x)
        return float(sum(_sum(c * x ** k) for k, c in enumerate(self.coefficients)))

    def gradient(self, x: Any) -> np.ndarray:
        """The exact gradient at ``x``, of ``x``'s shape."""
        shape = np.shape(x)
        x = self._elements(x)
        grad = np.zeros(np.broadcast_shapes(x.shape, self.coefficients.shape[1:]))
        for k in range(1, len(self.coefficients)):
            grad = grad + k * self.coefficients[k] * x ** (k - 1)
        return grad.reshape(shape)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and np.array_equal(self.coefficients, other.coefficients)

    def __repr__(self) -> str:
        return f"Polynomial(degree {len(self.coefficients) - 1}, shape {self.coefficients.shape[1:]})"
