"""Realistic week-1 bugs, each one small source edit of the solution: does the grader take
exactly the buggy function's points, with a message that names the mistake (log10 for ln,
the delta outside the log, a batch not averaged, softmax along the wrong axis, a forward
difference, x not put back, a table of the corners for a perceptron), and keep full marks
for correct code written differently (loops, other weights and thresholds, ``np.nditer``,
another stabilisation of softmax, the decks' in-place updates, booleans from
``step_function`` with a note)?

Each notebook of the week has a block of its own below (its bugs, its variants, its
corpus and test class). Every submission is the instructor solution with a few edits,
graded with the full spec (``tests/support/corpus.py`` says how).
"""

from __future__ import annotations

import pytest
from corpus import Case, Corpus, CorpusTests, bugs, unchanged
from source_edits import Bug, mutate, replace_function

from autograder import ROOT, specs

pytestmark = pytest.mark.grading


# == week1/warmups ===========================================================================

WARMUPS = specs.get("week1/warmups")
SOLUTION = (ROOT / WARMUPS.solution).read_text()

WARMUPS_BUGS = {
    # the gates
    "and-lookup-table": Bug("AND", (("    x = np.array([x1, x2])\n    w = np.array([0.5, 0.5])\n    b = -0.7\n"
                                     "    tmp = np.sum(w * x) + b\n    y = 1 if tmp > 0 else 0\n",
                                     "    y = 1 if (x1, x2) == (1, 1) else 0\n"),), (
        "AND(2, 2) is 0; expected 1", "a table of the corners cannot say")),
    "nand-weights-of-and": Bug("NAND", (("    w = np.array([-0.5, -0.5])\n    b = 0.7\n",
                                         "    w = np.array([0.5, 0.5])\n    b = -0.7\n"),), (
        "NAND(0, 0) is 0; expected 1",)),
    "or-bias-of-and": Bug("OR", (("    b = -0.2\n", "    b = -0.7\n"),), ("OR(1, 0) is 0; expected 1",)),
    "xor-or-for-and": Bug("XOR", (("    y = AND(s1, s2)\n", "    y = OR(s1, s2)\n"),), ("XOR(0, 0) is 1; expected 0",)),
    # activations
    "step-at-zero": Bug("step_function", (("y = np.array(x > 0, dtype=int)", "y = np.array(x >= 0, dtype=int)"),), (
        "the condition is x > 0, not x >= 0",)),
    "sigmoid-exp-sign": Bug("sigmoid", (("y = 1 / (1 + np.exp(-x))", "y = 1 / (1 + np.exp(x))"),), (
        "the exponent is -x",)),
    "relu-minimum": Bug("relu", (("y = np.maximum(0, x)", "y = np.minimum(0, x)"),), ("you kept the negative entries",)),
    # softmax
    "softmax-wrong-axis": Bug("softmax", (("    shifted = a - np.max(a, axis=-1, keepdims=True)\n    exp_a = np.exp(shifted)\n"
                                           "    y = exp_a / np.sum(exp_a, axis=-1, keepdims=True)\n",
                                           "    shifted = a - np.max(a, axis=0, keepdims=True)\n    exp_a = np.exp(shifted)\n"
                                           "    y = exp_a / np.sum(exp_a, axis=0, keepdims=True)\n"),), (
        "softmax of a batch of shape (2, 4)", "each COLUMN of your result sums to 1", "wrong axis")),
    "softmax-no-shift": Bug("softmax", (("exp_a = np.exp(shifted)", "exp_a = np.exp(a)"),), (
        "scores of 1000 and more", "contains nan or inf", "subtract the largest score before np.exp")),
    "softmax-shift-by-batch-max": Bug("softmax", (("shifted = a - np.max(a, axis=-1, keepdims=True)",
                                                   "shifted = a - np.max(a)"),), (
        "[[1010, 1000, 990], [1, 2, 3]]", "shift each row by its OWN maximum")),
    # losses
    "mse-without-half": Bug("mean_squared_error", (("loss = 0.5 * np.sum((y - t) ** 2)", "loss = np.sum((y - t) ** 2)"),), (
        "Expected 0.0975, got 0.195", "factor 1/2")),
    "cee-log10": Bug("cross_entropy_error", (("np.log(y[np.arange(batch_size), t] + delta)",
                                              "np.log10(y[np.arange(batch_size), t] + delta)"),), (
        "cross_entropy_error(y, t) for the decks' y and t", "Expected 0.510825, got 0.221849", "use np.log, not np.log10")),
    "cee-delta-outside-the-log": Bug("cross_entropy_error", (
        ("np.log(y[np.arange(batch_size), t] + delta)) / batch_size",
         "np.log(y[np.arange(batch_size), t])) / batch_size + delta"),), (
        "is inf; expected 16.1181", "add the delta (1e-7) INSIDE the log")),
    "cee-batch-not-averaged": Bug("cross_entropy_error", (("] + delta)) / batch_size", "] + delta))"),), (
        "a batch of 3 with one-hot labels", "the batch size (3) times too large")),
    # numerical_gradient and gradient_descent
    "gradient-forward-difference": Bug("numerical_gradient", (
        ("        x[idx] = tmp_val - h\n        fxh2 = f(x)\n        grad[idx] = (fxh1 - fxh2) / (2 * h)\n",
         "        x[idx] = tmp_val\n        fxh2 = f(x)\n        grad[idx] = (fxh1 - fxh2) / h\n"),), (
        "at x of shape (3,)", "the forward difference", "use the central difference")),
    "gradient-x-not-restored": Bug("numerical_gradient", (("        x[idx] = tmp_val\n    ### END", "    ### END"),), (
        "x no longer holds what it held", "x[idx] = tmp_val")),
    "gradient-without-parentheses": Bug("numerical_gradient", (("(fxh1 - fxh2) / (2 * h)", "(fxh1 - fxh2) / 2 * h"),), (
        "differs from the expected values",)),
    "gradient-h-1e-50": Bug("numerical_gradient", (("    h = 1e-4\n", "    h = 1e-50\n"),), (
        "your gradient is all zeros", "1e-50")),
    "descent-default-learning-rate": Bug("gradient_descent", (("x = x - lr * grad", "x = x - 0.01 * grad"),), (
        "lr=0.1, step_num=100", "where learning rate 0.01 leads")),
    "descent-up-the-gradient": Bug("gradient_descent", (("x = x - lr * grad", "x = x + lr * grad"),), (
        "you climbed the gradient",)),
    # backpropagation
    "relu-backward-mask-reversed": Bug("relu_backward", (("dx = dout * (x > 0)", "dx = dout * (x <= 0)"),), (
        "you passed dout where x <= 0",)),
    "graph-dx-without-2": Bug("graph_backward", (("dx = ds * 2 * x", "dx = ds * x"),), (
        "dx of graph_backward(1.0, 3.0, 2.0, 1.0)", "the square node's derivative is 2x")),
    "graph-dw-times-x": Bug("graph_backward", (("dw = dg * x ** 2", "dw = dg * x"),), (
        "dw is dout * x",)),
    "graph-returns-dx-first": Bug("graph_backward", (("    return dw, dx, db\n", "    return dx, dw, db\n"),), (
        "dw holds dx: return (dw, dx, db), in that order",)),
}


