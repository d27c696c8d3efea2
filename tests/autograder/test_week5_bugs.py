"""Realistic week-5 bugs, each one small source edit of a solution: does the grader take
exactly the buggy function's points, with a message that names the mistake, and keep full
marks for correct code written differently (loops, comprehensions, another draw order or
generator, ``np.sqrt(2./n)`` for ``np.sqrt(2 / n)``, the classic course's seeds and model)?

Every submission is an instructor solution with a few edits, graded with the full spec
(``tests/support/corpus.py`` says how). Each notebook of the week has its own block below.
"""

from __future__ import annotations

import pytest
from corpus import Case, Corpus, CorpusTests, bugs, unchanged
from source_edits import Bug, in_region, replace_function

from autograder import ROOT, specs

pytestmark = pytest.mark.grading


# == week5/initialization ====================================================================

INIT = specs.get("week5/initialization")
INIT_SOLUTION = (ROOT / INIT.solution).read_text()

#: The dispatch of the solution's model, replaced by the bugs of model.
DISPATCH = '''    if initialization == "zeros":
        parameters = initialize_parameters_zeros(layers_dims)
    elif initialization == "random":
        parameters = initialize_parameters_random(layers_dims)
    elif initialization == "he":
        parameters = initialize_parameters_he(layers_dims)
    elif initialization == "xavier":
        parameters = initialize_parameters_xavier(layers_dims)
'''

