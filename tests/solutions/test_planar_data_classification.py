"""The week-3 notebook itself, run top to bottom as a learner runs it: does it work, and are
the figures its text promises the ones it prints?"""

from __future__ import annotations

import re

import pytest
import solution_scripts

from autograder import ROOT

pytestmark = pytest.mark.subprocess  # runs the solution as a script

SOLUTION = ROOT / "solutions" / "week3" / "planar_data_classification.py"


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> str:
    """What the solution prints when run as a script beside planar_utils (plots to a file backend)."""
    return solution_scripts.run(SOLUTION.read_text(encoding="utf-8"), "week3", tmp_path_factory.mktemp("run")).stdout


def test_every_check_cell_passes(printed):
    """Does every check(...) cell of the solution print PASSED (eight functions)?"""
    assert len(re.findall(r"^PASSED \w+:", printed, re.M)) == 8, printed


@pytest.mark.parametrize("line", [
    "Logistic regression: 47.00 % of the points right",
    "Cost after iteration 0: 0.693048",
    "Accuracy: 90.75 %",
], ids=["logistic-regression", "first-cost", "flower-accuracy"])
def test_the_course_figures(printed, line):
    """Does the notebook print the figures its text states (logistic regression 47 %, the
    4-unit network 90.75 %)?"""
    assert line in printed


def test_hidden_layer_table_matches_the_text(printed):
    """Does the hidden-layer-size experiment print the accuracies the markdown table gives?"""
    table = dict(re.findall(r"^\s+(\d+) \| ([\d.]+) %$", printed, re.M))
    source = SOLUTION.read_text(encoding="utf-8")
    stated = re.search(r"^# \| training accuracy \(%\) \| (.*) \|$", source, re.M).group(1).split(" | ")
    assert list(table) == ["1", "2", "3", "4", "5", "20", "50"]
    assert [float(v) for v in table.values()] == [float(v) for v in stated]


def test_extra_datasets_reach_the_stated_accuracies(printed):
    """Does the 4-unit network reach about the accuracies the text gives on the other sets
    (89 % circles, 97 % moons, 95 % blobs, 92.5 % Gaussian quantiles)?"""
    stated = {"noisy_circles": 89.0, "noisy_moons": 97.0, "blobs": 95.0, "gaussian_quantiles": 92.5}
    found = {name: float(acc) for name, acc in re.findall(r"^(\w+): ([\d.]+) %$", printed, re.M) if name in stated}
    assert set(found) == set(stated)
    assert all(abs(found[name] - stated[name]) <= 0.5 for name in stated), found
