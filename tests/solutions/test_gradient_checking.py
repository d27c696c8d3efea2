"""The week-5 gradient-checking notebook itself, run top to bottom as a learner runs it:
does every check cell pass, and does it print what its text promises (the one-dimensional
check passes, the given backward pass has a mistake, and fixing its two lines removes it)?"""

from __future__ import annotations

import re

import pytest
import solution_scripts

from autograder import ROOT

pytestmark = pytest.mark.subprocess  # runs the solution as a script

SOLUTION = ROOT / "solutions" / "week5" / "gradient_checking.py"
#: The two lines of backward_propagation_n that do not compute the derivative, and their fix.
FIXES = (("dW2 = 1.0 / m * np.dot(dZ2, A1.T) * 2", "dW2 = 1.0 / m * np.dot(dZ2, A1.T)"),
         ("db1 = 4.0 / m * np.sum(dZ1, axis=1, keepdims=True)", "db1 = 1.0 / m * np.sum(dZ1, axis=1, keepdims=True)"))


def _run(source: str, tmp_path) -> str:
    """What ``source`` prints when run as a script beside gc_utils."""
    return solution_scripts.run(source, "week5", tmp_path, timeout=300).stdout


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> str:
    return _run(SOLUTION.read_text(encoding="utf-8"), tmp_path_factory.mktemp("as-given"))


def test_every_check_cell_passes(printed):
    """Does every check(...) cell of the solution print PASSED (four functions)?"""
    assert len(re.findall(r"^PASSED \w+:", printed, re.M)) == 4, printed


def test_the_one_dimensional_check_says_the_backward_pass_works(printed):
    assert "Your backward propagation works perfectly fine! difference = 7.8" in printed


def test_the_given_backward_pass_has_a_mistake_far_above_the_threshold(printed):
    """Does the check of the given backward_propagation_n say there is a mistake, with a
    difference far above 2e-7 (the text says so)?"""
    found = re.search(r"^There is a mistake in the backward propagation! difference = (\S+)$", printed, re.M)
    assert found and float(found.group(1)) > 0.01, printed


def test_fixing_the_two_lines_makes_the_check_pass(tmp_path):
    """With the two wrong lines of backward_propagation_n fixed, does the check say the
    backward pass works (the text promises it)?"""
    source = SOLUTION.read_text(encoding="utf-8")
    for old, new in FIXES:
        assert source.count(old) == 1
        source = source.replace(old, new)
    found = re.findall(r"^Your backward propagation works perfectly fine! difference = (\S+)$", _run(source, tmp_path),
                       re.M)
    assert len(found) == 2 and float(found[1]) < 2e-7