# -- correct, but written differently -------------------------------------------------------

def loops_and_other_weights(source: str) -> str:
    """Gates with other separating weights and a ``>= 0`` or ``<= 0`` threshold; loops for
    the activations and the losses; the decks' in-place ``Relu.backward`` (it writes into
    dout); ``np.nditer`` and in-place steps as in the decks."""
    source = replace_function(source, "AND", """
        def AND(x1, x2):
            w1, w2, theta = 1.0, 1.0, 1.5
            tmp = x1 * w1 + x2 * w2
            if tmp <= theta:
                return 0
            return 1
    """)
    source = replace_function(source, "NAND", """
        def NAND(x1, x2):
            tmp = -2 * x1 - 2 * x2 + 3
            return int(tmp >= 0)
    """)
    source = replace_function(source, "OR", """
        def OR(x1, x2):
            w, b = np.array([1.0, 1.0]), -0.5
            return np.int64(np.dot(w, np.array([x1, x2])) + b > 0)
    """)
    source = replace_function(source, "relu", """
        def relu(x):
            y = x.copy()
            for idx in np.ndindex(x.shape):
                if y[idx] < 0:
                    y[idx] = 0
            return y
    """)
    source = replace_function(source, "mean_squared_error", """
        def mean_squared_error(y, t):
            total = 0.0
            for yi, ti in zip(y.ravel(), t.ravel()):
                total += (yi - ti) ** 2
            return total / 2
    """)
    source = replace_function(source, "cross_entropy_error", """
        def cross_entropy_error(y, t):
            delta = 1e-7
            if y.ndim == 1:
                return -np.sum(t * np.log(y + delta))
            if t.ndim == 1:
                t = np.eye(y.shape[1])[t]
            return -np.sum(t * np.log(y + delta)) / y.shape[0]
    """)
    source = replace_function(source, "numerical_gradient", """
        def numerical_gradient(f, x):
            h = 1e-4
            grad = np.zeros_like(x)
            it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
            while not it.finished:
                idx = it.multi_index
                tmp_val = x[idx]
                x[idx] = float(tmp_val) + h
                fxh1 = f(x)
                x[idx] = tmp_val - h
                fxh2 = f(x)
                grad[idx] = (fxh1 - fxh2) / (2 * h)
                x[idx] = tmp_val
                it.iternext()
            return grad
    """)
    source = replace_function(source, "gradient_descent", """
        def gradient_descent(f, init_x, lr=0.01, step_num=100):
            x = init_x
            for i in range(step_num):
                grad = numerical_gradient(f, x)
                x -= lr * grad
            return x
    """)
    return replace_function(source, "relu_backward", """
        def relu_backward(dout, x):
            mask = (x <= 0)
            dout[mask] = 0
            dx = dout
            return dx
    """)


