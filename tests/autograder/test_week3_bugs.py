"""Realistic week-3 bugs, each one small source edit of the solution: does the grader take
exactly the buggy function's points, and keep full marks for correct code written
differently (loops, ``@``, einsum, another RNG order, in-place updates, the course's 2017
style with its old ``compute_cost(A2, Y, parameters)``)?

Every submission is the instructor solution (``solutions/week3/planar_data_classification.py``)
with a few edits, graded with the full spec, training on the flower included
(``tests/support/corpus.py`` says how).
"""

from __future__ import annotations

import pytest
from corpus import Case, Corpus, CorpusTests, bug, bugs, unchanged
from source_edits import Bug, mutate, replace_function

from autograder import ROOT
from autograder.specs.week3.planar_data_classification import notebook as SPEC

pytestmark = pytest.mark.grading

SOLUTION = (ROOT / SPEC.solution).read_text()


BUGS = {
    # layer_sizes
    "sizes-n_x-from-columns": Bug("layer_sizes", (("n_x = X.shape[0]", "n_x = X.shape[1]"),), (
        "sizes for X of shape (5, 3)", "n_x is 3, the number of examples m; expected 5", "X.shape[0]")),
    "sizes-n_y-hard-coded": Bug("layer_sizes", (("n_y = Y.shape[0]", "n_y = 1"),), (
        "n_y is 1; expected 2",)),
    # initialize_parameters
    "init-W1-dimensions-swapped": Bug("initialize_parameters", (("np.random.randn(n_h, n_x) * 0.01",
                                                                 "np.random.randn(n_x, n_h) * 0.01"),), (
        "(n_x, n_h, n_y) = (2, 4, 1)", "W1 has shape (2, 4); expected (4, 2) = (n_h, n_x)", "swap the dimensions")),
    "init-W2-with-n_x (shows when n_h != n_x)": Bug("initialize_parameters", (
        ("np.random.randn(n_y, n_h) * 0.01", "np.random.randn(n_y, n_x) * 0.01"),), (
        "W2 has shape (1, 2); expected (1, 4) = (n_y, n_h)",)),
    "init-without-0.01": Bug("initialize_parameters", (("W1 = np.random.randn(n_h, n_x) * 0.01",
                                                        "W1 = np.random.randn(n_h, n_x)"),), (
        "W1 has entries as large as", "np.random.randn(...) * 0.01")),
    "init-uniform-rand": Bug("initialize_parameters", (("W1 = np.random.randn(n_h, n_x) * 0.01",
                                                        "W1 = np.random.rand(n_h, n_x) * 0.01"),), (
        "standard deviation 0.01, for (30, 40, 20)", "every entry of W1 is positive", "not np.random.rand")),
    "init-zero-weights": Bug("initialize_parameters", (("W2 = np.random.randn(n_y, n_h) * 0.01",
                                                        "W2 = np.zeros((n_y, n_h))"),), (
        "W2 is all zeros", "symmetry")),
    "init-b1-flat": Bug("initialize_parameters", (("b1 = np.zeros((n_h, 1))", "b1 = np.zeros(n_h)"),), (
        "b1 has shape (4,); expected (4, 1) = (n_h, 1)", "column vector")),
    "init-reseeds-before-each-draw": Bug("initialize_parameters", (
        ("    W1 = np.random.randn(n_h, n_x) * 0.01\n", "    np.random.seed(2)\n    W1 = np.random.randn(n_h, n_x) * 0.01\n"),
        ("    W2 = np.random.randn(n_y, n_h) * 0.01\n", "    np.random.seed(2)\n    W2 = np.random.randn(n_y, n_h) * 0.01\n")), (
        "W2 repeats the random numbers of W1", "set the seed at most once")),
    # forward_propagation
    "forward-sigmoid-in-hidden-layer": Bug("forward_propagation", (("A1 = np.tanh(Z1)", "A1 = sigmoid(Z1)"),), (
        "2 inputs, 3 hidden units, 4 examples", "cache['A1'] differs", "A1 is sigmoid(Z1)", "np.tanh(Z1)")),
    "forward-tanh-output": Bug("forward_propagation", (("A2 = sigmoid(Z2)", "A2 = np.tanh(Z2)"),), (
        "cache['A2'] differs", "A2 is tanh(Z2)")),
    "forward-Z2-from-Z1": Bug("forward_propagation", (("Z2 = np.dot(W2, A1) + b2", "Z2 = np.dot(W2, Z1) + b2"),), (
        "cache['Z2'] differs", "Z2 = np.dot(W2, A1) + b2")),
    "forward-misnamed-cache-key": Bug("forward_propagation", (('"A1": A1, "Z2"', '"a1": A1, "Z2"'),), (
        "cache has no key 'A1'", "'a1'")),
    "forward-W1-transposed": Bug("forward_propagation", (("Z1 = np.dot(W1, X) + b1", "Z1 = np.dot(W1.T, X) + b1"),), (
        "it raised ValueError", "np.dot(W1.T, X)", "check the shapes you multiply")),
    # compute_cost
    "cost-log10": Bug("compute_cost", (("Y * np.log(A2) + (1 - Y) * np.log(1 - A2)",
                                        "Y * np.log10(A2) + (1 - Y) * np.log10(1 - A2)"),), (
        "the cost of 4 outputs", "Expected 1.22136, got 0.530428", "use np.log, not np.log10")),
    "cost-without-1/m": Bug("compute_cost", (("cost = -np.sum(log_likelihood) / m", "cost = -np.sum(log_likelihood)"),), (
        "Expected 1.22136, got 4.88542", "divide the sum by m")),
    "cost-sign-dropped": Bug("compute_cost", (("cost = -np.sum(log_likelihood) / m", "cost = np.sum(log_likelihood) / m"),), (
        "Expected 1.22136, got -1.22136", "sign is flipped")),
    "cost-misses-label-0-term": Bug("compute_cost", (("Y * np.log(A2) + (1 - Y) * np.log(1 - A2)", "Y * np.log(A2)"),), (
        "(1 - Y) * log(1 - A2) term",)),
    # The cost is compute_cost's result, which the notebook asks for as a number ("cost : float").
    "cost-returned-as-an-array": Bug("compute_cost", (("    cost = float(np.squeeze(cost))\n",
                                                       "    cost = np.reshape(cost, (1, 1))\n"),), (
        "compute_cost(A2, Y) is an array of shape (1, 1); expected a number, as the notebook asks", "np.squeeze")),
    # backward_propagation
    "backward-relu-derivative": Bug("backward_propagation", (("(1 - np.power(A1, 2))", '(cache["Z1"] > 0)'),), (
        "grads of the network with 2 inputs", "dW1 differs", "derivative of relu", "1 - A1**2")),
    "backward-1-minus-Z1-squared": Bug("backward_propagation", (("(1 - np.power(A1, 2))", '(1 - np.power(cache["Z1"], 2))'),), (
        "dW1 differs", "1 - Z1**2", "written with A1")),
    "backward-sigmoid-derivative": Bug("backward_propagation", (("(1 - np.power(A1, 2))", "A1 * (1 - A1)"),), (
        "derivative of sigmoid",)),
    "backward-db1-sum-without-axis": Bug("backward_propagation", (("db1 = np.sum(dZ1, axis=1, keepdims=True) / m",
                                                                  "db1 = np.sum(dZ1) / m"),), (
        "db1 is a single number; expected an array of shape (3, 1)", "np.sum(..., axis=1, keepdims=True)")),
    "backward-db1-without-keepdims": Bug("backward_propagation", (("db1 = np.sum(dZ1, axis=1, keepdims=True) / m",
                                                                  "db1 = np.sum(dZ1, axis=1) / m"),), (
        "db1 has shape (3,); expected (3, 1) = shape of b1", "keepdims=True")),
    "backward-db2-sums-over-units": Bug("backward_propagation", (("db2 = np.sum(dZ2, axis=1, keepdims=True) / m",
                                                                 "db2 = np.sum(dZ2, axis=0, keepdims=True) / m"),), (
        "db2 has shape (1, 4); expected (1, 1)", "summed over the units (axis=0)")),
    "backward-dW1-without-1/m": Bug("backward_propagation", (("dW1 = np.dot(dZ1, X.T) / m", "dW1 = np.dot(dZ1, X.T)"),), (
        "dW1 differs", "dW1 is m = 4 times too large")),
    "backward-dW2-without-1/m": Bug("backward_propagation", (("dW2 = np.dot(dZ2, A1.T) / m", "dW2 = np.dot(dZ2, A1.T)"),), (
        "dW2 differs", "dW2 is m = 4 times too large")),
    "backward-sign-flipped": Bug("backward_propagation", (("dZ2 = A2 - Y", "dZ2 = Y - A2"),), (
        "dW2 differs", "dZ2 = A2 - Y, not Y - A2")),
    # update_parameters
    "update-default-learning-rate-changed": Bug("update_parameters", (("learning_rate=1.2):", "learning_rate=0.01):"),), (
        "with the default learning rate (1.2)", "W1 moved by 0.01 times dW1; expected learning_rate = 1.2",
        "default is 1.2")),
    "update-learning-rate-hard-coded": Bug("update_parameters", (("W2 = W2 - learning_rate * dW2", "W2 = W2 - 1.2 * dW2"),), (
        "with learning_rate=0.5", "W2 moved by 1.2 times dW2; expected learning_rate = 0.5")),
    "update-up-the-gradient": Bug("update_parameters", (("    W1 = W1 - learning_rate * dW1\n", "    W1 = W1 + learning_rate * dW1\n"),), (
        "you stepped up the gradient",)),
    "update-forgets-b1": Bug("update_parameters", (("    b1 = b1 - learning_rate * db1\n", ""),), (
        "b1 was not updated",)),
    # nn_model
    "model-discards-the-update": Bug("nn_model", (("parameters = update_parameters(parameters, grads)",
                                                   "update_parameters(parameters, grads)"),), (
        "3 hidden units, 100 iterations", "W1 is still its initial value", "update_parameters(parameters, grads)")),
    "model-returns-inside-the-loop": Bug("nn_model", (
        ('            print(f"Cost after iteration {i}: {cost:f}")\n    return parameters',
         '            print(f"Cost after iteration {i}: {cost:f}")\n        return parameters'),), (
        "W1 is the result of a single step", "after the loop")),
    "model-takes-n_h-from-layer_sizes": Bug("nn_model", (("n_x, _, n_y = layer_sizes(X, Y)",
                                                          "n_x, n_h, n_y = layer_sizes(X, Y)"),), (
        "W1 has shape (4, 2)", "the hidden size is the argument n_h")),
    "model-trains-on-the-first-example-only": Bug("nn_model", (("A2, cache = forward_propagation(X, parameters)\n        cost",
                                                                "A2, cache = forward_propagation(X[:, :1], parameters)\n        cost"),
                                                               ("grads = backward_propagation(parameters, cache, X, Y)",
                                                                "grads = backward_propagation(parameters, cache, X[:, :1], Y[:, :1])")), (
        "differ from a model trained from the same initialization",)),
    # predict
    "predict-returns-probabilities": Bug("predict", (("predictions = (A2 > 0.5).astype(float)", "predictions = A2"),), (
        "returned the probabilities A2", "A2 > 0.5")),
    "predict-labels-swapped": Bug("predict", (("predictions = (A2 > 0.5).astype(float)",
                                               "predictions = (A2 < 0.5).astype(float)"),), (
        "every label swapped",)),
    "predict-flat": Bug("predict", (("predictions = (A2 > 0.5).astype(float)",
                                     "predictions = (A2 > 0.5).astype(float).ravel()"),), (
        "has shape (4,); expected (1, 4)", "reshape(1, -1)")),
    "predict-squeezed-loop (shows when m = 1)": Bug("predict", (("predictions = (A2 > 0.5).astype(float)",
                                                                 "A2 = np.squeeze(A2)\n"
                                                                 "    predictions = np.zeros((1, X.shape[1]))\n"
                                                                 "    for i in range(len(A2)):\n"
                                                                 "        predictions[0, i] = 1 if A2[i] > 0.5 else 0"),), (
        "it raised TypeError", "len() of unsized object")),
}


