"""Curves a check keeps for the feedback (dlcheck.compare.plot_curve), carried by the verdict."""

import numpy as np
import pytest

from dlcheck.checks import CheckFailed, NotebookSpec
from dlcheck.compare import plot_curve
from dlcheck.run import KernelTrial, run_checks
from dlcheck.text import Text, tr

TITLE, X = Text("cost", "비용"), Text("iterations", "반복")


def verdict_of(got, *, fail: bool):
    """The verdict of a one-check function that keeps the curve (got, reference) and then
    passes or fails."""
    notebook = NotebookSpec("week9/curves")
    fn = notebook.graded("model", points=2)

    @fn.public("trains", "학습")
    def trains(t):
        plot_curve(TITLE, got, [0.7, 0.5, 0.3], X)
        if fail:
            raise CheckFailed(tr("wrong", "틀림"))

    return run_checks(fn, KernelTrial("model", lambda: None, {}))


@pytest.mark.parametrize("fail", [False, True], ids=["pass", "fail"])
def test_does_the_verdict_carry_the_curve_pass_or_fail(fail):
    """Is a kept curve on the verdict whether the function passed or failed (a failing
    model's cost curve is where the picture helps most)?"""
    verdict = verdict_of(np.array([0.7, 0.6, 0.55]), fail=fail)
    assert verdict.passed is not fail
    [curve] = verdict.curves
    assert (curve.title, curve.got, curve.want, curve.x_label) == (TITLE, (0.7, 0.6, 0.55), (0.7, 0.5, 0.3), X)


@pytest.mark.parametrize("got", [None, "costs", [0.7, float("nan")], [], {"a": 1}, list(range(2000))],
                         ids=["none", "text", "nan", "empty", "dict", "too-long"])
def test_is_a_value_that_cannot_be_drawn_ignored_not_an_error(got):
    """Does whatever a submission returned in place of costs leave the verdict without a
    curve, rather than crash the check?"""
    assert verdict_of(got, fail=False).curves == ()


def test_outside_a_check_keeping_a_curve_does_nothing():
    """Is plot_curve harmless where no verdict collects curves (the student's own kernel)?"""
    plot_curve(TITLE, [1.0], [1.0], X)