INIT_BUGS = {
    # initialize_parameters_zeros
    "zeros-bias-flat": Bug("initialize_parameters_zeros", (in_region(INIT_SOLUTION, "initialize_parameters_zeros", (
        'np.zeros((layers_dims[l], 1))', 'np.zeros(layers_dims[l])')),), (
        "keys, shapes and zeros for layers_dims = [3, 2, 1]", "b1 has shape (2,); expected (2, 1)")),
    "zeros-misses-the-last-layer": Bug("initialize_parameters_zeros", (in_region(
        INIT_SOLUTION, "initialize_parameters_zeros", ("range(1, L + 1)", "range(1, L)")),), (
        "has the keys ['W1', 'b1']", "expected exactly ['W1', 'b1', 'W2', 'b2']", "range(1, L + 1)")),
    "zeros-weights-of-ones": Bug("initialize_parameters_zeros", ((
        'np.zeros((layers_dims[l], layers_dims[l - 1]))', 'np.ones((layers_dims[l], layers_dims[l - 1]))'),), (
        "W1 differs", "every weight and bias to zero")),
    # initialize_parameters_random
    "random-zero-weights": Bug("initialize_parameters_random", ((
        "np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10", "np.zeros((layers_dims[l], layers_dims[l - 1]))"),), (
        "W1 is all zeros", "symmetry", "np.random.randn(...) * 10")),
    "random-times-1": Bug("initialize_parameters_random", ((
        "np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10", "np.random.randn(layers_dims[l], layers_dims[l - 1])"),), (
        "for [400, 300, 200, 100]", "W1 has standard deviation", "expected 10", "multiply by 10 (your values look unscaled)")),
    "random-rand-not-randn": Bug("initialize_parameters_random", ((
        "np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10", "np.random.rand(layers_dims[l], layers_dims[l - 1]) * 10"),), (
        "every entry of W1 is positive", "not np.random.rand")),
    "random-random-biases": Bug("initialize_parameters_random", (in_region(INIT_SOLUTION, "initialize_parameters_random", (
        "np.zeros((layers_dims[l], 1))", "np.random.randn(layers_dims[l], 1) * 10")),), (
        "b1 differs", "biases start at zero")),
    # initialize_parameters_he
    "he-with-n_l": Bug("initialize_parameters_he", (("np.sqrt(2 / layers_dims[l - 1])", "np.sqrt(2 / layers_dims[l])"),), (
        "for [400, 300, 200, 100]", "W1 has standard deviation", "expected 0.07071", "np.sqrt(2 / 400)",
        "the layer's own size n_l = layers_dims[l]")),
    "he-xavier-scale": Bug("initialize_parameters_he", (("np.sqrt(2 / layers_dims[l - 1])", "np.sqrt(1 / layers_dims[l - 1])"),), (
        "W1 has standard deviation", "expected 0.07071",
        "scaled by np.sqrt(1 / n_{l-1}); this function asks for np.sqrt(2 / n_{l-1})")),
    "he-without-sqrt": Bug("initialize_parameters_he", (("np.sqrt(2 / layers_dims[l - 1])", "2 / layers_dims[l - 1]"),), (
        "W1 has standard deviation", "expected 0.07071 (np.random.randn(...) * np.sqrt(2 / 400))")),
    "he-random-biases": Bug("initialize_parameters_he", (in_region(INIT_SOLUTION, "initialize_parameters_he", (
        "np.zeros((layers_dims[l], 1))", "np.random.randn(layers_dims[l], 1) * 0.01")),), (
        "biases start at zero",)),
    "he-seed-per-layer": Bug("initialize_parameters_he", (in_region(INIT_SOLUTION, "initialize_parameters_he", (
        "    for l in range(1, L + 1):\n", "    for l in range(1, L + 1):\n        np.random.seed(3)\n")),), (
        "W2 repeats the random numbers of W1", "set the seed at most once")),
    "he-swapped-shape": Bug("initialize_parameters_he", (in_region(INIT_SOLUTION, "initialize_parameters_he", (
        "np.random.randn(layers_dims[l], layers_dims[l - 1])", "np.random.randn(layers_dims[l - 1], layers_dims[l])")),), (
        "W1 has shape (3, 2); expected (2, 3) = (n_1, n_0)", "swap the dimensions")),
    # initialize_parameters_xavier
    "xavier-he-scale": Bug("initialize_parameters_xavier", (("np.sqrt(1 / layers_dims[l - 1])", "np.sqrt(2 / layers_dims[l - 1])"),), (
        "W1 has standard deviation", "expected 0.05 (", "scaled by np.sqrt(2 / n_{l-1}); this function asks for np.sqrt(1 / n_{l-1})")),
    # model
    "model-ignores-initialization": Bug("model", ((DISPATCH, "    parameters = initialize_parameters_he(layers_dims)\n"),), (
        'initialization="zeros"', 'trained from the "he" initialization', "the argument initialization names")),
    "model-zeros-and-random-swapped": Bug("model", ((
        '    if initialization == "zeros":\n        parameters = initialize_parameters_zeros(layers_dims)\n'
        '    elif initialization == "random":\n        parameters = initialize_parameters_random(layers_dims)\n',
        '    if initialization == "zeros":\n        parameters = initialize_parameters_random(layers_dims)\n'
        '    elif initialization == "random":\n        parameters = initialize_parameters_zeros(layers_dims)\n'),), (
        'trained from the "random" initialization; this call asks for initialization="zeros"',)),
    "model-learning-rate-hard-coded": Bug("model", ((
        "        parameters = update_parameters(parameters, grads, learning_rate)\n",
        "        parameters = update_parameters(parameters, grads, 0.01)\n"),), (
        "learning_rate=0.1", "b3 differs", "update_parameters(parameters, grads, learning_rate)")),
    "model-default-learning-rate-changed": Bug("model", ((
        "def model(X, Y, learning_rate=0.01,", "def model(X, Y, learning_rate=0.1,"),), (
        'the defaults learning_rate=0.01 and initialization="he"',)),
    "model-default-initialization-changed": Bug("model", ((
        'print_cost=True, initialization="he"):', 'print_cost=True, initialization="xavier"):'),), (
        'the defaults learning_rate=0.01 and initialization="he"',)),
    "model-gradients-of-the-first-example": Bug("model", ((
        "        grads = backward_propagation(X, Y, cache)\n",
        "        grads = backward_propagation(X[:, :1], Y[:, :1], cache)\n"),), (
        "the trained parameters of each initialization", "raised ValueError")),
}


# -- correct, but written differently ---------------------------------------------------------