# -- correct, but written differently -------------------------------------------------------

def loops_and_in_place(source: str) -> str:
    """Explicit loops over examples (cost, predict) and units (db1), ``-=`` updates of the
    caller's arrays, a list from layer_sizes, keyword arguments everywhere."""
    source = replace_function(source, "layer_sizes", """
        def layer_sizes(X, Y):
            return [X.shape[0], 4, Y.shape[0]]
    """)
    source = replace_function(source, "compute_cost", """
        def compute_cost(A2, Y):
            m = Y.shape[1]
            total = 0.0
            for i in range(m):
                if Y[0, i] == 1:
                    total += np.log(A2[0, i])
                else:
                    total += np.log(1 - A2[0, i])
            return -total / m
    """)
    source = mutate(source, "db1 = np.sum(dZ1, axis=1, keepdims=True) / m",
                    "db1 = np.zeros((dZ1.shape[0], 1))\n"
                    "    for unit in range(dZ1.shape[0]):\n"
                    "        for i in range(m):\n"
                    "            db1[unit, 0] += dZ1[unit, i] / m")
    source = replace_function(source, "update_parameters", """
        def update_parameters(parameters, grads, learning_rate=1.2):
            for key in ("W1", "b1", "W2", "b2"):
                parameters[key] -= learning_rate * grads["d" + key]
            return parameters
    """)
    source = replace_function(source, "nn_model", """
        def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
            sizes = layer_sizes(X=X, Y=Y)
            parameters = initialize_parameters(n_x=sizes[0], n_h=n_h, n_y=sizes[2])
            for i in range(num_iterations):
                A2, cache = forward_propagation(X=X, parameters=parameters)
                cost = compute_cost(A2=A2, Y=Y)
                grads = backward_propagation(parameters=parameters, cache=cache, X=X, Y=Y)
                parameters = update_parameters(parameters=parameters, grads=grads, learning_rate=1.2)
                if print_cost and i % 1000 == 0:
                    print("Cost after iteration %i: %f" % (i, cost))
            return parameters
    """)
    return replace_function(source, "predict", """
        def predict(parameters, X):
            A2, _ = forward_propagation(X, parameters)
            predictions = np.zeros((1, X.shape[1]))
            for i in range(X.shape[1]):
                predictions[0, i] = 1 if A2[0, i] > 0.5 else 0
            return predictions
    """)


