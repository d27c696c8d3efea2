"""The engine's promises for notebooks that use another notebook's functions (the week-4
application uses the step-by-step notebook), for functions that call other graded
functions (whose runs decide a verdict), and for checks that need more time than a call
normally gets."""

from __future__ import annotations

import sys
import textwrap
import time

import nbformat
import pytest

from autograder import ROOT, reference, specs
from autograder.engine import decide, grade_submission, needs_retry
from autograder.sandbox.isolation import Limits
from dlcheck.checks import CheckFailed, NotebookSpec
from dlcheck.compare import expect_scalar
from dlcheck.run import result
from dlcheck.text import tr

pytestmark = pytest.mark.grading

APP = specs.get("week4/deep_network_application")
STEP = specs.get("week4/deep_network_step_by_step")
APP_SOLUTION = (ROOT / APP.solution).read_text()
STEP_SOLUTION = (ROOT / STEP.solution).read_text()


def _notebook(path, source: str) -> None:
    """``source`` (percent format) as a one-cell-per-chunk notebook at ``path``."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(chunk.strip("\n")) for chunk in source.split("# %%")
                if chunk.strip() and not chunk.startswith(" [markdown]")]
    nbformat.write(nb, str(path))


def _messages(report) -> dict[str, str]:
    return {t.function: str(t.message) for t in report.tests}


# -- companions ---------------------------------------------------------------------------

def test_the_companion_beside_the_notebook_supplies_its_functions(tmp_path):
    """With the finished step-by-step notebook beside it, is predict graded with the
    student's own L_model_forward (no note about correct versions), the companion's own
    helper module (dnn_utils) included?"""
    (tmp_path / "deep_network_step_by_step.py").write_text(STEP_SOLUTION)
    (tmp_path / "deep_network_application.py").write_text(APP_SOLUTION)
    message = _messages(grade_submission(tmp_path / "deep_network_application.py", APP.only("predict")))["predict"]
    assert message.startswith("2 check(s) passed") and "Note" not in message, message


MISSING = (
    "Graded with the grader's L_model_forward (no deep_network_step_by_step notebook of yours was found {where}). ",
    "채점기의 L_model_forward 함수로 채점했습니다 ({where_ko} 여러분의 deep_network_step_by_step 노트북을 찾지 "
    "못했습니다). ")


def test_a_missing_companion_is_said_on_the_functions_line_and_in_a_note(tmp_path):
    """Without the step-by-step notebook, does predict keep its points, its message
    beginning by saying whose L_model_forward it was graded with and why, in the learner's
    file names, and a note of the report saying it for the whole file, with what to do?"""
    (tmp_path / "Deep+Neural+Network+-+Application+v8.py").write_text(APP_SOLUTION)
    report = grade_submission(tmp_path / "Deep+Neural+Network+-+Application+v8.py", APP.only("predict"))
    assert report.score == 1
    [predict] = report.tests
    where, where_ko = "beside Deep+Neural+Network+-+Application+v8.py", "Deep+Neural+Network+-+Application+v8.py 옆에서"
    assert predict.message.en.startswith(MISSING[0].format(where=where)), predict.message.en
    assert predict.message.ko.startswith(MISSING[1].format(where_ko=where_ko)), predict.message.ko
    assert "Note" not in predict.message.en  # never run with a function that is not there
    assert [n.as_dict() for n in report.notes] == [{
        "en": "Deep+Neural+Network+-+Application+v8.py was graded with the grader's own versions of the "
              "deep_network_step_by_step functions, because no deep_network_step_by_step notebook of yours was "
              "found beside Deep+Neural+Network+-+Application+v8.py (looked for deep_network_step_by_step.ipynb, "
              "Building_your_Deep_Neural_Network_Step_by_Step*.ipynb, or a notebook defining most of its graded "
              "functions). Hand it in with Deep+Neural+Network+-+Application+v8.py so that your own functions are "
              "used; they are graded in their own notebook.",
        "ko": "Deep+Neural+Network+-+Application+v8.py 옆에서 여러분의 deep_network_step_by_step 노트북을 찾지 "
              "못했습니다 (찾아본 파일: deep_network_step_by_step.ipynb, "
              "Building_your_Deep_Neural_Network_Step_by_Step*.ipynb, 또는 그 채점 함수를 절반 이상 정의한 노트북). "
              "그래서 Deep+Neural+Network+-+Application+v8.py 파일은 채점기가 가진 deep_network_step_by_step 함수로 "
              "채점했습니다. 여러분의 함수가 쓰이도록 Deep+Neural+Network+-+Application+v8.py 파일과 함께 제출하세요. "
              "그 함수들은 그 노트북에서 따로 채점합니다."}]


def test_a_caller_that_found_no_companion_in_the_submission_says_so(tmp_path):
    """When the caller looked through the whole submission (the course run) and found no
    step-by-step notebook, is it said to be missing from the submission, nothing beside
    the file being read?"""
    (tmp_path / "deep_network_application.py").write_text(APP_SOLUTION)
    (tmp_path / "deep_network_step_by_step.py").write_text("this file is not read")
    report = grade_submission(tmp_path / "deep_network_application.py", APP.only("predict"),
                              companions={STEP.id: None})
    assert report.tests[0].message.en.startswith(MISSING[0].format(where="in your submission"))


def test_a_companion_paired_from_a_sibling_folder_is_used_and_named(tmp_path):
    """With the step-by-step notebook the caller found in a sibling folder (``W4A1/``),
    under a name that says nothing, is it the one the application is graded with, the note
    naming it as the learner knows it?"""
    (tmp_path / "W4A1").mkdir()
    (tmp_path / "W4A2").mkdir()
    step = tmp_path / "W4A1" / "a1_building_your_deep_neural_network.ipynb"
    _notebook(step, STEP_SOLUTION)
    app = tmp_path / "W4A2" / "a2.ipynb"
    _notebook(app, APP_SOLUTION)
    report = grade_submission(app, APP.only("predict"), companions={STEP.id: step})
    assert report.tests[0].message.en.startswith("2 check(s) passed"), report.tests[0].message.en
    assert report.notes[0].en == ("a2.ipynb was graded with your deep_network_step_by_step functions, from "
                                  "W4A1/a1_building_your_deep_neural_network.ipynb; where one of them fails, the "
                                  "grader's correct version is used instead, and the function's message says so.")


def test_a_renamed_companion_beside_is_found_by_its_functions(tmp_path):
    """When the step-by-step notebook beside the application has a name that says nothing,
    is it found by the functions it defines (and a scratch notebook beside it is not)?"""
    stub = STEP_SOLUTION.replace("    for l in range(1, L):\n        A_prev = A\n",
                                 "    raise NotImplementedError\n    for l in range(1, L):\n        A_prev = A\n")
    _notebook(tmp_path / "a1_building_your_deep_neural_network.ipynb", stub)
    _notebook(tmp_path / "scratch.ipynb", "def L_model_forward(X, parameters):\n    return X, []\n")
    _notebook(tmp_path / "a2_app.ipynb", APP_SOLUTION)
    report = grade_submission(tmp_path / "a2_app.ipynb", APP.only("predict"))
    assert "graded with correct versions of L_model_forward" in report.tests[0].message.en
    assert "from a1_building_your_deep_neural_network.ipynb" in report.notes[0].en


def test_a_linked_companion_is_not_read_and_the_reason_said(tmp_path):
    """Is a step-by-step notebook beside the application that is a symbolic link to another
    student's file refused unread, the note saying why?"""
    other = tmp_path / "other"
    other.mkdir()
    (other / "deep_network_step_by_step.py").write_text(STEP_SOLUTION)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "deep_network_step_by_step.py").symlink_to(other / "deep_network_step_by_step.py")
    (mine / "deep_network_application.py").write_text(APP_SOLUTION)
    report = grade_submission(mine / "deep_network_application.py", APP.only("predict"))
    assert report.score == 1
    assert "could not be read (deep_network_step_by_step.py is not read: it is a symbolic link" in report.notes[0].en
    assert report.tests[0].message.en.startswith("Graded with the grader's L_model_forward (deep_network_step_by_step.py"
                                                 ", your deep_network_step_by_step notebook, could not be read")


