"""The week-2 logistic-regression spec: are its hidden questions fair?"""

import numpy as np
from hypothesis import given, settings

from autograder import specs
from autograder.reference import reference_for
from autograder.specs.week2.logistic_regression import problems

REFERENCE = reference_for(specs.get("week2/logistic_regression"))


@settings(max_examples=300, deadline=None, database=None)
@given(problems())
def test_random_problems_have_a_finite_cost(problem):
    """Does every hidden random problem keep sigmoid inside (0, 1), so the expected cost is a number?"""
    w, b, x, y = problem
    a = REFERENCE.function("sigmoid")(w.T @ x + b)
    assert np.all((a > 0) & (a < 1))
    assert np.isfinite(REFERENCE.function("propagate")(w, b, x, y)[1])