def operators_and_rng_order(source: str) -> str:
    """``@`` and np.einsum, tanh written with exponentials and its derivative from Z1, an
    initialization that draws W2 before W1 with np.random.normal, the cost with np.mean,
    integer predictions from np.where."""
    source = replace_function(source, "initialize_parameters", """
        def initialize_parameters(n_x, n_h, n_y):
            b2, b1 = np.zeros((n_y, 1)), np.zeros((n_h, 1))
            W2 = np.random.normal(0.0, 0.01, size=(n_y, n_h))
            W1 = np.random.normal(0.0, 0.01, size=(n_h, n_x))
            return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    """)
    source = replace_function(source, "forward_propagation", """
        def forward_propagation(X, parameters):
            Z1 = parameters["W1"] @ X + parameters["b1"]
            A1 = (np.exp(Z1) - np.exp(-Z1)) / (np.exp(Z1) + np.exp(-Z1))
            Z2 = np.einsum("ij,jm->im", parameters["W2"], A1) + parameters["b2"]
            A2 = 1 / (1 + np.exp(-Z2))
            return A2, {"A2": A2, "Z2": Z2, "A1": A1, "Z1": Z1}
    """)
    source = mutate(source, "cost = -np.sum(log_likelihood) / m", "cost = -np.mean(log_likelihood)")
    source = replace_function(source, "backward_propagation", """
        def backward_propagation(parameters, cache, X, Y):
            m = X.shape[1]
            dZ2 = cache["A2"] - Y
            dW2 = dZ2 @ cache["A1"].T / m
            db2 = dZ2.mean(axis=1, keepdims=True)
            dZ1 = (parameters["W2"].T @ dZ2) * (1 - np.tanh(cache["Z1"]) ** 2)
            dW1 = np.einsum("hm,xm->hx", dZ1, X) / m
            db1 = dZ1.mean(axis=1, keepdims=True)
            return {"dW2": dW2, "db2": db2, "dW1": dW1, "db1": db1}
    """)
    return replace_function(source, "predict", """
        def predict(parameters, X):
            return np.where(forward_propagation(X, parameters)[0] > 0.5, 1, 0)
    """)


