"""The grading logic around the sandbox, as a hostile student would game it: a check that
counts less when the student's code raises or stalls, hidden inputs redrawn by a new
comment or a changed companion notebook, a file that makes the grader wait as long as it
likes (docs/security.md, "Grading logic").
"""

from __future__ import annotations

import dataclasses
import time

import nbformat
import pytest

from autograder import ROOT, specs
from autograder.engine import budget, grade_submission

from .conftest import HONEST, LIMITS, SPEC, source

APP = specs.get("week4/deep_network_application")
WEEK2 = specs.get("week2/logistic_regression")


def _messages(report) -> dict[str, str]:
    return {t.function: str(t.message) for t in report.tests}


# -- a check never counts less because the student's code failed in it ---------------------

@pytest.mark.grading
@pytest.mark.real_data
def test_a_model_that_raises_on_the_real_data_keeps_no_points(tmp_path):
    """Does a week-2 ``model`` that raises only on the real data (``X_train.shape[0] ==
    12288``) lose its points, its checks run again with the reference's callees rather than
    the real-data check left out?"""
    solution = (ROOT / WEEK2.solution).read_text()
    hostile = solution.replace(
        "    w, b = initialize_with_zeros(X_train.shape[0])\n",
        "    if X_train.shape[0] == 12288:\n        raise MemoryError\n    w, b = initialize_with_zeros(X_train.shape[0])\n")
    assert hostile != solution
    path = tmp_path / "logistic_regression.py"
    path.write_text(hostile)
    report = grade_submission(path, WEEK2.only("model"))
    assert report.score == 0, report.tests[0].message
    assert "on the real cat / non-cat data: the reference's steps" in _messages(report)["model"]


def _application_with_short_training(seconds: float):
    """The week-4 application's ``two_layer_model`` alone, its real-data check given ``seconds``."""
    fn = APP.function("two_layer_model")
    shortened = fn.with_checks(dataclasses.replace(c, seconds=seconds) if c.seconds else c for c in fn.checks)
    spec = APP.only("two_layer_model")
    spec.functions = [shortened]
    return spec


