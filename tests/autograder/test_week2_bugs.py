"""Realistic week-2 bugs, each one small source edit of the solution: does the grader
take exactly the buggy function's points, and keep full marks for correct code written
differently?

Every submission is the instructor solution (``solutions/week2/logistic_regression.py``)
with a few edits, graded with the full spec, model on the real data included
(``tests/support/corpus.py`` says how): the reference training runs once per process (the
engine remembers slow reference calls), after which a submission takes a few seconds.
"""

from __future__ import annotations

import pytest
from corpus import Case, Corpus, CorpusTests, bugs, unchanged
from source_edits import Bug, mutate, rewrite

from autograder import ROOT
from autograder.specs.week2.logistic_regression import notebook as SPEC

pytestmark = [pytest.mark.grading, pytest.mark.real_data]  # model trains on the real data

SOLUTION = (ROOT / SPEC.solution).read_text()


BUGS = {
    "sigmoid-exp(z)": Bug("sigmoid", (("1 / (1 + np.exp(-z))", "1 / (1 + np.exp(z))"),), (
        "values on a small array and a scalar", "Expected [0.268941, 0.5, 0.880797], got [0.731059, 0.5, 0.119203]",
        "1 + np.exp(-z)")),
    "sigmoid-math.exp": Bug("sigmoid", (("import numpy as np\n", "import math\nimport numpy as np\n"),
                                        ("1 / (1 + np.exp(-z))", "1 / (1 + math.exp(-z))")), (
        "it raised TypeError", "`s = 1 / (1 + math.exp(-z))`")),
    "zeros-shape-(dim,)": Bug("initialize_with_zeros", (("w = np.zeros((dim, 1))", "w = np.zeros(dim)"),), (
        "w has shape (2,); expected (2, 1) = (dim, 1)", "reshape(-1, 1)")),
    "cost-log10": Bug("propagate", (("Y * np.log(A) + (1 - Y) * np.log(1 - A)",
                                     "Y * np.log10(A) + (1 - Y) * np.log10(1 - A)"),), (
        "cost is wrong. Expected 5.80155, got 2.51958", "use np.log, not np.log10")),
    "cost-without-1/m": Bug("propagate", (("np.log(1 - A)) / m", "np.log(1 - A))"),), (
        "cost is wrong. Expected 5.80155, got 17.4046", "divide the sum by m")),
    "dw-without-1/m": Bug("propagate", (("dw = np.dot(X, dZ.T) / m", "dw = np.dot(X, dZ.T)"),), (
        "Expected [0.998456, 2.39507], got [2.99537, 7.18522]", "1/m")),
    "db-sign-flipped": Bug("propagate", (("db = float(np.sum(dZ) / m)", "db = float(np.sum(Y - A) / m)"),), (
        "db is wrong. Expected 0.00145558, got -0.00145558", "sign is flipped")),
    "dw-transposed": Bug("propagate", (("dw = np.dot(X, dZ.T) / m", "dw = np.dot(dZ, X.T) / m"),), (
        "dw has shape (1, 2); expected (2, 1) = shape of w", "swap the dimensions")),
    "optimize-w-plus-lr-dw": Bug("optimize", (('w = w - learning_rate * grads["dw"]',
                                               'w = w + learning_rate * grads["dw"]'),), (
        "params['w'] differs", "Expected [0.190336, 0.122592], got [1.89981, 4.15941]",
        "w = w - learning_rate * dw")),
    "optimize-costs-every-iteration": Bug("optimize", (("        if i % 100 == 0:\n            costs.append(cost)\n",
                                                        "        costs.append(cost)\n        if i % 100 == 0:\n"),), (
        "costs is a list of length 100; expected a list of 1 costs", "i % 100 == 0")),
    "optimize-never-updates-b": Bug("optimize", (('        b = b - learning_rate * grads["db"]\n', ""),), (
        "after 100 steps", "params['b'] is still 2, its initial value", "b = b - learning_rate * db")),
    "optimize-stale-grads": Bug("optimize", (("    for i in range(num_iterations):\n        grads, cost = propagate(w, b, X, Y)\n",
                                              "    grads, cost = propagate(w, b, X, Y)\n    for i in range(num_iterations):\n"),), (
        "params['w'] differs", "Expected [0.190336, 0.122592], got [0.10139, -0.155565]", "propagate")),
    "predict-shape-(m,)": Bug("predict", (("Y_prediction = (A > 0.5).astype(float)",
                                           "Y_prediction = (A > 0.5).astype(float).flatten()"),), (
        "predict(w, b, X) has shape (3,); expected (1, 3)", "reshape(1, -1)")),
    "model-trains-on-test-data": Bug("model", (("optimize(w, b, X_train, Y_train,", "optimize(w, b, X_test, Y_test,"),), (
        "all results on a small problem", "w differs", "training set")),
    "model-predicts-train-with-X_test": Bug("model", (("Y_prediction_train = predict(w, b, X_train)",
                                                      "Y_prediction_train = predict(w, b, X_test)"),), (
        "Y_prediction_train has shape (1, 5), the shape of Y_prediction_test", "predict on X_train")),
    "model-ignores-learning_rate": Bug("model", (("num_iterations, learning_rate, print_cost)",
                                                  "num_iterations, 0.5, print_cost)"),), (
        "all results on a small problem", "w differs", "learning_rate")),
}

