"""End to end: the bundled week-4 example class graded by the ``autograde`` command.

Two ``autograde grade --json`` runs, started together (module-scoped): the step-by-step
notebooks of ``examples/week4/step_by_step``, and the ``correct`` application case, which
trains both models on the real data with its own step functions. The other application
cases are graded in this process meanwhile, without the two trainings (their verdicts are
the small checks'; a lone application trained with the reference's step functions is
``test_course_weeks.py``'s). Expected scores are here, and in ``examples/week4/README.md``
for people.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from example_class import grading, without_training
from needs import fixture_needs

from autograder import ROOT, specs
from autograder.engine import grade_submission
from dlcheck.extract import read_submission

EXAMPLES = ROOT / "examples" / "week4"
STEP = specs.get("week4/deep_network_step_by_step")
APP = specs.get("week4/deep_network_application")
STEP_POINTS = {f.name: f.points for f in STEP.functions}
APP_POINTS = {f.name: f.points for f in APP.functions}
ALL_STEPS, ALL_APP = set(STEP_POINTS), set(APP_POINTS)

#: step-by-step file -> the functions that pass (all others fail)
STEP_PASSING = {
    "correct.ipynb": ALL_STEPS,
    "stub.ipynb": set(),
    "crashing_cells.ipynb": ALL_STEPS,
    "init_seed_per_layer.ipynb": ALL_STEPS - {"initialize_parameters_deep"},
    "cache_order_swapped.ipynb": ALL_STEPS - {"linear_forward"},
    "forward_last_layer_relu.ipynb": ALL_STEPS - {"L_model_forward"},
    "forward_reuses_X.ipynb": ALL_STEPS - {"L_model_forward"},
    "backward_reuses_last_dA.ipynb": ALL_STEPS - {"L_model_backward"},
    "db_without_axis.ipynb": ALL_STEPS - {"linear_backward"},
    "dw_without_1_over_m.ipynb": ALL_STEPS - {"linear_backward"},
    "update_in_place.ipynb": ALL_STEPS - {"update_parameters"},
    "classic_course.ipynb": ALL_STEPS,
}
#: application case (folder) -> the functions that pass
APP_PASSING = {
    "correct": ALL_APP,
    "buggy_step_by_step": ALL_APP,
    "without_step_by_step": ALL_APP,
    "stub": set(),
    "learning_rate_changed": ALL_APP - {"two_layer_model"},
    "model_never_updates": ALL_APP - {"L_layer_model"},
    "classic_course": ALL_APP,  # predict is given by dnn_app_utils_v3: its point follows the models
}
STEP_SCORES = {name: sum(STEP_POINTS[f] for f in passing) for name, passing in STEP_PASSING.items()}
APP_SCORES = {name: sum(APP_POINTS[f] for f in passing) for name, passing in APP_PASSING.items()}


@pytest.fixture(scope="module")
@fixture_needs("subprocess", "grading", "real_data", "e2e")
def graded() -> dict[str, dict[str, dict]]:
    """``{"step": {file: report}, "app": {case: report}}``: the step-by-step notebooks and the
    ``correct`` application through two commands started together, the other application
    cases in this process meanwhile (spec without the trainings)."""
    step_files = sorted((EXAMPLES / "step_by_step").glob("*.ipynb"))
    app_files = sorted((EXAMPLES / "application").glob("*/deep_network_application.ipynb"))
    trained = [p for p in app_files if p.parent.name == "correct"]
    start = time.perf_counter()
    runs = {"app": grading(APP.id, trained, jobs=1), "step": grading(STEP.id, step_files, jobs=1)}
    untrained = without_training(APP)
    out = {"app": {p.parent.name: grade_submission(p, untrained).to_json() for p in app_files if p not in trained}}
    for kind, proc in runs.items():
        stdout, stderr = proc.communicate(timeout=900)
        assert proc.returncode == 0 and stdout.strip(), f"{kind}: exit {proc.returncode}; stderr:\n{stderr}"
        reports = json.loads(stdout)
        out.setdefault(kind, {}).update({Path(r["submission"]).name if kind == "step" else
                                         Path(r["submission"]).parent.name: r for r in reports})
    print(f"week-4 example class graded in {time.perf_counter() - start:.1f} s")
    return out


def _tests(report: dict) -> dict[str, dict]:
    return {t["function"]: t for t in report["tests"]}


# -- the example files themselves ---------------------------------------------------------

def test_every_example_has_an_expected_score():
    """Is every example notebook one this file expects a score for (and vice versa)?"""
    assert sorted(p.name for p in (EXAMPLES / "step_by_step").glob("*.ipynb")) == sorted(STEP_PASSING)
    assert sorted(p.parent.name for p in (EXAMPLES / "application").glob("*/deep_network_application.ipynb")) == \
        sorted(APP_PASSING)


def test_readme_table_lists_the_expected_scores():
    """Does examples/week4/README.md give each example the score these tests assert?"""
    readme = (EXAMPLES / "README.md").read_text()
    steps = re.findall(r"^\| `step_by_step/([\w.]+)` \| .* \| (\d+)/12\b.*\|$", readme, re.M)
    apps = re.findall(r"^\| `application/(\w+)/` \| .* \| (\d+)/5\b.*\|$", readme, re.M)
    assert {name: int(score) for name, score in steps} == STEP_SCORES
    assert {name: int(score) for name, score in apps} == APP_SCORES


def test_the_cases_have_the_companions_they_claim():
    """Do the application cases with a step-by-step notebook beside them have one, and the
    others none?"""
    alone = {"without_step_by_step", "learning_rate_changed", "model_never_updates", "classic_course"}
    for case in APP_PASSING:
        beside = (EXAMPLES / "application" / case / "deep_network_step_by_step.ipynb").exists()
        assert beside == (case not in alone), case


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


# -- verdicts -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(STEP_PASSING), ids=[n.removesuffix(".ipynb") for n in sorted(STEP_PASSING)])
def test_step_by_step_example_score(graded, name):
    """Does each step-by-step example get exactly its expected score, from exactly the
    expected functions?"""
    report = graded["step"][name]
    passed = {f for f, t in _tests(report).items() if t["passed"]}
    assert passed == STEP_PASSING[name], {f: t["message"] for f, t in _tests(report).items() if not t["passed"]}
    assert report["score"] == STEP_SCORES[name]


@pytest.mark.parametrize("case", sorted(APP_PASSING))
def test_application_example_score(graded, case):
    """Does each application case get exactly its expected score, from exactly the expected
    functions?"""
    report = graded["app"][case]
    passed = {f for f, t in _tests(report).items() if t["passed"]}
    assert passed == APP_PASSING[case], {f: t["message"] for f, t in _tests(report).items() if not t["passed"]}
    assert report["score"] == APP_SCORES[case]


def test_the_correct_application_trained_on_the_real_data(graded):
    """With the finished step-by-step notebook beside it, did both models pass the check
    that trains them on the cat pictures with the student's own functions?"""
    tests = _tests(graded["app"]["correct"])
    assert "trained on the cat pictures" in tests["two_layer_model"]["message"]
    assert "trained on the cat pictures" in tests["L_layer_model"]["message"]
    assert "Note" not in tests["two_layer_model"]["message"]


