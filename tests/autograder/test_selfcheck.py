"""The student's self-check: same messages as the grader, public checks only."""

import subprocess
import sys

import numpy as np
import pytest

from autograder import ROOT, specs
from autograder.engine import reference_namespace
from autograder.selfcheck import check_function, checker, grade_public

SPEC = specs.get("week2/logistic_regression")
STUDENT_COPY = ROOT / SPEC.release


def test_reference_functions_pass_their_public_checks_in_a_kernel():
    """Does check(fn) accept the reference implementation of every function?"""
    ns = reference_namespace(SPEC.solution)
    for fn in SPEC.functions:
        result = check_function(SPEC, ns[fn.name])
        assert result.passed, result.message


def test_inline_check_reports_the_same_message_as_the_grader():
    """Does check(fn) fail the cell with the grader's message for a buggy function?"""
    def sigmoid(z):
        return 1 / (1 + np.exp(z))

    with pytest.raises(AssertionError) as info:
        checker(SPEC.id)(sigmoid)
    assert str(info.value).startswith("sigmoid: values on a small array and a scalar: ")
    assert "Hint: you computed 1 - sigmoid(z): the denominator is 1 + np.exp(-z)" in str(info.value)


def test_inline_check_prints_what_passed(capsys):
    """Does a passing check(fn) say what was checked and that hidden checks follow?"""
    checker(SPEC.id)(reference_namespace(SPEC.solution)["sigmoid"])
    assert capsys.readouterr().out.startswith("PASSED sigmoid: 1 checks: values on a small array")


def test_untouched_stub_gets_not_implemented_messages():
    """Does the public grading of the untouched student copy say what to implement?"""
    report = grade_public(STUDENT_COPY, SPEC)
    assert report.error is None and report.score == 0
    assert all("is not implemented yet" in t.message for t in report.tests)


def test_pytest_on_the_assignment_folder_says_what_to_do_first():
    """Does `pytest assignments/week2` on untouched stubs fail and name the first function to implement?"""
    proc = subprocess.run([sys.executable, "-m", "pytest", "assignments/week2", "-q", "-p", "no:cacheprovider"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1
    assert "Work on sigmoid next: sigmoid is not implemented yet" in proc.stdout
