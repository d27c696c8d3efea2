"""The student's self-check: the grader's messages, public checks only, NumPy only."""

import subprocess
import sys
import types

import numpy as np
import pytest

from autograder import ROOT
from autograder.reference import reference_for
from autograder.specs import get
from dlcheck import exercises
from dlcheck.selfcheck import check_function, checker, grade_notebook

NOTEBOOK = "week2/logistic_regression"
EXERCISE = exercises.load(NOTEBOOK)
REFERENCE = reference_for(get(NOTEBOOK))


@pytest.mark.parametrize("notebook_id", exercises.available())
def test_reference_functions_pass_their_public_checks_in_a_kernel(notebook_id):
    """Does check(fn) accept the reference implementation of every function?"""
    exercise = exercises.load(notebook_id)
    reference = reference_for(get(notebook_id))
    for fn in exercise.spec.functions:
        verdict = check_function(exercise, reference.function(fn.name), namespace=reference.namespace)
        assert verdict.passed, verdict.message


def test_the_self_check_holds_no_hidden_check():
    """Are only public checks declared when a spec is loaded for students?"""
    assert all(c.tier == "public" for f in EXERCISE.spec.functions for c in f.checks)
    assert all(c.tier == "public" for c in [c for f in EXERCISE.spec.functions for c in f.checks])
    assert sum(c.tier == "hidden" for f in get(NOTEBOOK).functions for c in f.checks) > 0


def test_inline_check_reports_the_same_message_as_the_grader():
    """Does check(fn) fail the cell with the grader's message for a buggy function?"""
    def sigmoid(z):
        return 1 / (1 + np.exp(z))

    with pytest.raises(AssertionError) as info:
        checker(NOTEBOOK)(sigmoid)
    assert str(info.value).startswith("sigmoid: values on a small array and a scalar: ")
    assert "Hint: you computed 1 - sigmoid(z): the denominator is 1 + np.exp(-z)" in str(info.value)


def test_inline_check_speaks_korean_when_asked():
    """Does checker(..., lang="ko") give the same verdict in Korean?"""
    def sigmoid(z):
        return 1 / (1 + np.exp(z))

    with pytest.raises(AssertionError) as info:
        checker(NOTEBOOK, lang="ko")(sigmoid)
    assert "힌트: 1 - sigmoid(z)를 계산했습니다" in str(info.value)


def test_inline_check_prints_what_passed(capsys):
    """Does a passing check(fn) say what was checked and that hidden checks follow?"""
    checker(NOTEBOOK)(REFERENCE.function("sigmoid"))
    assert capsys.readouterr().out.startswith("PASSED sigmoid: 1 check(s) passed: values on a small array")


def test_a_check_failing_because_of_a_callee_says_which_callee_to_fix():
    """When optimize fails only because the learner's own propagate is wrong, does check(optimize)
    say so (the grader would grade optimize with a correct propagate)?"""
    namespace = dict(REFERENCE.namespace, _right=REFERENCE.function("propagate"))
    exec("def propagate(w, b, X, Y):  # dw without the 1/m\n"
         "    grads, cost = _right(w, b, X, Y)\n"
         "    return {'dw': grads['dw'] * X.shape[1], 'db': grads['db']}, cost\n", namespace)
    optimize = types.FunctionType(REFERENCE.function("optimize").__code__, namespace, "optimize")
    verdict = check_function(EXERCISE, optimize)
    assert not verdict.passed
    assert "optimize calls your propagate, which fails its own checks; fix propagate first" in str(verdict.message)


def test_untouched_stub_gets_not_implemented_messages():
    """Does the public grading of the untouched student copy say what to implement?"""
    report = grade_notebook(ROOT / "assignments" / f"{NOTEBOOK}.ipynb", NOTEBOOK)
    assert report.error is None and report.score == 0
    assert all("is not implemented yet" in str(t.message) for t in report.tests)


def test_the_solution_notebook_passes_every_public_check():
    """Does the self-check of a completed notebook (the solution) pass every function?"""
    report = grade_notebook(ROOT / "solutions" / f"{NOTEBOOK}.py", NOTEBOOK)
    assert report.score == report.max_score, [str(t.message) for t in report.tests if not t.passed]


def test_pytest_on_the_assignment_folder_says_what_to_do_first():
    """Does `pytest assignments/week2` on untouched stubs fail and name the first function to implement?"""
    proc = subprocess.run([sys.executable, "-m", "pytest", "assignments/week2", "-q", "-p", "no:cacheprovider"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1
    assert "Work on sigmoid next: sigmoid is not implemented yet" in proc.stdout


GRADER_ONLY = ("autograder", "nbgrader", "hypothesis", "numdifftools", "scipy", "sqlalchemy", "click")
POSIX_ONLY = ("fcntl", "resource", "termios", "pwd", "grp")


def _imported(code: str) -> list[str]:
    probe = f"import sys\n{code}\nprint('IMPORTED', sorted(set(m.split('.')[0] for m in sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", probe], cwd=ROOT / "assignments", capture_output=True, text=True,
                          timeout=120)
    line = next((x for x in proc.stdout.splitlines() if x.startswith("IMPORTED")), None)
    assert line, proc.stdout + proc.stderr
    return eval(line.removeprefix("IMPORTED "))


def test_checking_in_a_notebook_imports_nothing_of_the_grader_nor_posix_only_modules():
    """Does `from dlcheck import checker` and a check import no grader module and no
    POSIX-only module (fcntl, resource: absent on Windows)?"""
    modules = _imported("from dlcheck import checker\nimport numpy as np\n"
                        "check = checker('week2/numpy_basics')\n"
                        "exec('def sigmoid(x):\\n    return 1 / (1 + np.exp(-x))')\ncheck(sigmoid)")
    assert not [m for m in modules if m in GRADER_ONLY + POSIX_ONLY]


def test_the_pytest_self_check_imports_nothing_of_the_grader():
    """Does the pytest plugin (grading a notebook file) import no grader module? (pytest itself
    may import POSIX modules where they exist, and does without them on Windows.)"""
    modules = _imported("import dlcheck.pytest_plugin\nfrom dlcheck.selfcheck import grade_notebook\n"
                        "grade_notebook('week2/numpy_basics.ipynb', 'week2/numpy_basics')")
    assert not [m for m in modules if m in GRADER_ONLY]
