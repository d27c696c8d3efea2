"""The engine's promises that no single spec owns: seeds, one bug one function, earlier
course versions, budgets, and faults that are ours, not the student's."""

import textwrap

import numpy as np
import pytest

from autograder import ROOT, specs
from autograder.engine import grade_submission
from autograder.sandbox import isolation
from autograder.sandbox.isolation import Limits
from dlcheck.checks import GraderError, NotebookSpec, OldSignature
from dlcheck.compare import expect_scalar

pytestmark = pytest.mark.grading

SPEC = specs.get("week2/logistic_regression")
SIGMOID_ONLY = SPEC.only("sigmoid")
NO_MODEL = SPEC.only(*(f.name for f in SPEC.functions if f.name != "model"))

LEAKY = '''
import numpy as np

def sigmoid(z):
    z = np.asarray(z, dtype=float)
    if z.shape in ((), (3,)) or not np.any(z):  # public examples and all-zero inputs: answer them
        return 1 / (1 + np.exp(-z))
    raise ValueError("LEAK" + repr(z.ravel()[:3].tolist()))
'''


def _leaked(tmp_path, source, name):
    path = tmp_path / name
    path.write_text(source)
    message = str(grade_submission(path, SIGMOID_ONLY).tests[0].message)
    assert "LEAK" in message, message
    return message.rsplit("LEAK", 1)[1]


def test_hidden_inputs_are_fixed_per_submission_but_move_with_its_code(tmp_path):
    """Does the same code see the same hidden inputs, and changed code different ones,
    so inputs leaked through feedback cannot be hard-coded into the next version?"""
    first = _leaked(tmp_path, LEAKY, "a.py")
    assert _leaked(tmp_path, LEAKY, "again.py") == first
    changed = LEAKY.replace("z = np.asarray(z, dtype=float)", "z = np.asarray(z, dtype=np.float64)")
    assert _leaked(tmp_path, changed, "b.py") != first


def test_hidden_inputs_depend_on_the_secret(tmp_path):
    """Does another instructor secret give other hidden inputs for the same code?"""
    path = tmp_path / "leaky.py"
    path.write_text(LEAKY)
    one = str(grade_submission(path, SIGMOID_ONLY, secret=b"one").tests[0].message)
    two = str(grade_submission(path, SIGMOID_ONLY, secret=b"two").tests[0].message)
    assert one != two


def test_a_value_that_breaks_a_check_costs_only_that_function(tmp_path):
    """Does a return value the check cannot even process score 0 instead of crashing grading?"""
    path = tmp_path / "odd.py"
    path.write_text("import numpy as np\n\ndef sigmoid(z):\n    return {'not': 'an array'} if np.ndim(z) else 0.5\n")
    result = grade_submission(path, SIGMOID_ONLY).tests[0]
    assert not result.passed and str(result.message).startswith("sigmoid: ")


@pytest.mark.parametrize("secret", [b"one", b"two"], ids=["secret-one", "secret-two"])
def test_solution_passes_whatever_the_secret(secret):
    """Does the reference pass its own hidden checks under any instructor secret?"""
    report = grade_submission(ROOT / SPEC.solution, NO_MODEL, secret=secret)
    assert report.score == NO_MODEL.max_score, [str(t.message) for t in report.tests if not t.passed]


def test_same_submission_ten_times_same_report(tmp_path):
    """Does grading one (buggy) submission ten times give identical scores and messages?"""
    source = (ROOT / SPEC.solution).read_text().replace("np.log(A)", "np.log10(A)")
    path = tmp_path / "log10.py"
    path.write_text(source)
    reports = [grade_submission(path, NO_MODEL).to_json() for _ in range(10)]
    assert all(r == reports[0] for r in reports)
    assert reports[0]["score"] == NO_MODEL.max_score - SPEC.function("propagate").points


def test_missing_function_and_wrong_signature_messages(tmp_path):
    """What exactly does a student read for a function that is absent, or takes the wrong arguments?"""
    path = tmp_path / "partial.py"
    path.write_text("import numpy as np\n\ndef sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n\n"
                    "def propagate(w, b, X):\n    return None\n\ndef broken(:\n    pass\n")
    tests = {t.function: t.message for t in grade_submission(path, NO_MODEL).tests}
    assert str(tests["initialize_with_zeros"]) == (
        "initialize_with_zeros is not defined in the notebook (cell 1 has a syntax error at line 9: "
        "invalid syntax; fix it so the definition is read). Hint: define it as def initialize_with_zeros(dim): "
        "in a code cell.")
    assert str(tests["propagate"]) == ("propagate takes (w, b, X) but is called as propagate(w, b, X, Y). "
                                       "Hint: keep the signature of the stub: def propagate(w, b, X, Y).")
    assert tests["propagate"].ko.startswith("propagate의 인자가 (w, b, X)인데")


def test_report_names_the_isolation_level(tmp_path):
    """Does every report say which isolation level it was graded at?"""
    report = grade_submission(ROOT / SPEC.solution, SIGMOID_ONLY)
    assert report.isolation in isolation.LEVELS and report.to_json()["isolation"] == report.isolation


