"""The numerical gradients behind every backward-pass check: do they find known
derivatives, per array, and does the agreement check tell right from wrong?"""

import numpy as np
import pytest

from autograder.specs import gradients
from dlcheck.checks import CheckFailed
from dlcheck.text import tr


def test_numerical_gradients_are_split_per_array():
    """For cost(A, b) = sum(A**2 * 3) + sum(sin(b)), is each array's gradient 6A and cos(b), in its shape?"""
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=(2, 3)), rng.normal(size=(4, 1))
    d_a, d_b = gradients.numerical_gradients(lambda a_, b_: float(np.sum(3 * a_ ** 2) + np.sum(np.sin(b_))), [a, b])
    np.testing.assert_allclose(d_a, 6 * a, rtol=1e-8)
    np.testing.assert_allclose(d_b, np.cos(b), rtol=1e-8)


def test_flat_concatenates_in_order():
    assert gradients.flat(np.array([[1.0, 2.0]]), np.array([[3.0], [4.0]])).tolist() == [1.0, 2.0, 3.0, 4.0]


def test_agreement_fails_a_gradient_off_by_a_factor():
    """Is a gradient twice too large rejected, naming it, and the right one accepted?"""
    numeric = np.array([0.1, -0.2, 0.3])
    gradients.expect_agreement(numeric * (1 + 1e-9), numeric, "dW", tr("dW = ...", "dW = ..."))
    with pytest.raises(CheckFailed, match="dW disagrees with the numerical gradient"):
        gradients.expect_agreement(2 * numeric, numeric, "dW", tr("dW = ...", "dW = ..."))
