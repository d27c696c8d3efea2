"""Hints shared by the weeks: does each name its mistake, and only its mistake?"""

import numpy as np
import pytest

from dlcheck import hints
from dlcheck.text import tr

BEFORE = np.array([[0.5, -1.0], [1.5, 0.2]])
GRADIENT = np.array([[0.02, -0.01], [0.005, 0.03]])
NOT_UPDATED = tr("W1 was not updated.", "W1 값이 갱신되지 않았습니다.")


def _rate_text(rate):
    return tr("rate {rate:.3g}", "학습률 {rate:.3g}", rate=rate)


@pytest.mark.parametrize("got, said", [
    (BEFORE, "W1 was not updated."),
    (BEFORE + 1.2 * GRADIENT, "you stepped up the gradient: W1 = W1 - learning_rate * dW1, with a minus."),
    (BEFORE - 0.01 * GRADIENT, "rate 0.01"),
    (BEFORE - 1.2 * GRADIENT + 0.001, None),
], ids=["not-updated", "up-the-gradient", "another-rate", "not-a-step"])
def test_gradient_step_names_the_step_taken(got, said):
    """Does the hint of W1 = W1 - 1.2 dW1 say which step a wrong update took, and nothing
    when the update is not a multiple of the gradient?"""
    rule = hints.gradient_step("W1", BEFORE, GRADIENT, 1.2, NOT_UPDATED, other_rate=_rate_text)
    text = rule(got, BEFORE - 1.2 * GRADIENT)
    assert (text.en if text else None) == said


def test_gradient_step_without_other_rate_says_nothing_of_a_rate():
    """Without ``other_rate``, is another rate left to the plain difference message?"""
    rule = hints.gradient_step("W1", BEFORE, GRADIENT, 1.2, NOT_UPDATED)
    assert rule(BEFORE - 0.01 * GRADIENT, BEFORE - 1.2 * GRADIENT) is None
