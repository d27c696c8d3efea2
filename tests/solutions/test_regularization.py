"""The week-5 regularization notebook itself, run top to bottom as a learner runs it: does
every check cell pass, and does it print the figures its text states (the costs of the
network without regularization, and the accuracies of the three models)?"""

from __future__ import annotations

import re

import pytest
import solution_scripts

from autograder import ROOT
from dldata import store

pytestmark = [pytest.mark.subprocess, pytest.mark.real_data]  # runs the solution as a script, on data.mat

SOLUTION = ROOT / "solutions" / "week5" / "regularization.py"


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> str:
    """What the solution prints, run as a script beside reg_utils (plots to no screen)."""
    try:
        store.find_file("data.mat")
    except store.DataError as exc:
        pytest.skip(f"data.mat not found: {exc}")
    return solution_scripts.run(SOLUTION.read_text(encoding="utf-8"), "week5", tmp_path_factory.mktemp("run")).stdout


def test_every_check_cell_passes(printed):
    """Does every check(...) cell of the solution print PASSED (four functions)?"""
    assert len(re.findall(r"^PASSED \w+:", printed, re.M)) == 4, printed


def test_the_data_has_the_course_s_shapes(printed):
    assert "train_X (2, 211) train_Y (1, 211) test_X (2, 200) test_Y (1, 200)" in printed


def test_the_costs_without_regularization_are_the_text_s(printed):
    """Does the cost fall from 0.656 to 0.139 after 20000 steps, as the text says?"""
    costs = [float(c) for c in re.findall(r"^Cost after iteration (?:0|20000): (\S+)$", printed, re.M)]
    assert [round(c, 3) for c in costs[:2]] == [0.656, 0.139], printed


def test_the_three_models_reach_the_text_s_accuracies(printed):
    """Without regularization 94.8 % / 91.5 %, with L2 (lambda 0.7) 93.8 % / 93 %, with
    dropout (keep_prob 0.86) 92.9 % / 95 %, train / test, as the text and its table say?"""
    accuracies = [round(100 * float(a), 1) for a in re.findall(r"^Accuracy: (\S+)$", printed, re.M)]
    assert accuracies == [94.8, 91.5, 93.8, 93.0, 92.9, 95.0], printed
    text = SOLUTION.read_text(encoding="utf-8")
    for row in ("| 94.8 % | 91.5 % |", "| 93.8 % | 93 % |", "| 92.9 % | 95 % |"):
        assert text.count(row) == 2, row  # in both editions' tables