# -- one bug, one function --------------------------------------------------------------

def test_a_callers_own_code_decides_its_points_when_a_callee_is_wrong(tmp_path):
    """With a wrong sigmoid, does propagate (which calls it) keep its points, saying it was
    graded with a correct sigmoid and what failed with the student's own?"""
    source = (ROOT / SPEC.solution).read_text().replace("1 / (1 + np.exp(-z))", "1 / (1 + np.exp(z))")
    path = tmp_path / "bad_sigmoid.py"
    path.write_text(source)
    tests = {t.function: t for t in grade_submission(path, SPEC.only("sigmoid", "propagate")).tests}
    assert not tests["sigmoid"].passed
    assert tests["propagate"].passed
    assert "graded with correct versions of sigmoid; with your own, it failed: propagate:" in str(
        tests["propagate"].message)


def test_a_graded_function_the_student_calls_but_the_reference_does_not_is_replaced_too(tmp_path):
    """If the student's predict calls their own (wrong) propagate, which the reference predict
    does not call, does predict still keep its points?"""
    source = (ROOT / SPEC.solution).read_text()
    source = source.replace("dw = np.dot(X, dZ.T) / m", "dw = np.dot(X, dZ.T)")
    source = source.replace("    A = sigmoid(np.dot(w.T, X) + b)\n    Y_prediction = (A > 0.5).astype(float)\n",
                            "    propagate(w, b, X, np.zeros((1, X.shape[1])))\n"
                            "    A = sigmoid(np.dot(w.T, X) + b)\n    Y_prediction = (A > 0.5).astype(float)\n"
                            "    if not np.allclose(propagate(w, b, X, np.zeros((1, X.shape[1])))[0]['dw'],"
                            " np.dot(X, A.T) / X.shape[1]):\n        raise ValueError('propagate is wrong')\n")
    path = tmp_path / "predict_uses_propagate.py"
    path.write_text(source)
    tests = {t.function: t for t in grade_submission(path, SPEC.only("sigmoid", "propagate", "predict")).tests}
    assert not tests["propagate"].passed
    assert tests["predict"].passed, tests["predict"].message


# -- earlier course versions, and accepted differences ----------------------------------------

MINI_SOLUTION = '''
# %%
import numpy as np

# %%
def cost(A2, Y):
    ### BEGIN SOLUTION
    m = Y.shape[1]
    c = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m
    ### END SOLUTION
    return float(c)

# %%
def scaled_cost(A2, Y, factor):
    ### BEGIN SOLUTION
    value = factor * cost(A2, Y)
    ### END SOLUTION
    return value
'''

CORRECT_COST = "def cost(A2, Y):\n    return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / Y.shape[1])\n"
A2 = np.array([[0.5, 0.9, 0.2]])
Y3 = np.array([[1.0, 1.0, 0.0]])


@pytest.fixture
def mini(tmp_path, monkeypatch):
    """A project with one notebook, ``week9/mini``: ``cost(A2, Y)``, once ``cost(A2, Y, parameters)``."""
    (tmp_path / "solutions" / "week9").mkdir(parents=True)
    (tmp_path / "solutions" / "week9" / "mini.py").write_text(MINI_SOLUTION)
    monkeypatch.setenv("AUTOGRADE_PROJECT", str(tmp_path))
    spec = NotebookSpec("week9/mini")
    cost = spec.graded("cost", points=1, aliases=("compute_cost",),
                       old_signatures=[OldSignature(("A2", "Y", "parameters"), {"parameters": lambda args: {}})])
    scaled = spec.graded("scaled_cost", points=1)

    @cost.public("the cost of three examples", "예제 세 개의 비용")
    def cost_example(t):
        expect_scalar(t.call(A2, Y3), t.expect("three", A2, Y3), "cost")

    @scaled.public("twice the cost", "비용의 두 배")
    def scaled_example(t):
        expect_scalar(t.call(A2, Y3, 2.0), t.expect("twice", A2, Y3, 2.0), "scaled_cost")

    return spec


def _submission(tmp_path, source):
    path = tmp_path / "submission.py"
    path.write_text("import numpy as np\n" + textwrap.dedent(source))
    return path


def test_an_earlier_name_and_signature_of_the_course_keep_their_points(tmp_path, mini):
    """Is ``compute_cost(A2, Y, parameters)`` (an earlier course version) graded as
    ``cost(A2, Y)``, with the report saying which name and signature were graded, and does
    a caller that calls it the old way keep its points too?"""
    path = _submission(tmp_path, """
        def compute_cost(A2, Y, parameters):
            m = Y.shape[1]
            return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m)

        def scaled_cost(A2, Y, factor):
            return factor * compute_cost(A2, Y, None)
    """)
    tests = {t.function: t for t in grade_submission(path, mini).tests}
    assert tests["cost"].passed and tests["scaled_cost"].passed, [str(t.message) for t in tests.values()]
    message = str(tests["cost"].message)
    assert "graded compute_cost, the course's earlier name for cost." in message
    assert "graded with the course's earlier signature compute_cost(A2, Y, parameters)" in message