def test_a_companion_under_its_classic_name_is_found(tmp_path):
    """When the step-by-step notebook beside the application keeps the classic course's
    file name, are its functions the ones the application is graded with?"""
    stub = STEP_SOLUTION.replace("    for l in range(1, L):\n        A_prev = A\n",
                                 "    raise NotImplementedError\n    for l in range(1, L):\n        A_prev = A\n")
    _notebook(tmp_path / "Building_your_Deep_Neural_Network_Step_by_Step_v8a.ipynb", stub)
    _notebook(tmp_path / "Deep Neural Network - Application v8.ipynb", APP_SOLUTION)
    report = grade_submission(tmp_path / "Deep Neural Network - Application v8.ipynb", APP.only("predict"))
    message = _messages(report)["predict"]
    assert "graded with correct versions of L_model_forward" in message and "was not found" not in message, message


def test_a_korean_notebook_takes_the_korean_companion_first(tmp_path):
    """Beside a Korean application notebook, is the Korean step-by-step notebook the one
    used, when the English one beside it is still the stub?"""
    stub = STEP_SOLUTION.replace("    for l in range(1, L):\n        A_prev = A\n",
                                 "    raise NotImplementedError\n    for l in range(1, L):\n        A_prev = A\n")
    _notebook(tmp_path / "deep_network_step_by_step.ipynb", stub)
    _notebook(tmp_path / "deep_network_step_by_step.ko.ipynb", STEP_SOLUTION)
    _notebook(tmp_path / "deep_network_application.ko.ipynb", APP_SOLUTION)
    _notebook(tmp_path / "deep_network_application.ipynb", APP_SOLUTION)
    korean = _messages(grade_submission(tmp_path / "deep_network_application.ko.ipynb", APP.only("predict")))
    english = _messages(grade_submission(tmp_path / "deep_network_application.ipynb", APP.only("predict")))
    assert "Note" not in korean["predict"], korean
    assert "graded with correct versions of L_model_forward" in english["predict"], english