def comprehensions_and_draw_orders(source: str) -> str:
    """A dict comprehension for the zeros; the random weights drawn last layer first, with
    np.random.normal(0, 10, ...); He with ``np.sqrt(2./n)`` and np.random.standard_normal;
    Xavier divided by ``np.sqrt(n)``, biases made before the weights; a model that picks its
    initialization from a dict and keeps the cost of every 1000th step in a list."""
    source = replace_function(source, "initialize_parameters_zeros", """
        def initialize_parameters_zeros(layers_dims):
            return {f"{kind}{l}": np.zeros((layers_dims[l], layers_dims[l - 1] if kind == "W" else 1))
                    for l in range(1, len(layers_dims)) for kind in "Wb"}
    """)
    source = replace_function(source, "initialize_parameters_random", """
        def initialize_parameters_random(layers_dims):
            parameters = {}
            for l in reversed(range(1, len(layers_dims))):
                parameters["W%d" % l] = np.random.normal(0, 10, size=(layers_dims[l], layers_dims[l - 1]))
                parameters["b%d" % l] = np.zeros((layers_dims[l], 1))
            return parameters
    """)
    source = replace_function(source, "initialize_parameters_he", """
        def initialize_parameters_he(layers_dims):
            parameters = {}
            for l in range(1, len(layers_dims)):
                n, n_prev = layers_dims[l], layers_dims[l - 1]
                parameters["W" + str(l)] = np.random.standard_normal((n, n_prev)) * np.sqrt(2. / n_prev)
                parameters["b" + str(l)] = np.zeros(shape=(n, 1))
            return parameters
    """)
    source = replace_function(source, "initialize_parameters_xavier", """
        def initialize_parameters_xavier(layers_dims):
            L = len(layers_dims)
            parameters = {"b" + str(l): np.zeros((layers_dims[l], 1)) for l in range(1, L)}
            for l in range(1, L):
                parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) / np.sqrt(layers_dims[l - 1])
            return parameters
    """)
    return replace_function(source, "model", """
        def model(X, Y, learning_rate=0.01, num_iterations=15000, print_cost=True, initialization="he"):
            layers_dims = [X.shape[0], 10, 5, 1]
            initializers = {"zeros": initialize_parameters_zeros, "random": initialize_parameters_random,
                            "he": initialize_parameters_he, "xavier": initialize_parameters_xavier}
            parameters = initializers[initialization](layers_dims)
            costs = []
            for i in range(0, num_iterations):
                a3, cache = forward_propagation(X, parameters)
                cost = compute_loss(a3, Y)
                grads = backward_propagation(X, Y, cache)
                parameters = update_parameters(parameters=parameters, grads=grads, learning_rate=learning_rate)
                if i % 1000 == 0:
                    costs.append(cost)
                    if print_cost:
                        print("Cost after iteration {}: {}".format(i, cost))
            return parameters
    """)


def classic_course(source: str) -> str:
    """The classic notebook's functions: np.random.seed(3) inside the random and He
    initializations, ``L = len(layers_dims)`` with ``range(1, L)``, ``np.zeros(shape=...)``,
    and its given model (grads and costs kept, a plot of the costs at the end, no "xavier")."""
    source = replace_function(source, "initialize_parameters_zeros", """
        def initialize_parameters_zeros(layers_dims):
            parameters = {}
            L = len(layers_dims)            # number of layers in the network
            for l in range(1, L):
                parameters['W' + str(l)] = np.zeros(shape=(layers_dims[l], layers_dims[l - 1]))
                parameters['b' + str(l)] = np.zeros(shape=(layers_dims[l], 1))
            return parameters
    """)
    source = replace_function(source, "initialize_parameters_random", """
        def initialize_parameters_random(layers_dims):
            np.random.seed(3)               # This seed makes sure your "random" numbers will be the as ours
            parameters = {}
            L = len(layers_dims)            # integer representing the number of layers
            for l in range(1, L):
                parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
                parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
            return parameters
    """)
    source = replace_function(source, "initialize_parameters_he", """
        def initialize_parameters_he(layers_dims):
            np.random.seed(3)
            parameters = {}
            L = len(layers_dims) - 1 # integer representing the number of layers
            for l in range(1, L + 1):
                parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2. / layers_dims[l - 1])
                parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
            return parameters
    """)
    return replace_function(source, "model", """
        def model(X, Y, learning_rate = 0.01, num_iterations = 15000, print_cost = True, initialization = "he"):
            grads = {}
            costs = [] # to keep track of the loss
            m = X.shape[1] # number of examples
            layers_dims = [X.shape[0], 10, 5, 1]

            # Initialize parameters dictionary.
            if initialization == "zeros":
                parameters = initialize_parameters_zeros(layers_dims)
            elif initialization == "random":
                parameters = initialize_parameters_random(layers_dims)
            elif initialization == "he":
                parameters = initialize_parameters_he(layers_dims)

            # Loop (gradient descent)
            for i in range(0, num_iterations):
                a3, cache = forward_propagation(X, parameters)
                cost = compute_loss(a3, Y)
                grads = backward_propagation(X, Y, cache)
                parameters = update_parameters(parameters, grads, learning_rate)
                if print_cost and i % 1000 == 0:
                    print("Cost after iteration {}: {}".format(i, cost))
                    costs.append(cost)

            # plot the loss
            plt.plot(costs)
            plt.ylabel('cost')
            plt.xlabel('iterations (per hundreds)')
            plt.title("Learning rate =" + str(learning_rate))
            plt.show()

            return parameters
    """)


