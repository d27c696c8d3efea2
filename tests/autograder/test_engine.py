"""The engine's promises that no single spec owns: seeds, isolation of failures, robustness."""

import dataclasses

import pytest

from autograder import ROOT, specs
from autograder.engine import grade_submission

SPEC = specs.get("week2/logistic_regression")
SIGMOID_ONLY = dataclasses.replace(SPEC, functions=(SPEC.function("sigmoid"),))

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
    message = grade_submission(path, SIGMOID_ONLY).tests[0].message
    assert "LEAK" in message, message
    return message.rsplit("LEAK", 1)[1]


def test_hidden_inputs_are_fixed_per_submission_but_move_with_its_code(tmp_path):
    """Does the same code see the same hidden inputs, and changed code different ones,
    so inputs leaked through feedback cannot be hard-coded into the next version?"""
    first = _leaked(tmp_path, LEAKY, "a.py")
    assert _leaked(tmp_path, LEAKY, "again.py") == first
    changed = LEAKY.replace("z = np.asarray(z, dtype=float)", "z = np.asarray(z, dtype=np.float64)")
    assert _leaked(tmp_path, changed, "b.py") != first


def test_a_value_that_breaks_a_check_costs_only_that_function(tmp_path):
    """Does a return value the check cannot even process score 0 instead of crashing grading?"""
    path = tmp_path / "odd.py"
    path.write_text("import numpy as np\n\ndef sigmoid(z):\n    return {'not': 'an array'} if np.ndim(z) else 0.5\n")
    result = grade_submission(path, SIGMOID_ONLY).tests[0]
    assert not result.passed and result.message.startswith("sigmoid: ")


@pytest.mark.parametrize("secret", [b"one", b"two"], ids=["secret-one", "secret-two"])
def test_solution_passes_whatever_the_secret(secret):
    """Does the reference pass its own hidden checks under any instructor secret?"""
    restricted = dataclasses.replace(SPEC, functions=tuple(f for f in SPEC.functions if f.name != "model"))
    report = grade_submission(ROOT / SPEC.solution, restricted, secret=secret)
    assert report.score == restricted.max_score, [t.message for t in report.tests if not t.passed]


NO_MODEL = dataclasses.replace(SPEC, functions=tuple(f for f in SPEC.functions if f.name != "model"))


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
    assert tests["initialize_with_zeros"] == (
        "initialize_with_zeros is not defined in the submission (cell 1 has a syntax error at line 9: "
        "invalid syntax; fix it so the definition is read). Hint: define it as def initialize_with_zeros(dim): "
        "in a code cell.")
    assert tests["propagate"] == ("propagate takes (w, b, X) but is called as propagate(w, b, X, Y). "
                                  "Hint: keep the signature of the stub: def propagate(w, b, X, Y).")