# -- correct, but written differently -------------------------------------------------------

def loops_and_in_place(source: str) -> str:
    """scipy's expit, explicit loops in propagate and predict, ``w -= ...`` in place, np.mean
    cost, keyword arguments and train-before-test order in model."""
    source = mutate(source, "import numpy as np\n", "import numpy as np\nfrom scipy.special import expit\n")
    source = rewrite(source, "sigmoid", "s = expit(z)")
    source = rewrite(source, "initialize_with_zeros", "w = np.zeros(shape=(dim, 1), dtype=np.float64)\nb = 0.")
    source = rewrite(source, "propagate", """
        n, m = X.shape
        losses = np.zeros(m)
        dw = np.zeros((n, 1))
        db = 0.0
        for i in range(m):
            z = b
            for j in range(n):
                z += w[j, 0] * X[j, i]
            a = sigmoid(z)
            losses[i] = -(Y[0, i] * np.log(a) + (1 - Y[0, i]) * np.log(1 - a))
            for j in range(n):
                dw[j, 0] += X[j, i] * (a - Y[0, i]) / m
            db += (a - Y[0, i]) / m
        cost = np.mean(losses)
    """)
    source = mutate(source, "    w = w.copy()\n", "")
    source = mutate(source, 'w = w - learning_rate * grads["dw"]', 'w -= learning_rate * grads["dw"]')
    source = mutate(source, 'b = b - learning_rate * grads["db"]', 'b -= learning_rate * grads["db"]')
    source = rewrite(source, "predict", """
        m = X.shape[1]
        Y_prediction = np.zeros((1, m))
        A = sigmoid(np.dot(w.T, X) + b)
        for i in range(m):
            if A[0, i] > 0.5:
                Y_prediction[0, i] = 1
            else:
                Y_prediction[0, i] = 0
    """)
    return rewrite(source, "model", """
        w, b = initialize_with_zeros(X_train.shape[0])
        params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations=num_iterations,
                                        learning_rate=learning_rate, print_cost=print_cost)
        w, b = params["w"], params["b"]
        Y_prediction_train = predict(w, b, X_train)
        Y_prediction_test = predict(w, b, X_test)
    """)


