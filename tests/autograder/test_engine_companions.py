"""The engine's promises for notebooks that use another notebook's functions (the week-4
application uses the step-by-step notebook), and for checks that need the student's own
functions or more time than a call normally gets."""

from __future__ import annotations

import sys
import textwrap
import time

import nbformat
import pytest

from autograder import ROOT, reference, specs
from autograder.engine import grade_submission
from autograder.sandbox.isolation import Limits
from dlcheck.checks import CheckFailed, NotebookSpec
from dlcheck.compare import expect_scalar
from dlcheck.text import tr

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


def test_a_missing_companion_is_said_and_its_functions_come_from_the_reference(tmp_path):
    """Without the step-by-step notebook, does predict keep its points, the message saying
    that notebook was not found?"""
    (tmp_path / "deep_network_application.py").write_text(APP_SOLUTION)
    report = grade_submission(tmp_path / "deep_network_application.py", APP.only("predict"))
    assert report.score == 1
    assert "(deep_network_step_by_step.ipynb was not found beside this notebook.)" in _messages(report)["predict"]


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


# -- checks that need the student's own functions, or more time -----------------------------

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
    """``week9/mini``: double(x), and quadruple(x), which calls it; quadruple has a check
    that needs the student's own double, and one that takes 1.5 s a call."""
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

    @quadruple.hidden("4 * 1000 (as if on the real data)", "4 * 1000", needs_own_callees=True)
    def quadruple_big(t):
        expect_scalar(t.call(1000.0), 4000.0, "quadruple(1000)")

    return spec


def _submission(tmp_path, source: str):
    path = tmp_path / "submission.py"
    path.write_text(textwrap.dedent(source))
    return path


def test_a_failure_only_at_scale_with_correct_callees_is_the_functions_own(tmp_path, mini):
    """When every other check passed with the student's own (correct) callees and only the
    check that needs them fails, does the function lose its points (no retry that would
    leave that check out)?"""
    path = _submission(tmp_path, """
        def double(x):
            return 2 * x

        def quadruple(x):
            return double(double(x)) if x < 100 else 0.0
    """)
    tests = _messages(grade_submission(path, mini))
    assert "quadruple: 4 * 1000 (as if on the real data): quadruple(1000) is wrong" in tests["quadruple"], tests


def test_a_wrong_callee_still_costs_only_itself_and_says_what_was_skipped(tmp_path, mini):
    """With a wrong double, does quadruple keep its points, the message naming the check
    left out because it needs the student's own double?"""
    path = _submission(tmp_path, """
        def double(x):
            return 3 * x

        def quadruple(x):
            return double(double(x))
    """)
    report = grade_submission(path, mini)
    tests = _messages(report)
    assert report.score == 1
    assert "Skipped, as they need your own versions: 4 * 1000 (as if on the real data)." in tests["quadruple"]


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
    """``mini`` where double also has a long check (own callees, its own time), run apart."""
    @mini.function("double").hidden("double(50), apart", "double(50), 따로", needs_own_callees=True, seconds=5)
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


def test_a_long_check_that_times_out_in_a_callee_is_not_counted(tmp_path, mini):
    """When a long check runs out of time in a slow but correct callee (loops, say), after
    every other check passed, does the function keep its points, saying the check was
    not counted?"""
    @mini.function("quadruple").hidden("quadruple(50), apart", "quadruple(50), 따로", needs_own_callees=True,
                                       seconds=2)
    def quadruple_fifty(t):
        expect_scalar(t.call(50.0), 200.0, "quadruple(50)")

    path = _submission(tmp_path, """
        import time

        def double(x):
            if x == 50:
                time.sleep(5)
            return 2 * x

        def quadruple(x):
            return double(double(x))
    """)
    tests = _messages(grade_submission(path, mini.only("quadruple"), limits=Limits(call_seconds=1)))
    assert "Not counted, as it did not complete with your own versions" in tests["quadruple"], tests
