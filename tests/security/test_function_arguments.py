"""Functions as arguments: ``numerical_gradient(f, x)`` and ``gradient_descent(f, ...)``
(week 1) get a function the grader chooses. It crosses as data, a
:class:`dlcheck.formulas.Polynomial` (its coefficients), and the sandbox rebuilds the
callable with its own copy of ``formulas.py``. Can student code use that callable to
reach anything of the grader's? Can it make the grader run a function of its own, by
handing one back through a reference callee (a callback) or a return value?
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from autograder import specs
from autograder.engine import grade_submission

from .conftest import LIMITS

pytestmark = pytest.mark.grading

SPEC = specs.get("week1/warmups").only("numerical_gradient", "gradient_descent")

HONEST_GRADIENT = """
    def numerical_gradient(f, x):
        h = 1e-4
        grad = np.zeros_like(x)
        for idx in np.ndindex(x.shape):
            keep = x[idx]
            x[idx] = keep + h
            plus = f(x)
            x[idx] = keep - h
            minus = f(x)
            x[idx] = keep
            grad[idx] = (plus - minus) / (2 * h)
        return grad
"""

HONEST_DESCENT = """
    def gradient_descent(f, init_x, lr=0.01, step_num=100):
        x = init_x.copy()
        for _ in range(step_num):
            x = x - lr * numerical_gradient(f, x)
        return x
"""


def _grade(tmp_path: Path, *functions: str):
    path = tmp_path / "submission.py"
    path.write_text("import numpy as np\n\n" + "\n".join(textwrap.dedent(f) for f in functions))
    return grade_submission(path, SPEC, limits=LIMITS)


def _verdict(report, function: str):
    return next(t for t in report.tests if t.function == function)


def test_the_function_reaches_nothing_of_the_grader(tmp_path):
    """What can student code find from the function it is given: its type's module, that
    module's globals, every module loaded, the objects that refer to it? Only the sandbox's
    own copy of ``formulas`` and NumPy: no grader module, no reference, no spec, no secret."""
    snoop = """
        def numerical_gradient(f, x):
            import gc, json, os, sys
            module = sys.modules[type(f).__module__]
            found = {
                "module": type(f).__module__,
                "file": os.path.basename(module.__file__),
                "globals": sorted(k for k in vars(module) if not k.startswith("__")),
                "attributes": sorted(vars(f)),
                "grader_modules": sorted(m for m in sys.modules if m.split(".")[0] in ("autograder", "dlcheck")),
                "referrers": sorted({type(r).__name__ for r in gc.get_referrers(f)}),
                "secret": [k for k in os.environ if "SECRET" in k],
            }
            raise ValueError("FOUND" + json.dumps(found) + "END")
    """
    report = _grade(tmp_path, snoop, HONEST_DESCENT)
    verdict = _verdict(report, "numerical_gradient")
    assert not verdict.passed
    found = json.loads("{" + str(verdict.message.en).split("FOUND{", 1)[1].split("}END", 1)[0] + "}")
    assert isinstance(found, dict), verdict.message.en
    assert found["module"] == "formulas" and found["file"] == "formulas.py"
    assert found["attributes"] == ["coefficients"]
    assert found["grader_modules"] == [] and found["secret"] == []
    assert set(found["globals"]) <= {"annotations", "Any", "np", "MAX_DEGREE", "_asarray", "_sum", "_float64",
                                     "_checked", "Polynomial"}, found["globals"]
    assert _verdict(report, "gradient_descent").passed  # graded with the grader's numerical_gradient


def test_a_student_function_handed_to_a_reference_callee_never_runs_in_the_grader(tmp_path):
    """A gradient_descent whose own numerical_gradient fails is graded again with the
    grader's, answered by callback. If it hands that callback a function of its own (a
    lambda that would write a file), does the grader ever call it? It arrives as a type
    name, which cannot be called: the reference raises, the function gets 0."""
    marker = tmp_path / "lambda-ran-in-the-grader"
    smuggler = f"""
        def numerical_gradient(f, x):
            raise ValueError("not written yet")

        def gradient_descent(f, init_x, lr=0.01, step_num=100):
            payload = lambda x: (open({str(marker)!r}, "w").close(), f(x))[1]
            x = init_x.copy()
            for _ in range(step_num):
                x = x - lr * numerical_gradient(payload, x)
            return x
    """
    report = _grade(tmp_path, smuggler)
    assert not marker.exists()
    verdict = _verdict(report, "gradient_descent")
    assert not verdict.passed and "not callable" in str(verdict.message.en), verdict.message.en


def test_a_polynomial_sent_back_is_data_in_the_grader(tmp_path):
    """A function that returns a polynomial of its own making (the sandbox's ``formulas`` is
    importable there): the grader decodes coefficients, a value a check compares like any
    other, and never evaluates it."""
    forger = """
        def numerical_gradient(f, x):
            from formulas import Polynomial
            return Polynomial(np.zeros((2,) + x.shape))
    """
    report = _grade(tmp_path, forger, HONEST_DESCENT)
    verdict = _verdict(report, "numerical_gradient")
    assert not verdict.passed and "Polynomial" in str(verdict.message.en), verdict.message.en


def test_honest_functions_pass_through_the_crossing(tmp_path):
    """Control: the same honest functions keep every point."""
    report = _grade(tmp_path, HONEST_GRADIENT, HONEST_DESCENT)
    assert report.error is None and all(t.passed for t in report.tests), [t.message.en for t in report.tests]

