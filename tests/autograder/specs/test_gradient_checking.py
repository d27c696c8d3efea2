"""The week-5 gradient-checking spec: are its questions fair (every case far from the
threshold, measured on the reference), and does it read a printed verdict as the course's
messages mean it?"""

import numpy as np
import pytest
from hypothesis import given, settings

from autograder import specs
from autograder.reference import reference_for
from autograder.specs.week5 import gradient_checking as week5
from dlcheck import dense

REFERENCE = reference_for(specs.get("week5/gradient_checking"))
gradient_check, gradient_check_n = REFERENCE.function("gradient_check"), REFERENCE.function("gradient_check_n")


@pytest.mark.parametrize("printed, mistake", [
    ("There is a mistake in the backward propagation! difference = 0.28\n", True),
    ("\033[93mThere is a mistake in the backward propagation! difference = 0.28\033[0m\n", True),
    ("Your backward propagation works perfectly fine! difference = 1e-09\n", False),
    ("The gradient is correct!\n", False),
    ("The gradient is wrong!\n", True),
    ("incorrect gradient\n", True),
    ("역전파에 실수가 있습니다\n", True),
    ("역전파가 맞습니다\n", False),
    ("기울기가 맞지 않습니다\n", True),
    ("difference = 1e-09\n", None),
    ("", None),
], ids=["mistake", "mistake-in-colour", "fine", "before-2021-correct", "before-2021-wrong", "incorrect",
        "korean-mistake", "korean-fine", "korean-not-right", "no-verdict", "nothing"])
def test_a_printed_verdict_is_read_as_the_course_means_it(printed, mistake):
    """Is "mistake" / "wrong" read as a mistake (before "correct": "incorrect"), "fine" /
    "correct" as a working backward pass, and anything else as no verdict?"""
    assert week5.printed_verdict(printed) is mistake


@settings(max_examples=60, deadline=None, database=None)
@given(week5._cases())
def test_every_hidden_case_is_far_from_the_threshold(case):
    """Is the reference's difference of every hidden network below 5e-8 on right gradients
    and above 2e-6 on each kind of wrong ones (four and ten times away from 2e-7), so the
    verdict does not hang on rounding or on a threshold of 1e-7? (``network`` skips the
    rare network whose right gradients round to more than 3e-8: one drawn in CI rounded
    to 5.4e-8; of 1500 networks kept, the largest was 2.2e-8.)"""
    m, seed, _ = case
    x, y, params = week5.network(m, seed)
    right = week5.right_gradients(x, y, params)
    assert gradient_check_n(params, right, x, y) < 5e-8
    for _, _, wrong in week5.WRONG.values():
        assert gradient_check_n(params, wrong(right), x, y) > 2e-6


def test_networks_keep_away_from_the_relu_kinks_and_have_no_dead_layer():
    """Is every ReLU input at least 0.05 from 0, and every parameter's gradient at least 5 %
    of the whole (so each wrong kind changes the gradient)?"""
    for seed in range(20):
        x, y, params = week5.network(1 + seed % 6, seed)
        assert min(np.min(np.abs(layer.z)) for layer in dense.forward(x, params)) > 0.05
        norms = [np.linalg.norm(g) for g in week5._flat_blocks(week5.right_gradients(x, y, params))]
        assert min(norms) > 0.05 * np.linalg.norm(norms)


@pytest.mark.parametrize("x, theta", [(3, 4), (10000.0, 0.5), (-10000.0, 10.0), (0.1, -10.0), (-7.5, 2.0)])
def test_the_one_dimensional_questions_are_far_below_the_threshold(x, theta):
    """Is the reference's one-dimensional difference far below 2e-7 at the public cases and
    at the ends of the hidden ranges (|x| from 0.1 to 10000, |theta| up to 10), while an
    absolute difference at x = 10000 is far above it?"""
    assert gradient_check(x, theta) < 2e-8
    gradapprox = (x * (theta + 1e-7) - x * (theta - 1e-7)) / 2e-7
    if abs(x) == 10000.0:
        assert abs(x - gradapprox) > 2e-6
