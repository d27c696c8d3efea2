"""The week-2 NumPy-basics spec, graded end to end on small submissions.

Each submission is a ``.py`` file written to ``tmp_path``; grading one starts a sandbox
(about a second), so the correct-but-different implementations share two submissions.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import numpy as np
import pytest

from autograder import ROOT, specs
from autograder.engine import grade_submission
from autograder.reference import reference_for
from autograder.specs.week2.numpy_basics import notebook as SPEC
from dlcheck import exercises
from dlcheck.results import SubmissionReport
from dlcheck.selfcheck import check_function

HEADER = "import math\n\nimport numpy as np\n"

#: A correct submission, written independently of the reference (L2 uses np.dot(d, d)).
CORRECT = {
    "basic_sigmoid": """
        def basic_sigmoid(x):
            return 1 / (1 + math.exp(-x))
    """,
    "sigmoid": """
        def sigmoid(x):
            return 1 / (1 + np.exp(-x))
    """,
    "sigmoid_derivative": """
        def sigmoid_derivative(x):
            s = sigmoid(x)
            return s * (1 - s)
    """,
    "image2vector": """
        def image2vector(image):
            return image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)
    """,
    "normalize_rows": """
        def normalize_rows(x):
            return x / np.linalg.norm(x, axis=1, keepdims=True)
    """,
    "softmax": """
        def softmax(x):
            x_exp = np.exp(x)
            return x_exp / np.sum(x_exp, axis=1, keepdims=True)
    """,
    "L1": """
        def L1(yhat, y):
            return np.sum(np.abs(y - yhat))
    """,
    "L2": """
        def L2(yhat, y):
            d = y - yhat
            return np.dot(d, d)
    """,
}

ROW_VECTOR = """
    def image2vector(image):
        return image.reshape(1, -1)