def test_the_reference_ignores_the_students_helper_module_on_sys_path(monkeypatch):
    """With assignments/week4 importable (as under ``pytest assignments/week4``), is the
    reference still the solution, not the student's dnn_app_utils and its stubs?"""
    monkeypatch.syspath_prepend(str(ROOT / "assignments" / "week4"))
    monkeypatch.delitem(sys.modules, "dnn_app_utils", raising=False)
    reference._solution.cache_clear()
    reference._reference.cache_clear()
    try:
        ref = reference.reference_for(APP)
        params = ref.function("initialize_parameters")(3, 2, 1)
        assert params["W1"].shape == (2, 3)
        assert ref.calls["two_layer_model"] == ("initialize_parameters", "linear_activation_forward", "compute_cost",
                                                 "linear_activation_backward", "update_parameters")
    finally:
        reference._solution.cache_clear()
        reference._reference.cache_clear()


# -- functions that call graded functions, checks that need more time ---------------------

MINI_SOLUTION = '''
# %%
def double(x):
    ### BEGIN SOLUTION
    return 2 * x
    ### END SOLUTION

# %%
def quadruple(x):
    ### BEGIN SOLUTION
    return double(double(x))
    ### END SOLUTION
'''


@pytest.fixture
def mini(tmp_path, monkeypatch):
    """``week9/mini``: double(x), and quadruple(x), which calls it, with a check on a
    small and on a large input."""
    (tmp_path / "solutions" / "week9").mkdir(parents=True)
    (tmp_path / "solutions" / "week9" / "mini.py").write_text(MINI_SOLUTION)
    monkeypatch.setenv("AUTOGRADE_PROJECT", str(tmp_path))
    spec = NotebookSpec("week9/mini")
    double = spec.graded("double", points=1)
    quadruple = spec.graded("quadruple", points=1)

    @double.public("2 * 3", "2 * 3")
    def double_example(t):
        expect_scalar(t.call(3.0), 6.0, "double(3)")

    @quadruple.public("4 * 3", "4 * 3")
    def quadruple_example(t):
        expect_scalar(t.call(3.0), 12.0, "quadruple(3)")

    @quadruple.hidden("4 * 1000 (as if on the real data)", "4 * 1000")
    def quadruple_big(t):
        expect_scalar(t.call(1000.0), 4000.0, "quadruple(1000)")

    return spec


