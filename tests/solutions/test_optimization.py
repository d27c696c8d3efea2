"""The week-6 optimization notebook itself, run top to bottom as a learner runs it: does
every check cell pass, and does it print the figures its text states (the accuracies of the
eight trainings on the moons, the classic course's for gd, momentum and Adam)?"""

from __future__ import annotations

import re

import pytest
import solution_scripts

from autograder import ROOT

pytestmark = [pytest.mark.subprocess, pytest.mark.slow]  # runs the solution as a script: eight trainings, about 20 s

SOLUTION = ROOT / "solutions" / "week6" / "optimization.py"


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> str:
    """What the solution prints, run as a script beside opt_utils (plots to no screen)."""
    return solution_scripts.run(SOLUTION.read_text(encoding="utf-8"), "week6", tmp_path_factory.mktemp("run")).stdout


def test_every_check_cell_passes(printed):
    """Does every check(...) cell of the solution print PASSED (thirteen functions)?"""
    assert len(re.findall(r"^PASSED \w+:", printed, re.M)) == 13, printed


def test_the_trainings_reach_the_text_s_accuracies(printed):
    """gd 71.7 %, momentum 71.7 %, RMSProp 94.3 %, AdaGrad 93.0 %, Adam 94.3 %; with
    schedule_lr_decay gd 94.3 %, momentum 95.3 %, Adam 94.0 %, as the text's table says?"""
    accuracies = [round(100 * float(a), 1) for a in re.findall(r"Accuracy: (\S+)$", printed, re.M)]
    assert accuracies == [71.7, 71.7, 94.3, 93.0, 94.3, 94.3, 95.3, 94.0], printed
    text = SOLUTION.read_text(encoding="utf-8")
    for row in ("| gradient descent | 0.0007 | none | 71.7 % |", "| momentum | 0.1 | `schedule_lr_decay` | 95.3 % |",
                "| AdaGrad | 0.01 | none | 93.0 % |", "| 모멘텀 | 0.1 | `schedule_lr_decay` | 95.3 % |"):
        assert text.count(row) == 1, row


def test_the_toy_paths_end_near_the_minimum(printed):
    """Do the five optimizers of the decks' figure print where they end, RMSProp and AdaGrad
    near (0, 0) on the flat axis?"""
    ends = dict(re.findall(r"^\s*(\w+): after 30 steps \(x, y\) = \((\S+), \S+\)$", printed, re.M))
    assert set(ends) == {"SGD", "Momentum", "AdaGrad", "RMSProp", "Adam"}, printed
    assert abs(float(ends["RMSProp"])) < 0.2 and abs(float(ends["AdaGrad"])) < 0.2