def another_generator(source: str) -> str:
    """An initialization from its own np.random.default_rng (not np.random at all), copies
    made with copy.deepcopy before the update, as the course did in 2021."""
    source = mutate(source, "import numpy as np\n", "import copy\n\nimport numpy as np\n")
    source = replace_function(source, "initialize_parameters", """
        def initialize_parameters(n_x, n_h, n_y):
            rng = np.random.default_rng()
            return {"W1": rng.standard_normal((n_h, n_x)) * 0.01, "b1": np.zeros((n_h, 1)),
                    "W2": rng.standard_normal((n_y, n_h)) * 0.01, "b2": np.zeros((n_y, 1))}
    """)
    return mutate(source, 'W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]',
                  'W1, b1 = copy.deepcopy(parameters["W1"]), copy.deepcopy(parameters["b1"])\n'
                  '    W2, b2 = copy.deepcopy(parameters["W2"]), copy.deepcopy(parameters["b2"])')


def classic_2017(source: str) -> str:
    """The course's 2017 notebook: np.random.seed(2) inside initialize_parameters and
    np.random.seed(3) in nn_model, the old ``compute_cost(A2, Y, parameters)`` with
    np.multiply, np.squeeze and an isinstance assertion, parameters retrieved after
    initialization, predictions by np.round."""
    source = mutate(source, "    ### BEGIN SOLUTION\n    W1 = np.random.randn(n_h, n_x) * 0.01\n",
                    "    np.random.seed(2)\n    ### BEGIN SOLUTION\n    W1 = np.random.randn(n_h, n_x) * 0.01\n")
    source = replace_function(source, "compute_cost", """
        def compute_cost(A2, Y, parameters):
            m = Y.shape[1]
            logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
            cost = -np.sum(logprobs) / m
            cost = np.squeeze(cost)
            assert isinstance(cost, float)
            return cost
    """)
    source = replace_function(source, "nn_model", """
        def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
            np.random.seed(3)
            n_x = layer_sizes(X, Y)[0]
            n_y = layer_sizes(X, Y)[2]
            parameters = initialize_parameters(n_x, n_h, n_y)
            W1 = parameters["W1"]
            b1 = parameters["b1"]
            W2 = parameters["W2"]
            b2 = parameters["b2"]
            for i in range(0, num_iterations):
                A2, cache = forward_propagation(X, parameters)
                cost = compute_cost(A2, Y, parameters)
                grads = backward_propagation(parameters, cache, X, Y)
                parameters = update_parameters(parameters, grads)
                if print_cost and i % 1000 == 0:
                    print("Cost after iteration %i: %f" % (i, cost))
            return parameters
    """)
    return mutate(source, "predictions = (A2 > 0.5).astype(float)", "predictions = np.round(A2)")