def _submission(tmp_path, source: str):
    path = tmp_path / "submission.py"
    path.write_text(textwrap.dedent(source))
    return path


@pytest.mark.parametrize("quadruple", [
    pytest.param("return double(double(x)) if x < 100 else 0.0", id="wrong"),
    pytest.param("if x >= 100:\n        raise MemoryError\n    return double(double(x))", id="raises"),
])
def test_a_failure_only_at_scale_with_correct_callees_is_the_functions_own(tmp_path, mini, quadruple):
    """When a function fails only on a large input, with a wrong value or by raising, while
    its callees are right, does it lose its points (the run with the reference's callees
    fails it too)?"""
    path = _submission(tmp_path, f"def double(x):\n    return 2 * x\n\n\ndef quadruple(x):\n    {quadruple}\n")
    report = grade_submission(path, mini)
    tests = _messages(report)
    assert report.score == 1 and "quadruple: 4 * 1000 (as if on the real data): " in tests["quadruple"], tests


def test_a_wrong_callee_costs_only_itself_and_every_check_runs_with_correct_callees(tmp_path, mini):
    """With a wrong double, does quadruple keep its points, every check of it (the large
    input included) passing with the reference's double?"""
    path = _submission(tmp_path, """
        def double(x):
            return 3 * x

        def quadruple(x):
            return double(double(x))
    """)
    report = grade_submission(path, mini)
    tests = _messages(report)
    assert report.score == 1
    assert "2 check(s) passed" in tests["quadruple"] and "graded with correct versions of double" in tests["quadruple"]


def test_decide_lets_the_run_with_correct_callees_decide():
    """Is the verdict the first run's when it passed, and otherwise the run with the
    reference's callees, whatever way the first run failed?"""
    fn = NotebookSpec("week9/x").graded("f", points=2)
    passed, failed = result(fn, True, tr("ok", "ok")), result(fn, False, tr("raised", "raised"))
    assert not needs_retry(passed, ("g",)) and not needs_retry(failed, ()) and needs_retry(failed, ("g",))
    assert decide(fn, passed, None, ("g",)) is passed
    assert decide(fn, failed, None, ()) is failed
    assert decide(fn, failed, failed, ("g",)) is failed
    kept = decide(fn, failed, passed, ("g",))
    assert kept.score == 2 and "with your own, it failed: raised" in kept.message.en


def test_a_callers_note_keeps_no_hint_about_its_own_code_when_its_callees_are_to_blame():
    """When a function passes with correct callees, its own code is not what failed: does
    the note keep what differed with the learner's callees but drop the hint, which would
    send them to fix code that is right (a wrong propagate told model's author to "train on
    the training set"), and point at the callees instead, in both languages?"""
    fn = NotebookSpec("week9/x").graded("model", points=2)
    own = result(fn, False, tr("w differs. Hint: train on the training set.", "w가 다릅니다. 힌트: 훈련 세트에서 학습하세요."))
    kept = decide(fn, own, result(fn, True, tr("2 check(s) passed", "검사 2개 통과")), ("optimize", "predict"))
    assert kept.passed and "w differs" in kept.message.en and "w가 다릅니다" in kept.message.ko
    assert "training set" not in kept.message.en and "훈련 세트" not in kept.message.ko
    assert "Hint" not in kept.message.en and "힌트" not in kept.message.ko
    assert "optimize, predict" in kept.message.en.rpartition("w differs")[2]  # named after what differed