def operators_and_order(source: str) -> str:
    """A stable sigmoid via logaddexp, ``@`` and np.einsum, gradients before the cost,
    the cost recorded before the update and b updated before w, integer labels."""
    source = rewrite(source, "sigmoid", "s = np.exp(-np.logaddexp(0, -z))")
    source = rewrite(source, "initialize_with_zeros", "b = float(0)\nw = np.zeros([dim, 1])")
    source = rewrite(source, "propagate", """
        m = X.shape[1]
        A = sigmoid(w.T @ X + b)
        dZ = A - Y
        dw = np.einsum("im,jm->ij", X, dZ) / m
        db = np.mean(dZ)
        cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    """)
    source = rewrite(source, "optimize", """
        costs = []
        for i in range(num_iterations):
            grads, cost = propagate(w, b, X, Y)
            if i % 100 == 0:
                costs.append(cost)
                if print_cost:
                    print("Cost after iteration %i: %f" % (i, cost))
            b = b - learning_rate * grads["db"]
            w = w - learning_rate * grads["dw"]
    """)
    source = rewrite(source, "predict", "Y_prediction = np.where(sigmoid(w.T @ X + b) > 0.5, 1, 0)")
    return rewrite(source, "model", """
        params, _, costs = optimize(*initialize_with_zeros(len(X_train)), X_train, Y_train,
                                    num_iterations, learning_rate, print_cost)
        w = params["w"]
        b = params["b"]
        Y_prediction_test, Y_prediction_train = predict(w, b, X_test), predict(w, b, X_train)
    """)


def classic_idioms(source: str) -> str:
    """The classic course's idioms: copy.deepcopy, ``-1/m * (Y·log A^T + ...)`` with np.dot,
    a 0-d array cost from np.squeeze, np.float64 db, ``(A > 0.5) * 1.0``, np.reciprocal."""
    source = mutate(source, "import numpy as np\n", "import copy\nimport numpy as np\n")
    source = rewrite(source, "sigmoid", "s = np.reciprocal(1 + np.exp(-z))")
    source = rewrite(source, "propagate", """
        m = X.shape[1]
        A = sigmoid(np.dot(w.T, X) + b)
        cost = -1 / m * (np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T))
        dw = 1 / m * np.dot(X, (A - Y).T)
        db = 1 / m * np.sum(A - Y)
        cost = np.squeeze(np.array(cost))
    """)
    source = mutate(source, "    w = w.copy()\n", "    w = copy.deepcopy(w)\n    b = copy.deepcopy(b)\n")
    return rewrite(source, "predict", "A = sigmoid(np.dot(w.T, X) + b)\nY_prediction = (A > 0.5) * 1.0")


def harmless_representations(source: str) -> str:
    """What the course's own tests accept (issue 7): integer zeros for w, a size-1 array for b
    and for db (``np.sum(..., axis=1) / m``), boolean predictions (``A > 0.5``)."""
    source = rewrite(source, "initialize_with_zeros", "w = np.zeros((dim, 1), dtype=int)\nb = np.zeros(1)")
    source = mutate(source, "db = float(np.sum(dZ) / m)", "db = np.sum(dZ, axis=1) / m")
    return mutate(source, "Y_prediction = (A > 0.5).astype(float)", "Y_prediction = A > 0.5")


VARIANTS = {"loops-and-in-place": loops_and_in_place, "operators-and-order": operators_and_order,
            "classic-idioms": classic_idioms, "harmless-representations": harmless_representations}



def sign_and_m(source: str) -> str:
    """A cost with its minus sign dropped *and* without the 1/m (is the sign still named?)."""
    return mutate(source, "cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m",
                  "cost = np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))")


CORPUS = Corpus(SPEC, {
    "solution": Case(unchanged),
    **bugs(BUGS),
    "cost-sign-and-m": Case(sign_and_m, {"propagate"}, {"propagate": ("cost is negative", "minus sign")}),
    **{name: Case(variant) for name, variant in VARIANTS.items()},
    # A harmless difference that keeps its points says what was accepted, so the learner knows.
    "harmless-representations": Case(harmless_representations, says={
        "initialize_with_zeros": ("w holds int64 values where floats are expected (accepted",),
        "propagate": ("db is an array of shape (1,); a number is expected (accepted",),
        "predict": ("holds bool values where floats are expected (accepted",)}),
})


class TestWeek2Bugs(CorpusTests):
    corpus = CORPUS