def other_formulas(source: str) -> str:
    """softmax through log-sum-exp; sigmoid with np.tanh; step as booleans (a note);
    ``np.where``; labels to one-hot with ``np.take_along_axis``; gradients of a flattened
    view; the graph's gradients at once."""
    source = replace_function(source, "step_function", """
        def step_function(x):
            return x > 0
    """)
    source = mutate(source, "y = 1 / (1 + np.exp(-x))", "y = 0.5 * (1 + np.tanh(x / 2))")
    source = mutate(source, "y = np.maximum(0, x)", "y = np.where(x > 0, x, 0.0)")
    source = replace_function(source, "softmax", """
        def softmax(a):
            m = a.max(axis=-1, keepdims=True)
            log_sum = m + np.log(np.exp(a - m).sum(axis=-1, keepdims=True))
            return np.exp(a - log_sum)
    """)
    source = replace_function(source, "cross_entropy_error", """
        def cross_entropy_error(y, t):
            y2 = np.atleast_2d(y)
            labels = np.argmax(np.atleast_2d(t), axis=1) if np.size(t) == y.size else np.asarray(t).reshape(-1)
            picked = np.take_along_axis(y2, labels[:, None], axis=1)
            return float(-np.mean(np.log(picked + 1e-7)))
    """)
    source = replace_function(source, "numerical_gradient", """
        def numerical_gradient(f, x):
            h = 1e-4
            flat = x.reshape(-1)  # a view: changing it changes x
            grad = np.zeros(flat.shape)
            for i in range(flat.size):
                keep = flat[i]
                flat[i] = keep + h
                plus = f(x)
                flat[i] = keep - h
                minus = f(x)
                flat[i] = keep
                grad[i] = (plus - minus) / (2 * h)
            return grad.reshape(x.shape)
    """)
    return replace_function(source, "graph_backward", """
        def graph_backward(dout, w, x, b):
            return dout * x * x, 2 * dout * w * x, dout * 1.0
    """)


def gradient_row_by_row(source: str) -> str:
    """The decks' batch version: for a 2-D x, the gradient of f at each row on its own,
    calling f on a row instead of on the whole x."""
    return replace_function(source, "numerical_gradient", """
        def _numerical_gradient_no_batch(f, x):
            h = 1e-4
            grad = np.zeros_like(x)
            for idx in range(x.size):
                tmp_val = x[idx]
                x[idx] = tmp_val + h
                fxh1 = f(x)
                x[idx] = tmp_val - h
                fxh2 = f(x)
                grad[idx] = (fxh1 - fxh2) / (2 * h)
                x[idx] = tmp_val
            return grad

        def numerical_gradient(f, X):
            if X.ndim == 1:
                return _numerical_gradient_no_batch(f, X)
            grad = np.zeros_like(X)
            for idx, x in enumerate(X):
                grad[idx] = _numerical_gradient_no_batch(f, x)
            return grad
    """)


WARMUPS_VARIANTS = {"loops-and-other-weights": loops_and_other_weights, "other-formulas": other_formulas}

WARMUPS_CORPUS = Corpus(WARMUPS, {
    "solution": Case(unchanged),
    **bugs(WARMUPS_BUGS),
    **{name: Case(variant) for name, variant in WARMUPS_VARIANTS.items()},
    # A forward-difference numerical_gradient also moves gradient_descent off the minimum;
    # graded again with the grader's numerical_gradient, it keeps its point, and says so.
    "gradient-row-by-row": Case(gradient_row_by_row, {"numerical_gradient"}, says={"numerical_gradient": (
        "in _numerical_gradient_no_batch: `fxh1 = f(x)`", "f takes an array of shape (2, 3)", "call f on the whole x")}),
    "forward-difference-costs-only-itself": Case(WARMUPS_BUGS["gradient-forward-difference"].source,
                                                 {"numerical_gradient"},
                                                 says={"gradient_descent": ("graded with correct versions of",)}),
})


class TestWarmupsBugs(CorpusTests):
    corpus = WARMUPS_CORPUS


def test_step_function_booleans_are_accepted_with_a_note():
    """Does a step_function that returns booleans keep its point, and is the learner told?"""
    verdict = next(t for t in WARMUPS_CORPUS.report("other-formulas").tests if t.name == "test_step_function")
    assert verdict.passed and "booleans" in verdict.message.en and "불리언" in verdict.message.ko, verdict.message


@pytest.mark.parametrize("name, fragment", [
    ("cee-log10", "np.log10이 아니라 np.log를 쓰세요"),
    ("cee-delta-outside-the-log", "delta(1e-7)를 결과가 아니라 log 안에 더하세요"),
    ("softmax-wrong-axis", "잘못된 축으로 계산했습니다"),
    ("gradient-forward-difference", "전방 차분"),
    ("gradient-x-not-restored", "x[idx] = tmp_val로 되돌리세요"),
], ids=["log10", "delta-outside", "softmax-axis", "forward-difference", "x-not-restored"])
def test_warmups_korean_message_carries_the_same_hint(name, fragment):
    """Is the failing function's verdict in Korean too, with the hint that fits the bug?"""
    verdict = next(t for t in WARMUPS_CORPUS.report(name).tests if not t.passed)
    assert fragment in verdict.message.ko, verdict.message.ko

# == end of week1/warmups ====================================================================