@pytest.mark.parametrize("case", ["buggy_step_by_step", "without_step_by_step"])
def test_application_without_own_step_functions_is_graded_with_the_references(graded, case):
    """When the step-by-step functions are wrong or absent, do the models keep their points,
    graded with the reference's step functions, the message naming them (and, when the
    notebook is absent, saying so first, as a note of the report does)? (Graded here without
    the trainings; a lone application trained so is ``test_course_weeks.py``'s.)"""
    report = graded["app"][case]
    message = _tests(report)["L_layer_model"]["message"]
    if case == "buggy_step_by_step":
        assert "graded with correct versions of L_model_forward" in message
    else:
        assert message.startswith("Graded with the grader's initialize_parameters_deep, L_model_forward, compute_cost, "
                                  "L_model_backward, update_parameters (no deep_network_step_by_step notebook of yours "
                                  "was found beside deep_network_application.ipynb). "), message
        assert report["notes"][0]["message"].startswith(
            "deep_network_application.ipynb was graded with the grader's own versions of the deep_network_step_by_step "
            "functions, because no deep_network_step_by_step notebook of yours was found")


def test_the_classic_application_gets_predict_from_the_course(graded):
    """Is the classic notebook's predict, which dnn_app_utils_v3 gives it, not graded as
    the learner's (its point following the models), with no message blaming the learner?"""
    report = graded["app"]["classic_course"]
    predict = _tests(report)["predict"]
    assert predict["score"] == 1 and predict["message"].startswith("predict is not yours to write")
    assert [n["message"] for n in report["notes"]][0].startswith("deep_network_application.ipynb imports predict, ")


def test_stub_messages_say_not_implemented(graded):
    """Does every function of the untouched notebooks score 0 with 'not implemented yet'?"""
    for report in (graded["step"]["stub.ipynb"], graded["app"]["stub"]):
        assert report["score"] == 0
        assert all("not implemented yet" in t["message"] for t in report["tests"]), report["tests"]


@pytest.mark.parametrize("name, function, fragments", [
    pytest.param("forward_reuses_X.ipynb", "L_model_forward", ["four-layer network"], id="forward_reuses_X"),
    pytest.param("backward_reuses_last_dA.ipynb", "L_model_backward", ["three-layer network", "raised IndexError"],
                 id="backward_reuses_last_dA"),
    pytest.param("forward_last_layer_relu.ipynb", "L_model_forward", ["the last layer went through relu"],
                 id="forward_last_layer_relu"),
    pytest.param("cache_order_swapped.ipynb", "linear_forward", ["holds (W, A_prev, b) (reordered)"],
                 id="cache_order_swapped"),
    pytest.param("update_in_place.ipynb", "update_parameters", ["copy.deepcopy(params)"], id="update_in_place"),
    pytest.param("init_seed_per_layer.ipynb", "initialize_parameters_deep", ["repeats the random numbers"],
                 id="init_seed_per_layer"),
])
def test_step_by_step_failure_messages(graded, name, function, fragments):
    """Does the failing function's message name the check and a hint that fits the bug,
    including the bugs that show only with three or more layers?"""
    message = _tests(graded["step"][name])[function]["message"]
    missing = [f for f in fragments if f not in message]
    assert not missing, f"{missing} not in: {message}"


def test_application_learning_rate_message(graded):
    """Does a changed learning_rate default get the hint to keep the signature's default?"""
    message = _tests(graded["app"]["learning_rate_changed"])["two_layer_model"]["message"]
    assert "keep the default learning_rate=0.0075" in message, message