"""

#: One realistic bug per function: its buggy source and words its message must contain.
BUGS = [
    pytest.param("basic_sigmoid", """
        def basic_sigmoid(x):
            return 1 / (1 + math.exp(x))
    """, "the exponent is -x", id="basic_sigmoid-exp(x)"),
    pytest.param("sigmoid", """
        def sigmoid(x):
            return 1 / (1 + np.exp(x))
    """, "the exponent is -x", id="sigmoid-exp(x)"),
    pytest.param("sigmoid", """
        def sigmoid(x):
            return 1 / (1 + math.exp(-x))
    """, "use np.exp", id="sigmoid-math.exp"),
    pytest.param("sigmoid_derivative", """
        def sigmoid_derivative(x):
            s = sigmoid(x)
            return s
    """, "you returned s = sigmoid(x)", id="sigmoid_derivative-returns-s"),
    pytest.param("image2vector", ROW_VECTOR, "a column vector", id="image2vector-row-vector"),
    pytest.param("image2vector", """
        def image2vector(image):
            return image.reshape(-1, 1, order="F")
    """, "reshape order", id="image2vector-fortran-order"),
    pytest.param("normalize_rows", """
        def normalize_rows(x):
            return x / np.linalg.norm(x, axis=0, keepdims=True)
    """, "divided each column by its norm", id="normalize_rows-column-norms"),
    pytest.param("softmax", """
        def softmax(x):
            x_exp = np.exp(x)
            return x_exp / np.sum(x_exp, axis=0, keepdims=True)
    """, "axis=1", id="softmax-axis-0"),
    pytest.param("L1", """
        def L1(yhat, y):
            return np.sum(y - yhat)
    """, "np.abs", id="L1-no-abs"),
    pytest.param("L1", """
        def L1(yhat, y):
            return np.sum(np.abs(y - yhat), keepdims=True)
    """, "is an array of shape (1,); expected a number", id="L1-keepdims"),
    pytest.param("L2", """
        def L2(yhat, y):
            return np.sum((y - yhat) ** 2, keepdims=True)
    """, "is an array of shape (1,); expected a number", id="L2-keepdims"),
    pytest.param("L2", """
        def L2(yhat, y):
            return np.mean((y - yhat) ** 2)
    """, "the sum (no division by m)", id="L2-mean"),
    pytest.param("L2", """
        def L2(yhat, y):
            return np.sqrt(np.sum((y - yhat) ** 2))
    """, "don't take the square root", id="L2-sqrt"),
]

#: Correct answers written differently from the reference: loops, and other library calls.
LOOPS = {
    "sigmoid_derivative": """
        def sigmoid_derivative(x):
            ds = np.empty_like(x, dtype=float)
            for index in np.ndindex(x.shape):
                s = 1 / (1 + math.exp(-x[index]))
                ds[index] = s * (1 - s)
            return ds
    """,
    "image2vector": """
        def image2vector(image):
            length, height, depth = image.shape
            v = np.zeros((length * height * depth, 1))
            k = 0
            for i in range(length):
                for j in range(height):
                    for c in range(depth):
                        v[k, 0] = image[i, j, c]
                        k += 1
            return v
    """,
    "normalize_rows": """
        def normalize_rows(x):
            out = np.zeros(x.shape)
            for i in range(x.shape[0]):
                norm = math.sqrt(sum(value * value for value in x[i]))
                for j in range(x.shape[1]):
                    out[i, j] = x[i, j] / norm
            return out
    """,
    "softmax": """
        def softmax(x):
            s = np.zeros(x.shape)
            for i, row in enumerate(x):
                exps = [math.exp(v) for v in row]
                total = sum(exps)
                s[i] = [e / total for e in exps]
            return s
    """,
    "L1": """
        def L1(yhat, y):
            loss = 0.0
            for a, b in zip(yhat, y):
                loss += abs(b - a)
            return loss
    """,
    "L2": """
        def L2(yhat, y):
            d = y - yhat
            return d @ d
    """,
}
LIBRARY = {
    "basic_sigmoid": """
        def basic_sigmoid(x):
            return 1 / (1 + np.exp(-x))
    """,
    "sigmoid": """
        from scipy.special import expit

        def sigmoid(x):
            return expit(x)
    """,
    "image2vector": """
        def image2vector(image):
            return image.ravel()[:, np.newaxis]
    """,
    "normalize_rows": """
        def normalize_rows(x):
            return x / np.sqrt(np.sum(x * x, axis=1)).reshape(-1, 1)
    """,
    "softmax": """
        def softmax(x):
            shifted = x - np.max(x, axis=1, keepdims=True)
            e = np.exp(shifted)
            return e / e.sum(axis=1, keepdims=True)
    """,
    "L1": """
        def L1(yhat, y):
            return np.linalg.norm(y - yhat, ord=1)
    """,
    "L2": """
        def L2(yhat, y):
            d = y - yhat
            return np.einsum("i,i->", d, d)
    """,
}


BUGS_BY_ID = {bug.id: bug.values[1] for bug in BUGS}


def write_submission(path: Path, overrides: dict[str, str] | None = None) -> Path:
    """A ``.py`` submission: the correct functions, with ``overrides`` in their place."""
    functions = {**CORRECT, **(overrides or {})}
    path.write_text(HEADER + "".join("\n\n" + textwrap.dedent(source).strip() + "\n"
                                     for source in functions.values()))
    return path


def scores(report: SubmissionReport) -> dict[str, float]:
    return {t.function: t.score for t in report.tests}


def messages(report: SubmissionReport) -> str:
    return "\n".join(f"{t.function}: {t.message}" for t in report.tests if not t.passed)


FULL_MARKS = {f.name: f.points for f in SPEC.functions}


def test_spec_grades_eight_functions_one_point_each_and_is_discovered():
    """Does the spec grade the eight functions for a point each, and is it found by its id?"""
    assert FULL_MARKS == {name: 1 for name in CORRECT}
    assert SPEC.max_score == 8
    assert specs.get("week2/numpy_basics") is SPEC


@pytest.mark.grading
def test_the_reference_solution_scores_full_marks():
    """Does the instructor source, graded like a submission, pass every check of both tiers?"""
    report = grade_submission(ROOT / SPEC.solution, SPEC)
    assert report.error is None
    assert scores(report) == FULL_MARKS, messages(report)
    assert all(str(t.message).startswith("2 check(s) passed") for t in report.tests)


@pytest.mark.grading
def test_an_untouched_stub_scores_zero_and_says_not_implemented(tmp_path):
    """Does a file whose functions all raise NotImplementedError earn 0, each saying it is not implemented?"""
    path = tmp_path / "stub.py"
    params = reference_for(SPEC).params
    path.write_text(HEADER + "".join(f"\n\ndef {f.name}({', '.join(params[f.name])}):\n"
                                     f"    raise NotImplementedError(\"{f.name}: replace this line with your code\")\n"
                                     for f in SPEC.functions))
    report = grade_submission(path, SPEC)
    assert scores(report) == {name: 0 for name in FULL_MARKS}
    for test in report.tests:
        assert str(test.message).startswith(f"{test.function} is not implemented yet"), test.message


@pytest.mark.grading
@pytest.mark.parametrize("function, source, hint", BUGS)
def test_one_bug_costs_that_function_only_and_the_message_names_it(tmp_path, function, source, hint):
    """Does one realistic bug lose exactly its function's point, with a message pointing at the mistake?"""
    report = grade_submission(write_submission(tmp_path / "bug.py", {function: source}), SPEC)
    assert scores(report) == {**FULL_MARKS, function: 0}, messages(report)
    failed = next(t for t in report.tests if t.function == function)
    assert hint in str(failed.message)


