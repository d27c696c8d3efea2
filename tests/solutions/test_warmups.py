"""The week-1 warm-ups notebook itself, run top to bottom as a learner runs it: does every
check cell pass, and does it print what its text promises (XOR's truth table, softmax of
scores near 1000, the decks' worked examples with natural-log losses, gradient descent
reaching the minimum of x0**2 + x1**2, the small graph's gradients)?"""

from __future__ import annotations

import re

import numpy as np
import pytest
import solution_scripts

from autograder import ROOT

pytestmark = pytest.mark.subprocess  # runs the solution as a script

SOLUTION = ROOT / "solutions" / "week1" / "warmups.py"


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> str:
    return solution_scripts.run(SOLUTION.read_text(encoding="utf-8"), "week1", tmp_path_factory.mktemp("run"),
                                timeout=120).stdout


def test_every_check_cell_passes(printed):
    """Does every check(...) cell of the solution print PASSED (fourteen functions)?"""
    assert len(re.findall(r"^PASSED \w+:", printed, re.M)) == 14, printed


def test_xor_prints_its_truth_table(printed):
    assert all(f"XOR({a}, {b}) = {a ^ b}" in printed for a in (0, 1) for b in (0, 1)), printed


def test_softmax_of_scores_near_1000_is_finite(printed):
    line = next(line for line in printed.splitlines() if line.startswith("[9.9995"))
    assert "nan" not in line and "e-05" in line, line


@pytest.mark.parametrize("example, a, y, mse, cee", [
    ("deck example 1", (0.81, 0.39), (0.6035, 0.3965), 0.1572, 0.5050),
    ("deck example 2", (0.48, 1.02), (0.3682, 0.6318), 0.3992, 0.9992),
], ids=["example-1", "example-2"])
def test_the_decks_worked_examples_print_natural_log_losses(printed, example, a, y, mse, cee):
    """Do the decks' two examples print the scores and probabilities the text gives, and
    losses with the natural log (the log10 value beside, smaller by ln 10)?"""
    line = next(line for line in printed.splitlines() if line.startswith(example))
    numbers = [float(v) for v in re.findall(r"-?\d+\.\d+(?:e-?\d+)?", line)]
    assert np.allclose(numbers[:2], a) and np.allclose(numbers[2:4], y, atol=1e-4), line
    assert f"MSE = {mse:.4f}" in line and f"CEE = {cee:.4f}" in line, line
    assert np.isclose(numbers[-1], cee / np.log(10), atol=1e-4), line


def test_gradient_descent_reaches_the_minimum(printed):
    line = next(line for line in printed.splitlines() if "e-1" in line and line.startswith("[-"))
    assert np.allclose([float(v) for v in line.strip("[]").split()], 0, atol=1e-8), line


def test_the_small_graph_prints_its_gradients(printed):
    assert "(4.0, 12.0, 1.0)" in printed, printed