def another_generator(source: str) -> str:
    """Initializations from their own np.random.default_rng (not np.random at all): the
    random one by ``rng.normal(scale=10, ...)``, He by ``rng.standard_normal(...) *
    (2 / n) ** 0.5``, Xavier by ``rng.normal(0, 1 / np.sqrt(n), ...)``."""
    source = replace_function(source, "initialize_parameters_random", """
        def initialize_parameters_random(layers_dims):
            rng = np.random.default_rng()
            parameters = {}
            for l in range(1, len(layers_dims)):
                parameters["W" + str(l)] = rng.normal(scale=10, size=(layers_dims[l], layers_dims[l - 1]))
                parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
            return parameters
    """)
    source = replace_function(source, "initialize_parameters_he", """
        def initialize_parameters_he(layers_dims):
            rng = np.random.default_rng()
            parameters = {}
            for l in range(1, len(layers_dims)):
                shape = (layers_dims[l], layers_dims[l - 1])
                parameters["W" + str(l)] = rng.standard_normal(shape) * (2 / layers_dims[l - 1]) ** 0.5
                parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
            return parameters
    """)
    return replace_function(source, "initialize_parameters_xavier", """
        def initialize_parameters_xavier(layers_dims):
            rng = np.random.default_rng()
            parameters = {}
            for l in range(1, len(layers_dims)):
                n_prev = layers_dims[l - 1]
                parameters["W" + str(l)] = rng.normal(0, 1 / np.sqrt(n_prev), (layers_dims[l], n_prev))
                parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
            return parameters
    """)


INIT_VARIANTS = {"comprehensions-and-draw-orders": comprehensions_and_draw_orders, "classic-course": classic_course,
                 "another-generator": another_generator}

INIT_CORPUS = Corpus(INIT, {
    "solution": Case(unchanged),
    **bugs(INIT_BUGS),
    **{name: Case(variant) for name, variant in INIT_VARIANTS.items()},
})


class TestInitializationBugs(CorpusTests):
    corpus = INIT_CORPUS


@pytest.mark.parametrize("name, fragment", [
    ("random-zero-weights", "대칭이 깨지지 않습니다"),
    ("he-with-n_l", "앞 층의 크기 n_{l-1} = layers_dims[l - 1]을 쓰세요"),
    ("model-ignores-initialization", "인자 initialization이 가리키는 초기화 함수를 호출하세요"),
], ids=["zero-weights", "he-with-n_l", "model-ignores-initialization"])
def test_initialization_korean_message_carries_the_same_hint(name, fragment):
    """Is the failing function's verdict in Korean too, with the hint that fits the bug?"""
    verdict = next(t for t in INIT_CORPUS.report(name).tests if not t.passed)
    assert fragment in verdict.message.ko, verdict.message.ko

# == end of week5/initialization =============================================================