@pytest.mark.grading
@pytest.mark.parametrize("overrides", [LOOPS, LIBRARY], ids=["loops", "library-calls-and-stable-softmax"])
def test_correct_but_different_implementations_keep_full_marks(tmp_path, overrides):
    """Do loops, scipy's expit, np.einsum / @ / np.dot for L2 and a max-shifted softmax all earn full marks?"""
    report = grade_submission(write_submission(tmp_path / "different.py", overrides), SPEC)
    assert report.error is None
    assert scores(report) == FULL_MARKS, messages(report)


@pytest.mark.grading
def test_image2vector_message_for_a_row_vector(tmp_path):
    """What exactly does a student read who returns shape (1, n) from image2vector?"""
    report = grade_submission(write_submission(tmp_path / "row.py", {"image2vector": ROW_VECTOR}), SPEC)
    failed = next(t for t in report.tests if t.function == "image2vector")
    assert str(failed.message) == (
        "image2vector: a (3, 2, 4) image becomes a (24, 1) column: image2vector(image) has shape (1, 24); expected (24, 1) "
        "= (length*height*depth, 1) for an image of shape (3, 2, 4), a column vector. "
        "Did you swap the dimensions (a transpose)?")
    assert failed.message.ko == (
        "image2vector: (3, 2, 4) 이미지가 (24, 1) 열벡터가 됨: image2vector(image)의 shape이 (1, 24)입니다. "
        "(24, 1) = (length*height*depth, 1) (shape (3, 2, 4)인 이미지의 열벡터)이어야 합니다. "
        "두 차원을 바꾸지 않았나요(전치)?")


def test_a_loss_message_in_korean_says_m_in_korean():
    """What exactly does a learner of the Korean edition read for an L1 without np.abs: is
    the example's size said in Korean ("m = 5일 때의"), not as an English "with m = 5"?"""
    namespace = {"np": np}
    exec(textwrap.dedent(BUGS_BY_ID["L1-no-abs"]), namespace)
    message = check_function(exercises.load(SPEC.id), namespace["L1"]).message
    assert message.ko == ("L1: 예측 다섯 개에서의 손실: m = 5일 때의 L1(yhat, y) 값이 틀렸습니다. 기대값 1.05, 결과 0.25. "
                          "힌트: 더하기 전에 각 차이의 절댓값(np.abs)을 취하세요.")
    assert message.en == ("L1: the loss on five predictions: L1(yhat, y) with m = 5 is wrong. Expected 1.05, got 0.25. "
                          "Hint: take the absolute value of each difference (np.abs) before summing.")


@pytest.mark.grading
def test_the_courses_earlier_name_normalizeRows_keeps_its_point(tmp_path):
    """Does a pre-2021 notebook's ``normalizeRows`` (the course's old name) keep its point, with
    the verdict saying which name was graded? (15 of 24 real notebooks lost it before.)"""
    old = CORRECT["normalize_rows"].replace("def normalize_rows(x)", "def normalizeRows(x)")
    report = grade_submission(write_submission(tmp_path / "old.py", {"normalize_rows": old}), SPEC)
    result = next(t for t in report.tests if t.function == "normalize_rows")
    assert result.passed, result.message
    assert "graded normalizeRows, the course's earlier name for normalize_rows" in str(result.message)