def harmless_representations(source: str) -> str:
    """What changes nothing downstream: db2 as a number (``np.sum(dZ2) / m``, one output
    unit), booleans from predict (``A2 > 0.5``). (A cost returned as a (1, 1) array is not:
    the cost is compute_cost's result, asked for as a number; see the bugs.)"""
    source = mutate(source, "db2 = np.sum(dZ2, axis=1, keepdims=True) / m", "db2 = np.sum(dZ2) / m")
    return mutate(source, "predictions = (A2 > 0.5).astype(float)", "predictions = A2 > 0.5")


VARIANTS = {"loops-and-in-place": loops_and_in_place, "operators-and-rng-order": operators_and_rng_order,
            "another-generator": another_generator, "classic-2017": classic_2017,
            "harmless-representations": harmless_representations}


CORPUS = Corpus(SPEC, {
    "solution": Case(unchanged),
    **bugs(BUGS),
    # A wrong backward pass: nn_model (which trains with it) and predict keep their points,
    # nn_model's verdict saying it was graded with a correct backward_propagation.
    "backward-relu-derivative": bug(BUGS["backward-relu-derivative"], says={
        "nn_model": ("graded with correct versions of", "backward_propagation")}),
    **{name: Case(variant) for name, variant in VARIANTS.items()},
    # The course's 2017-2019 compute_cost(A2, Y, parameters) is graded the old way, with its points and a note.
    "classic-2017": Case(classic_2017, says={"compute_cost": ("earlier signature compute_cost(A2, Y, parameters)",)}),
    # A harmless difference that keeps its points says what was accepted, so the learner knows.
    "harmless-representations": Case(harmless_representations, says={
        "backward_propagation": ("db2 is a single number where an array of shape (1, 1) is expected (accepted",),
        "predict": ("holds bool values where floats are expected (accepted",)}),
})


class TestWeek3Bugs(CorpusTests):
    corpus = CORPUS


@pytest.mark.parametrize("name, fragment", [
    ("backward-relu-derivative", "dZ1에 relu의 도함수(Z1 > 0)를 썼습니다"),
    ("backward-db1-sum-without-axis", "np.sum(..., axis=1, keepdims=True)"),
    ("update-default-learning-rate-changed", "기본값이 1.2인 learning_rate 인자를 쓰세요"),
    ("init-zero-weights", "대칭이 깨지지 않습니다"),
], ids=["relu-derivative", "db1-axis", "learning-rate-default", "zero-weights"])
def test_korean_message_carries_the_same_hint(name, fragment):
    """Is the failing function's verdict in Korean too, with the hint that fits the bug?"""
    verdict = next(t for t in CORPUS.report(name).tests if not t.passed)
    assert fragment in verdict.message.ko, verdict.message.ko
