"""The bundled week-4 example class (``examples/week4``), each notebook graded whole
(``tests/support/corpus.py`` says how): does each get its expected verdict, and does the
README say so?

The step-by-step notebooks are graded with the full spec, and so is the ``correct``
application case, which trains both models on the real data with its own step
functions. The other application cases are graded without the two trainings (their
verdicts are the small checks'; a lone application trained with the reference's step
functions is ``test_course_weeks.py``'s). Expected verdicts are here, and in
``examples/week4/README.md`` for people.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

import pytest
from corpus import Case, Corpus, ExampleClassTests, failing_all_but, without_training

from autograder import ROOT, specs
from autograder.engine import grade_submission
from dlcheck.extract import read_submission

EXAMPLES = ROOT / "examples" / "week4"
STEP = specs.get("week4/deep_network_step_by_step")
APP = specs.get("week4/deep_network_application")
APP_UNTRAINED = without_training(APP)


def step(name: str, failing: Iterable[str] = (), says: dict | None = None) -> tuple[str, Case]:
    """A step-by-step example, named as the README names it."""
    return f"step_by_step/{name}", Case(EXAMPLES / "step_by_step" / name, failing, says or {})


def application(case: str, failing: Iterable[str] = (), says: dict | None = None, spec=APP_UNTRAINED,
                ) -> tuple[str, Case]:
    """An application case (a folder), named as the README names it."""
    return f"application/{case}/", Case(EXAMPLES / "application" / case / "deep_network_application.ipynb",
                                        failing, says or {}, spec)


CORPUS = Corpus(STEP, dict([
    step("correct.ipynb"),
    step("stub.ipynb", failing_all_but(STEP, ()), {f.name: ("not implemented yet",) for f in STEP.functions}),
    step("crashing_cells.ipynb"),
    step("init_seed_per_layer.ipynb", {"initialize_parameters_deep"},
         {"initialize_parameters_deep": ("repeats the random numbers",)}),
    step("cache_order_swapped.ipynb", {"linear_forward"}, {"linear_forward": ("holds (W, A_prev, b) (reordered)",)}),
    step("forward_last_layer_relu.ipynb", {"L_model_forward"},
         {"L_model_forward": ("the last layer went through relu",)}),
    # The bugs that show only with three or more layers.
    step("forward_reuses_X.ipynb", {"L_model_forward"}, {"L_model_forward": ("four-layer network",)}),
    step("backward_reuses_last_dA.ipynb", {"L_model_backward"},
         {"L_model_backward": ("three-layer network", "raised IndexError")}),
    step("db_without_axis.ipynb", {"linear_backward"}),
    step("dw_without_1_over_m.ipynb", {"linear_backward"}),
    step("update_in_place.ipynb", {"update_parameters"}, {"update_parameters": ("copy.deepcopy(params)",)}),
    step("classic_course.ipynb"),
    # With the finished step-by-step notebook beside it, both models pass the check that
    # trains them on the cat pictures with the student's own functions: the reference's
    # steps, then the accuracy of the reference's full training from the same start.
    application("correct", spec=APP, says={
        "two_layer_model": ("trained on the cat pictures", "the reference's steps (200 iterations compared)",
                            "it reaches 100.0% train and 72.0% test accuracy"),
        "L_layer_model": ("trained on the cat pictures", "it reaches 98.6% train and 80.0% test accuracy")}),
    # Step-by-step functions wrong: the models keep their points, graded with the reference's.
    application("buggy_step_by_step", says={"L_layer_model": ("graded with correct versions of L_model_forward",)}),
    application("without_step_by_step"),
    application("stub", failing_all_but(APP, ()), {f.name: ("not implemented yet",) for f in APP.functions}),
    application("learning_rate_changed", {"two_layer_model"},
                {"two_layer_model": ("keep the default learning_rate=0.0075",)}),
    application("model_never_updates", {"L_layer_model"}),
    application("classic_course"),  # predict is given by dnn_app_utils_v3: its point follows the models
]))


class TestWeek4Examples(ExampleClassTests):
    corpus = CORPUS
    folder = EXAMPLES
    members = ("step_by_step/*.ipynb", "application/*/")
    needs = ("grading", "real_data", "e2e")  # a class graded whole; the correct application trains on the real data


def test_the_cases_have_the_companions_they_claim():
    """Do the application cases with a step-by-step notebook beside them have one, and the
    others none?"""
    alone = {"without_step_by_step", "learning_rate_changed", "model_never_updates", "classic_course"}
    for case in (EXAMPLES / "application").iterdir():
        beside = (case / "deep_network_step_by_step.ipynb").exists()
        assert beside == (case.name not in alone), case.name


@pytest.mark.grading
def test_crashing_cells_reach_the_reader_and_cost_no_time():
    """Are the crashing cells in the file (one a syntax error), and does the notebook still
    grade fully in seconds?"""
    path = EXAMPLES / "step_by_step" / "crashing_cells.ipynb"
    assert len(read_submission(path).syntax_errors) == 1
    start = time.perf_counter()
    report = grade_submission(path, STEP)
    assert report.score == STEP.max_score
    assert time.perf_counter() - start < 60


@pytest.mark.grading
@pytest.mark.real_data
@pytest.mark.e2e
def test_the_correct_application_trained_with_the_accuracy_noted_only():
    """Did the correct application's two-layer model pass its training with one note, the
    accuracy its steps lead to (its own step functions were used: no note says otherwise)?"""
    message = CORPUS.messages("application/correct/")["two_layer_model"]
    assert message.count("Note") == 1 and "Note: on the cat pictures your model takes the reference's steps" in message


@pytest.mark.grading
def test_an_application_without_its_step_by_step_notebook_says_so_first():
    """When the step-by-step notebook is absent, do the models keep their points, graded
    with the reference's step functions, the message naming them and saying so first, as
    a note of the report does? (Graded here without the trainings; a lone application
    trained so is ``test_course_weeks.py``'s.)"""
    name = "application/without_step_by_step/"
    assert CORPUS.messages(name)["L_layer_model"].startswith(
        "Graded with the grader's initialize_parameters_deep, L_model_forward, compute_cost, L_model_backward, "
        "update_parameters (no deep_network_step_by_step notebook of yours was found beside "
        "deep_network_application.ipynb). ")
    assert str(CORPUS.report(name).notes[0]).startswith(
        "deep_network_application.ipynb was graded with the grader's own versions of the deep_network_step_by_step "
        "functions, because no deep_network_step_by_step notebook of yours was found")


@pytest.mark.grading
def test_the_classic_application_gets_predict_from_the_course():
    """Is the classic notebook's predict, which dnn_app_utils_v3 gives it, not graded as
    the learner's (its point following the models), with no message blaming the learner?"""
    name = "application/classic_course/"
    predict = CORPUS.verdicts(name)["predict"]
    assert predict.score == 1 and str(predict.message).startswith("predict is not yours to write")
    assert str(CORPUS.report(name).notes[0]).startswith("deep_network_application.ipynb imports predict, ")
