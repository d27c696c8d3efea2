"""The week-5 initialization notebook itself, run top to bottom as a learner runs it: does it
work, and are the figures its text promises the ones it prints?"""

from __future__ import annotations

import re

import pytest
import solution_scripts

from autograder import ROOT

pytestmark = pytest.mark.subprocess  # runs the solution as a script

SOLUTION = ROOT / "solutions" / "week5" / "initialization.py"


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> str:
    """What the solution prints when run as a script beside init_utils (plots to a file backend)."""
    proc = solution_scripts.run(SOLUTION.read_text(encoding="utf-8"), "week5", tmp_path_factory.mktemp("run"))
    assert "Warning" not in proc.stderr, proc.stderr[-3000:]  # the saturated sigmoid and log(0) say nothing
    return proc.stdout


def test_every_check_cell_passes(printed):
    """Does every check(...) cell of the solution print PASSED (five functions)?"""
    assert len(re.findall(r"^PASSED \w+:", printed, re.M)) == 5, printed


def test_the_random_initialization_prints_the_course_s_weights(printed):
    """After np.random.seed(3), does initialize_parameters_random([3, 2, 1]) print the classic
    course's W1 (its seed inside the function, the same draws)?"""
    assert "W1 = [[17.886284734303185, 4.365098505119894, 0.9649746807200863], " \
           "[-18.634927033644907, -2.7738820251439904, -3.5475897926898674]]" in printed


@pytest.mark.parametrize("kind, train, test", [("zeros", 50, 50), ("random", 83, 86), ("he", 99.33, 96),
                                               ("xavier", 99, 93)])
def test_accuracies_are_the_ones_the_text_and_its_table_state(printed, kind, train, test):
    """Does each training print the accuracies the markdown states, and the table say the same?"""
    assert f"{kind}: train {train:.2f} %, test {test:.2f} %" in printed
    source = SOLUTION.read_text(encoding="utf-8")
    label = {"zeros": "zeros", "random": "random, times 10", "he": "He", "xavier": "Xavier"}[kind]
    assert re.search(rf"^# \| {re.escape(label)} \| {train:g} % \| {test:g} % \|", source, re.M), label


@pytest.mark.parametrize("line", [
    "Cost after iteration 0: inf",
    "Cost after iteration 0: 0.8830537463419761",
    "Cost after iteration 14000: 0.07357895962677366",
    "Cost after iteration 14000: 0.6931471805599453",
], ids=["random-starts-at-inf", "he-first-cost", "he-last-cost", "zeros-never-moves"])
def test_the_course_costs(printed, line):
    """Does the notebook print the costs its text describes (inf for large weights, He from
    0.883 to 0.074, zeros stuck at ln 2)?"""
    assert line in printed