def _application(tmp_path, edit: tuple[str, str] | None = None, step_edit: tuple[str, str] | None = None):
    """The example class's correct application notebook and its step-by-step notebook beside
    it, in ``tmp_path``, each with an optional (old, new) edit of its code."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    for name, change in (("deep_network_application.ipynb", edit), ("deep_network_step_by_step.ipynb", step_edit)):
        text = (ROOT / "examples/week4/application/correct" / name).read_text()
        if change is not None:
            nb = nbformat.reads(text, as_version=4)
            hits = [c for c in nb.cells if c.cell_type == "code" and change[0] in c.source]
            assert len(hits) == 1, f"{change[0]!r} is in {len(hits)} code cells of {name}"
            hits[0].source = hits[0].source.replace(change[0], change[1])
            text = nbformat.writes(nb)
        (tmp_path / name).write_text(text)
    return tmp_path / "deep_network_application.ipynb"


@pytest.mark.grading
@pytest.mark.real_data
def test_a_model_that_stalls_on_the_real_data_keeps_no_points(tmp_path):
    """Does a week-4 ``two_layer_model`` that loops until the training's time limit on the
    real data lose its points (both runs time out), rather than keep them as "not counted"?"""
    path = _application(tmp_path, ("def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, "
                                   "num_iterations=3000, print_cost=False):\n",
                                   "def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, "
                                   "num_iterations=3000, print_cost=False):\n    while X.shape[0] == 12288:\n"
                                   "        pass\n"))
    start = time.monotonic()
    report = grade_submission(path, _application_with_short_training(3), limits=dataclasses.replace(
        LIMITS, cpu_seconds=60))
    message = _messages(report)["two_layer_model"]
    assert report.score == 0 and "trained on the cat pictures" in message and "did not return within 3 s" in message
    assert time.monotonic() - start < 90


# -- hidden inputs: one draw per piece of code ------------------------------------------------

def _failing_example(tmp_path, name: str, sigmoid: str) -> str:
    """The message of a ``sigmoid`` wrong on arrays of more than 3 entries (so the first
    failing example is a drawn one, never hypothesis's trivial first)."""
    path = tmp_path / name
    path.write_text(source(sigmoid))
    return _messages(grade_submission(path, SPEC.only("sigmoid"), limits=LIMITS))["sigmoid"]


WRONG_ON_LARGE = """
def sigmoid(z):
    s = 1 / (1 + np.exp(-z))
    return s if np.size(z) <= 3 else s + 0.1
"""


@pytest.mark.grading
def test_copies_that_differ_by_comments_draw_the_same_hidden_inputs(tmp_path):
    """Do copies of one buggy function that differ only by comments, blank lines, trailing
    spaces or a docstring fail on the same hidden example (no lottery by handing in copies
    or resubmitting with a new comment), while changed code draws others?"""
    first = _failing_example(tmp_path, "a.py", WRONG_ON_LARGE)
    assert "random" in first  # a hidden check on drawn inputs failed
    copies = [WRONG_ON_LARGE.replace("    s = 1", "    # the logistic function\n    s = 1"),
              WRONG_ON_LARGE.replace("def sigmoid(z):\n", 'def sigmoid(z):\n    """Take two."""\n\n') + "   \n",
              WRONG_ON_LARGE.replace("<= 3 else", "<= 3   else")]
    for i, copy in enumerate(copies):
        assert _failing_example(tmp_path, f"copy{i}.py", copy) == first
    assert _failing_example(tmp_path, "changed.py", WRONG_ON_LARGE.replace("<= 3", "< 4")) != first


@pytest.mark.grading
def test_the_companion_notebook_changes_the_applications_hidden_inputs(tmp_path):
    """Does the application notebook draw other hidden inputs when the step-by-step
    notebook beside it changes (so an answer hard-coded there for a leaked input does not
    meet the same input again)?"""
    wrong_predict = ("    p = (AL > 0.5).astype(float)\n",
                     "    p = (AL > 0.5).astype(float)\n    if m not in (1, 7):  # right on the public check (m = 7)\n"
                     "        p[0, 0] = 1 - p[0, 0]\n")
    spec = APP.only("predict")
    first = _messages(grade_submission(_application(tmp_path / "a", wrong_predict), spec))["predict"]
    again = _messages(grade_submission(_application(tmp_path / "b", wrong_predict), spec))["predict"]
    other = _messages(grade_submission(_application(tmp_path / "c", wrong_predict, (
        "    Z = np.dot(W, A) + b\n", "    Z = W @ A + b\n")), spec))["predict"]
    assert "random networks" in first and first == again
    assert other != first


# -- a file's time budget ------------------------------------------------------------------------

SLEEPY = """
import time

def sigmoid(z):
    time.sleep(2.5)
    return 1 / (1 + np.exp(-z))

def initialize_with_zeros(dim):
    time.sleep(2.5)
    return np.zeros((dim, 1)), 0.0

def propagate(w, b, X, Y):
    time.sleep(2.5)
"""


@pytest.mark.grading
def test_a_file_that_sleeps_in_every_call_stops_at_its_notebooks_budget(tmp_path):
    """Does a file whose every call sleeps just under the call limit stop at its notebook's
    budget (here 6 s), the functions after it not graded, instead of costing every call's
    limit in turn?"""
    spec = SPEC.only(*(f.name for f in SPEC.functions))
    spec.seconds = 6
    path = tmp_path / "sleepy.py"
    path.write_text(source(SLEEPY, replaces=HONEST))
    start = time.monotonic()
    report = grade_submission(path, spec, limits=LIMITS)
    assert time.monotonic() - start < 6 + LIMITS.call_seconds + 5
    assert report.score == 0
    assert "used up its time budget of 6 s" in _messages(report)["propagate"]


def test_budgets_follow_what_each_notebook_needs():
    """Is a week-2 file's budget at most a minute, and a week-4 application's enough for its
    two real-data trainings run twice (own functions, then the reference's)?"""
    default = dataclasses.replace(LIMITS, file_seconds=None)
    assert budget(WEEK2, default) <= 60
    trainings = [c.seconds for f in APP.functions for c in f.checks if c.seconds]
    assert len(trainings) == 2 and budget(APP, default) >= 60 + 2 * sum(trainings)