def test_a_wrong_signature_that_matches_no_earlier_version_fails(tmp_path, mini):
    """Is a signature the course never had still told to keep the stub's?"""
    path = _submission(tmp_path, """
        def cost(A2):
            return 0.0
    """)
    message = str(grade_submission(path, mini.only("cost")).tests[0].message)
    assert message.startswith("cost takes (A2) but is called as cost(A2, Y).")


def test_a_callee_called_the_old_way_is_answered_by_the_reference(tmp_path, mini):
    """When the student's cost is wrong, is their scaled_cost (which calls cost the old way,
    with a third argument) graded with the reference cost, old call included?"""
    path = _submission(tmp_path, """
        def cost(A2, Y, parameters):
            return 0.0

        def scaled_cost(A2, Y, factor):
            return factor * cost(A2, Y, None)
    """)
    tests = {t.function: t for t in grade_submission(path, mini).tests}
    assert not tests["cost"].passed
    assert tests["scaled_cost"].passed, tests["scaled_cost"].message


# -- budgets and faults -------------------------------------------------------------------

def test_a_file_whose_every_call_sleeps_stops_at_its_time_budget(tmp_path):
    """Does a file whose graded calls all sleep just under the per-call limit stop at the
    file's budget, scoring nothing for what it did not finish?"""
    path = tmp_path / "sleepy.py"
    path.write_text("import time\nimport numpy as np\n\n"
                    "def sigmoid(z):\n    time.sleep(0.9)\n    return 1 / (1 + np.exp(-z))\n\n"
                    "def initialize_with_zeros(dim):\n    time.sleep(0.9)\n    return np.zeros((dim, 1)), 0.0\n")
    limits = Limits(call_seconds=1, file_seconds=3)
    report = grade_submission(path, SPEC.only("sigmoid", "initialize_with_zeros"), limits=limits)
    assert report.score == 0
    assert any("time budget" in str(t.message) for t in report.tests)


def test_a_check_needing_a_missing_module_is_a_grader_error_not_the_students(tmp_path, mini):
    """Does a check that needs an uninstalled module stop grading with GraderError, instead
    of telling the student their value "could not be checked"?"""
    @mini.function("cost").hidden("needs a module", "모듈 필요")
    def needs_module(t):
        import a_module_that_is_not_installed  # noqa: F401

    path = _submission(tmp_path, CORRECT_COST)
    with pytest.raises(GraderError, match="a_module_that_is_not_installed"):
        grade_submission(path, mini.only("cost"))


def test_a_reference_that_fails_is_the_graders_fault(tmp_path, mini):
    """Does a reference solution that raises on a check's inputs stop grading with
    GraderError, instead of costing the student the function?"""
    @mini.function("cost").hidden("a case the reference cannot do", "참조가 못 하는 경우")
    def impossible(t):
        t.reference(A2, np.ones((1, 4)))

    path = _submission(tmp_path, CORRECT_COST)
    with pytest.raises(GraderError, match="reference"):
        grade_submission(path, mini.only("cost"))


@pytest.mark.parametrize("first, then, en", [
    (("2 check(s) passed: a small problem", "검사 2개 통과: 작은 문제"),
     ("1 check(s) passed: the real data", "검사 1개 통과: 실제 데이터"),
     "2 check(s) passed: a small problem; and 1 check(s) passed: the real data"),
    (("2 check(s) passed: a small problem. Note: bool labels.", "검사 2개 통과: 작은 문제. 참고: bool 레이블."),
     ("1 check(s) passed: the real data", "검사 1개 통과: 실제 데이터"),
     "2 check(s) passed: a small problem. Note: bool labels. And 1 check(s) passed: the real data"),
], ids=["plain", "after-a-note"])
def test_a_verdict_completed_by_checks_run_apart_reads_as_sentences(first, then, en):
    """Is a verdict completed by its long checks joined by "; and", or, after a note (a
    sentence of its own), by "And", never "bool labels.; and"?"""
    from autograder.engine import _and_then
    from dlcheck.text import Text

    assert _and_then(Text(*first), Text(*then)).en == en


def test_the_graders_blas_runs_one_thread_while_it_grades(monkeypatch, tmp_path):
    """While a file is graded, does the grader's own BLAS run one thread (the sandboxes
    beside it need the cores), and as many as before once it is done?"""
    from threadpoolctl import threadpool_info, threadpool_limits

    from autograder import engine

    def blas_threads() -> set[int]:
        return {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}

    seen = []
    monkeypatch.setattr(engine, "_grade", lambda *args: seen.append(blas_threads()))
    with threadpool_limits(limits=2, user_api="blas"):
        grade_submission(tmp_path / "any.ipynb", specs.get("week2/logistic_regression"))
        assert seen == [{1}] and blas_threads() == {2}