def test_a_check_that_declares_its_time_gets_it(tmp_path, mini):
    """Does a check declared with ``seconds`` let a call run past the normal per-call limit,
    while the other checks keep that limit?"""
    @mini.function("double").hidden("slow but declared", "느리지만 선언됨", seconds=5)
    def slow_declared(t):
        if t.call(-1.0) != -2.0:
            raise CheckFailed(tr("wrong", "틀림"))

    path = _submission(tmp_path, """
        import time

        def double(x):
            if x < 0:
                time.sleep(1.5)
            return 2 * x
    """)
    start = time.perf_counter()
    verdict = grade_submission(path, mini.only("double"), limits=Limits(call_seconds=1)).tests[0]
    assert verdict.passed, verdict.message
    assert time.perf_counter() - start < 15


@pytest.fixture
def long_double(mini):
    """``mini`` where double also has a long check (its own time), run apart."""
    @mini.function("double").hidden("double(50), apart", "double(50), 따로", seconds=5)
    def double_fifty(t):
        expect_scalar(t.call(50.0), 100.0, "double(50)")

    return mini


@pytest.mark.parametrize("body, passed, fragment", [
    pytest.param("return 2 * x", True, "; and 1 check(s) passed: double(50), apart", id="right"),
    pytest.param("return 0.0 if x == 50 else 2 * x", False, "double: double(50), apart: double(50) is wrong", id="wrong"),
    pytest.param("import os\n    if x == 50:\n        os._exit(3)\n    return 2 * x", False, "no result", id="exits"),
])
def test_a_long_check_runs_apart_and_completes_the_verdict(tmp_path, long_double, body, passed, fragment):
    """Does a long check run in a sandbox of its own once the function's other checks
    passed, its outcome deciding the function alone (a process it kills costs nothing
    else)?"""
    path = _submission(tmp_path, f"def double(x):\n    {body}\n\n\ndef quadruple(x):\n    return double(double(x))\n")
    report = grade_submission(path, long_double)
    tests = {t.function: t for t in report.tests}
    assert tests["double"].passed is passed and fragment in str(tests["double"].message), tests["double"].message
    assert tests["quadruple"].passed, tests["quadruple"].message
    assert "double, apart" in report.seconds


@pytest.fixture
def long_quadruple(mini):
    """``mini`` where quadruple has a long check, run apart, with a 2 s limit a call."""
    @mini.function("quadruple").hidden("quadruple(50), apart", "quadruple(50), 따로", seconds=2)
    def quadruple_fifty(t):
        expect_scalar(t.call(50.0), 200.0, "quadruple(50)")

    return mini.only("quadruple")


SLOW_DOUBLE = "import time\n\n\ndef double(x):\n    if x == 50:\n        time.sleep(5)\n    return 2 * x\n"


def test_a_long_check_that_times_out_in_a_callee_is_decided_with_correct_callees(tmp_path, long_quadruple):
    """When a long check runs out of time in a slow but correct callee (loops, say), does
    it run again with the reference's callee, which decides: the function keeps its points
    and is told what happened?"""
    path = _submission(tmp_path, SLOW_DOUBLE + "\n\ndef quadruple(x):\n    return double(double(x))\n")
    tests = _messages(grade_submission(path, long_quadruple, limits=Limits(call_seconds=1)))
    assert "graded with correct versions of double; with your own, it failed" in tests["quadruple"], tests
    assert "did not return within 2 s" in tests["quadruple"]


@pytest.mark.parametrize("stall", [
    pytest.param("while x == 50:\n        pass", id="loops"),
    pytest.param("if x == 50:\n        raise MemoryError", id="raises"),
    pytest.param("import os\n    if x == 50:\n        os._exit(0)", id="exits"),
])
def test_a_long_check_that_stalls_in_the_functions_own_code_fails_it(tmp_path, long_quadruple, stall):
    """When the function itself loops, raises or exits on the long check's input (with a
    slow callee that could be blamed), is the check counted: 0 points?"""
    path = _submission(tmp_path, SLOW_DOUBLE + f"\n\ndef quadruple(x):\n    {stall}\n    return double(double(x))\n")
    report = grade_submission(path, long_quadruple, limits=Limits(call_seconds=1))
    assert report.score == 0, report.tests[0].message
    assert "quadruple(50), apart" in str(report.tests[0].message)
