"""Tests of autograder.given: functions a classic notebook imports from the course's helper
modules are the course's, not the learner's to write; their points follow the learner's own."""

from __future__ import annotations

import json

import pytest

from autograder import ROOT, given, specs
from autograder.engine import grade_submission
from dlcheck.extract import parse_python
from dlcheck.results import TestResult
from dlcheck.text import Text

APP = specs.get("week4/deep_network_application")
CLASSIC = ROOT / "examples/week4/application/classic_course/deep_network_application.ipynb"
STEPS = {f.name for f in specs.get("week4/deep_network_step_by_step").functions}


def _given(*cells: str) -> dict[str, str]:
    return given.given_to(APP, specs.declared(APP), parse_python(list(cells)))


@pytest.mark.parametrize("cells, expected", [
    pytest.param(["from dnn_app_utils_v3 import *"], {"predict", *STEPS}, id="star-import"),
    pytest.param(["from dnn_app_utils_v3 import predict, load_data"], {"predict"}, id="named-import"),
    pytest.param(["from dnn_app_utils_v3 import *", "def predict(X, y, parameters):\n    return X"], STEPS,
                 id="defined-by-the-learner"),
    pytest.param(["from dnn_app_utils import *"], set(), id="this-projects-module-gives-the-learners-own"),
    pytest.param(["import dnn_app_utils_v3"], set(), id="module-import"),
])
def test_which_functions_does_a_notebook_get_from_a_classic_helper_module(cells, expected):
    """Is a declared function given exactly when the notebook imports it from the module
    that gives it and does not define it itself?"""
    assert set(_given(*cells)) == expected
    assert set(_given(*cells).values()) <= {"dnn_app_utils_v3"}


def _tests(own_scores: tuple[float, float]) -> list[TestResult]:
    (a, b), text = own_scores, Text("", "")
    return [TestResult("test_two_layer_model", "two_layer_model", a, 2.0, a == 2, text),
            given.placeholder(APP.function("predict"), "dnn_app_utils_v3"),
            TestResult("test_L_layer_model", "L_layer_model", b, 2.0, b == 2, text)]


@pytest.mark.parametrize("own, points", [((2, 2), 1.0), ((2, 0), 0.5), ((0, 0), 0.0)],
                         ids=["all-own-points", "half", "none"])
def test_a_given_function_scores_the_share_of_the_learners_own_points(own, points):
    """Does a given function score its maximum times the share of the points the learner's
    own functions earned, so the notebook's total is that share of its maximum?"""
    tests = given.score(_tests(own), {"predict": "dnn_app_utils_v3"})
    assert tests[1].score == points and tests[1].max_score == 1
    assert sum(t.score for t in tests) == pytest.approx(5 * sum(own) / 4)


def test_the_given_functions_message_in_both_languages():
    """Does the message say the function is not the learner's to write, where it comes
    from, and how its points were counted, in English and Korean?"""
    [_, predict, _] = given.score(_tests((2, 0)), {"predict": "dnn_app_utils_v3"})
    assert predict.message.as_dict() == {
        "en": "predict is not yours to write: your notebook imports it from dnn_app_utils_v3, the classic course's "
              "helper module, so it is not graded. Its points follow your own functions: 2 of 4 points, so 0.5.",
        "ko": "predict 함수는 직접 작성하는 함수가 아닙니다: 노트북이 클래식 코스의 도우미 모듈 dnn_app_utils_v3에서 "
              "가져오므로 채점하지 않습니다. 이 함수의 점수는 직접 작성한 함수들의 점수 비율을 따릅니다: 4점 중 2점이므로 "
              "0.5점."}


def test_every_given_function_is_one_the_notebook_may_call():
    """Does each spec's ``given`` name only graded functions of the notebook or of its
    companions, and only helper modules the notebook gets?"""
    for spec in specs.notebooks().values():
        declared = {f.name for f in specs.declared(spec)}
        for module, functions in spec.given.items():
            assert module in spec.helpers, (spec.id, module)
            assert set(functions) <= declared, (spec.id, set(functions) - declared)


def _classic(tmp_path, edit=lambda source: source):
    """The example class's classic application notebook (the course's structure, written
    by this project), with ``edit`` applied to each code cell, under Coursera's file name."""
    nb = json.loads(CLASSIC.read_text())
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["source"] = edit("".join(cell["source"]))
    path = tmp_path / "Deep+Neural+Network+-+Application+v8.ipynb"
    path.write_text(json.dumps(nb))
    return path


def _stub(source: str) -> str:
    return source.replace("    np.random.seed(1)\n", "    raise NotImplementedError\n")


def _l_layer_twice_the_rate(source: str) -> str:
    if "def L_layer_model" not in source:
        return source
    return source.replace("update_parameters(parameters, grads, learning_rate)",
                          "update_parameters(parameters, grads, 2 * learning_rate)")


@pytest.mark.grading
@pytest.mark.parametrize("edit, scores", [
    pytest.param(None, {"two_layer_model": 2, "predict": 1, "L_layer_model": 2}, id="finished"),
    pytest.param(_l_layer_twice_the_rate, {"two_layer_model": 2, "predict": 0.5, "L_layer_model": 0}, id="one-wrong"),
    pytest.param(_stub, {"two_layer_model": 0, "predict": 0, "L_layer_model": 0}, id="untouched"),
])
def test_the_classic_application_is_not_graded_on_predict(tmp_path, edit, scores):
    """Is a classic W4A2 notebook (``from dnn_app_utils_v3 import *``, no predict of its
    own) graded on its two models only, predict's point following them, with no message
    telling the learner to define predict, and a note saying what the helper module gave?"""
    path = _classic(tmp_path, edit or (lambda s: s))
    report = grade_submission(path, APP, tiers=("public",))
    assert {t.function: t.score for t in report.tests} == scores, [str(t.message) for t in report.tests]
    assert not any("not defined" in t.message.en or "define it" in t.message.en for t in report.tests)
    assert report.notes[0].en.startswith("Deep+Neural+Network+-+Application+v8.ipynb imports predict, "
                                         "initialize_parameters, ")
    assert report.notes[0].en.endswith(" predict is not graded: its points follow your own functions.")
    assert len(report.notes) == 1  # no step-by-step notebook is missing: the module gave those functions
