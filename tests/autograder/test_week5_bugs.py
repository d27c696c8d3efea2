"""Realistic week-5 bugs, each one small source edit of a solution: does the grader take
exactly the buggy function's points, with a message that names the mistake, and keep full
marks for correct code written differently (loops, comprehensions, another draw order or
generator, ``np.sqrt(2./n)`` for ``np.sqrt(2 / n)``, the classic course's seeds and model,
``np.linalg.norm`` or a sum of squares, ``np.copy`` or ``.copy()``)?

Each notebook of the week has a block of its own below (its bugs, its variants, its
corpus and test class). Every submission is the instructor solution with a few edits,
graded with the full spec (``tests/support/corpus.py`` says how).
"""

from __future__ import annotations

import pytest
from corpus import Case, Corpus, CorpusTests, bug, bugs, unchanged
from source_edits import Bug, in_region, mutate, replace_function, rewrite

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


# == week5/gradient_checking =================================================================

GC = specs.get("week5/gradient_checking")
GC_SOLUTION = (ROOT / GC.solution).read_text()

#: The end of gradient_check's and gradient_check_n's solution regions: the verdict printed.
_VERDICT = ("        if difference > 2e-7:\n", "        if difference < 2e-7:\n")


def _in(function: str, edit: tuple[str, str]) -> tuple[str, str]:
    """An edit of ``function``'s solution region only (the two checks share many lines)."""
    return in_region(GC_SOLUTION, function, edit)


GC_BUGS = {
    # forward_propagation, backward_propagation
    "forward-adds": Bug("forward_propagation", (("    J = theta * x\n", "    J = theta + x\n"),), (
        "forward_propagation(3, 4)", "Expected 12, got 7", "J is theta * x, not theta + x")),
    "backward-returns-theta": Bug("backward_propagation", (("    dtheta = x\n", "    dtheta = theta\n"),), (
        "backward_propagation(3, 4)", "Expected 3, got 4", "dtheta = dJ/dtheta is x")),
    # gradient_check
    "gc-absolute-difference": Bug("gradient_check", (_in("gradient_check", (
        "    difference = numerator / denominator\n", "    difference = numerator\n")),), (
        "x = 10000, theta = 0.5", "gradient_check(10000.0, 0.5, print_msg=True) is 2.51", "grew with the scale of x",
        "divide it by ||grad|| + ||gradapprox||")),
    "gc-epsilon-not-doubled": Bug("gradient_check", (("gradapprox = (J_plus - J_minus) / (2 * epsilon)",
                                                      "gradapprox = (J_plus - J_minus) / epsilon"),), (
        "gradient_check(3, 4, print_msg=True) is 0.333333", "expected between 0 and 2e-7",
        "divide J_plus - J_minus by 2 * epsilon")),
    "gc-gradapprox-sign-flipped": Bug("gradient_check", (("gradapprox = (J_plus - J_minus) / (2 * epsilon)",
                                                          "gradapprox = (J_minus - J_plus) / (2 * epsilon)"),), (
        "gradient_check(3, 4, print_msg=True) is 1;",)),
    "gc-verdict-reversed": Bug("gradient_check", (_in("gradient_check", _VERDICT),), (
        "printed 'There is a mistake in the backward propagation! difference = 7.81", "it says there is a mistake",
        "below the threshold 2e-7, so the backward pass works", "`if difference > 2e-7:`")),
    "gc-prints-nothing": Bug("gradient_check", (_in("gradient_check", (
        "    if print_msg:\n", "    if print_msg and False:\n")),), (
        "gradient_check(3, 4, print_msg=True) printed ''", "does not say whether the backward pass has a mistake",
        "There is a mistake in the backward propagation!")),
    # gradient_check_n
    "gcn-absolute-difference": Bug("gradient_check_n", (_in("gradient_check_n", (
        "    difference = numerator / denominator\n", "    difference = numerator\n")),), (
        "the classic's two bugs: dW2 doubled, db1 four times too large (m = 3) is wrong", "Expected 0.285881",
        "your difference is ||grad - gradapprox|| alone")),
    "gcn-epsilon-not-doubled": Bug("gradient_check_n", (("gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)",
                                                         "gradapprox[i] = (J_plus[i] - J_minus[i]) / epsilon"),), (
        "Expected 0.285881, got 0.293283", "a gradapprox twice the derivative", "2 * epsilon")),
    "gcn-copy-missing": Bug("gradient_check_n", (("theta_plus = np.copy(parameters_values)",
                                                  "theta_plus = parameters_values"),
                                                 ("theta_minus = np.copy(parameters_values)",
                                                  "theta_minus = parameters_values")), (
        "Expected 0.285881, got 0.516354", "a gradapprox half the derivative", "np.copy")),
    "gcn-gradapprox-sign-flipped": Bug("gradient_check_n", (
        ("gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)",
         "gradapprox[i] = (J_minus[i] - J_plus[i]) / (2 * epsilon)"),), (
        "a gradapprox of the wrong sign",)),
    "gcn-verdict-reversed": Bug("gradient_check_n", (_in("gradient_check_n", _VERDICT),), (
        "it says the backward pass works, but the difference is 0.286, above the threshold 2e-7",)),
    # A threshold far too loose passes the classic's bugs but not a gradient 0.01 % off.
    "gcn-threshold-1e-3 (shows on a small error)": Bug("gradient_check_n", (_in("gradient_check_n", (
        "        if difference > 2e-7:\n", "        if difference > 1e-3:\n")),), (
        "dW1 0.01 % too large", "it says the backward pass works")),
    "gcn-epsilon-ignored": Bug("gradient_check_n", (_in("gradient_check_n", (
        "    for i in range(num_parameters):\n", "    epsilon = 1e-7\n    for i in range(num_parameters):\n")),), (
        "with epsilon = 0.01 (m = 4)", "use the argument epsilon")),
    # The difference is the function's own result, which the notebook asks for as a number.
    "gcn-difference-as-an-array": Bug("gradient_check_n", (_in("gradient_check_n", (
        "    numerator = np.linalg.norm(grad - gradapprox)\n",
        "    numerator = np.linalg.norm(grad - gradapprox, axis=0)\n")),), (
        "is an array of shape (1,); expected a number",)),
}


# -- correct, but written differently -------------------------------------------------------

def sums_and_copies(source: str) -> str:
    """Norms as square roots of sums of squares (abs in one dimension), copies with
    ``.copy()``, ``0.5 * (...) / epsilon``, f-string messages in the classic's colours."""
    source = rewrite(source, "gradient_check", """
        gradapprox = 0.5 * (forward_propagation(x, theta + epsilon) - forward_propagation(x, theta - epsilon)) / epsilon
        grad = backward_propagation(x, theta)
        difference = abs(grad - gradapprox) / (abs(grad) + abs(gradapprox))
        if print_msg:
            if difference > 2e-7:
                print(f"\\033[93mThere is a mistake in the backward propagation! difference = {difference}\\033[0m")
            else:
                print(f"\\033[92mYour backward propagation works perfectly fine! difference = {difference}\\033[0m")
    """)
    return rewrite(source, "gradient_check_n", """
        for i in range(num_parameters):
            theta_plus = parameters_values.copy()
            theta_plus[i][0] += epsilon
            J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))
            theta_minus = parameters_values.copy()
            theta_minus[i][0] -= epsilon
            J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))
        gradapprox = 0.5 * (J_plus - J_minus) / epsilon
        numerator = np.sqrt(np.sum((grad - gradapprox) ** 2))
        difference = numerator / (np.sqrt(np.sum(grad ** 2)) + np.sqrt(np.sum(gradapprox ** 2)))
        if print_msg:
            verdict = "There is a mistake in the backward propagation!" if difference > 2e-7 else \\
                "Your backward propagation works perfectly fine!"
            print(f"{verdict} difference = {difference}")
    """)


def vectorised(source: str) -> str:
    """Every shifted vector at once (columns of ``theta + epsilon * I``), costs by a list
    comprehension, ``x * theta`` and a float ``dtheta``."""
    source = rewrite(source, "forward_propagation", "J = x * theta")
    source = rewrite(source, "backward_propagation", "dtheta = 1.0 * x")
    return rewrite(source, "gradient_check_n", """
        shifts = epsilon * np.eye(num_parameters)
        J_plus = np.array([[forward_propagation_n(X, Y, vector_to_dictionary(parameters_values + shifts[:, [i]]))[0]]
                           for i in range(num_parameters)])
        J_minus = np.array([[forward_propagation_n(X, Y, vector_to_dictionary(parameters_values - shifts[:, [i]]))[0]]
                            for i in range(num_parameters)])
        gradapprox = (J_plus - J_minus) / (2 * epsilon)
        difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))
        if print_msg:
            print(("There is a mistake in the backward propagation! " if difference > 2e-7 else
                   "Your backward propagation works perfectly fine! ") + "difference = " + str(difference))
    """)


def in_place_and_restored(source: str) -> str:
    """Each entry of the parameters' own arrays moved in place and put back (no vectors),
    the gradients read from the dict in the same order."""
    return replace_function(source, "gradient_check_n", """
        def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
            approx, exact = [], []
            for key in ("W1", "b1", "W2", "b2", "W3", "b3"):
                for index in np.ndindex(parameters[key].shape):
                    kept = parameters[key][index]
                    parameters[key][index] = kept + epsilon
                    J_plus, _ = forward_propagation_n(X, Y, parameters)
                    parameters[key][index] = kept - epsilon
                    J_minus, _ = forward_propagation_n(X, Y, parameters)
                    parameters[key][index] = kept
                    approx.append((J_plus - J_minus) / (2 * epsilon))
                    exact.append(gradients["d" + key][index])
            approx, exact = np.array(approx), np.array(exact)
            difference = np.linalg.norm(exact - approx) / (np.linalg.norm(exact) + np.linalg.norm(approx))
            if print_msg:
                if difference > 2e-7:
                    print("There is a mistake in the backward propagation! difference = " + str(difference))
                else:
                    print("Your backward propagation works perfectly fine! difference = " + str(difference))
            return difference
    """)


def classic_before_2021(source: str) -> str:
    """The classic notebook's signatures before 2021: no print_msg, a message always
    printed ("The gradient is correct!" / "wrong", threshold 1e-7, in one dimension)."""
    source = replace_function(source, "gradient_check", """
        def gradient_check(x, theta, epsilon=1e-7):
            thetaplus = theta + epsilon
            thetaminus = theta - epsilon
            J_plus = forward_propagation(x, thetaplus)
            J_minus = forward_propagation(x, thetaminus)
            gradapprox = (J_plus - J_minus) / (2 * epsilon)
            grad = backward_propagation(x, theta)
            numerator = np.linalg.norm(grad - gradapprox)
            denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
            difference = numerator / denominator
            if difference < 1e-7:
                print("The gradient is correct!")
            else:
                print("The gradient is wrong!")
            return difference
    """)
    source = mutate(source, "def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):",
                    "def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7):")
    region, always_printing = _in("gradient_check_n", ("    if print_msg:\n", "    if True:\n"))
    return mutate(source, region, always_printing)


def own_forward_n_and_fixed_backward(source: str) -> str:
    """The learner fixed backward_propagation_n's bugs (not graded) and changed their copy
    of forward_propagation_n (a cost without the 1/m): gradient_check_n is graded with the
    grader's forward pass, so neither changes a point."""
    source = mutate(source, "dW2 = 1.0 / m * np.dot(dZ2, A1.T) * 2", "dW2 = 1.0 / m * np.dot(dZ2, A1.T)")
    source = mutate(source, "db1 = 4.0 / m * np.sum(dZ1, axis=1, keepdims=True)",
                    "db1 = 1.0 / m * np.sum(dZ1, axis=1, keepdims=True)")
    return mutate(source, "cost = 1.0 / m * np.sum(log_probs)", "cost = np.sum(log_probs)")


GC_VARIANTS = {"sums-and-copies": sums_and_copies, "vectorised": vectorised,
               "in-place-and-restored": in_place_and_restored, "classic-before-2021": classic_before_2021,
               "own-forward-n-and-fixed-backward": own_forward_n_and_fixed_backward}


GC_CORPUS = Corpus(GC, {
    "solution": Case(unchanged),
    **bugs(GC_BUGS),
    # A wrong backward_propagation: gradient_check (which calls it) keeps its points, its
    # verdict saying it was graded with a correct backward_propagation.
    "backward-returns-theta": bug(GC_BUGS["backward-returns-theta"], says={
        "gradient_check": ("graded with correct versions of forward_propagation, backward_propagation",)}),
    **{name: Case(variant) for name, variant in GC_VARIANTS.items()},
    # The course's earlier signatures are graded the old way, with their points and a note.
    "classic-before-2021": Case(classic_before_2021, says={
        "gradient_check": ("earlier signature gradient_check(x, theta, epsilon)",),
        "gradient_check_n": ("earlier signature gradient_check_n(parameters, gradients, X, Y, epsilon)",)}),
})


class TestGradientCheckingBugs(CorpusTests):
    corpus = GC_CORPUS


@pytest.mark.parametrize("name, fragment", [
    ("gc-absolute-difference", "||grad|| + ||gradapprox||로 나누세요"),
    ("gcn-copy-missing", "복사본(np.copy)"),
    ("gc-verdict-reversed", "2e-7보다 큰 차이가 실수입니다"),
], ids=["absolute", "copy", "verdict"])
def test_gradient_checking_korean_message_carries_the_same_hint(name, fragment):
    """Is the failing function's verdict in Korean too, with the hint that fits the bug?"""
    verdict = next(t for t in GC_CORPUS.report(name).tests if not t.passed)
    assert fragment in verdict.message.ko, verdict.message.ko

# == end of week5/gradient_checking ==========================================================


# == week5/regularization ====================================================================

REG = specs.get("week5/regularization")
REG_SOLUTION = (ROOT / REG.solution).read_text()

_L2_TERM = ("    L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + "
            "np.sum(np.square(W3)))\n")

REG_BUGS = {
    # compute_cost_with_regularization
    "l2-cost-without-1-over-m": Bug("compute_cost_with_regularization", ((_L2_TERM, _L2_TERM.replace(
        "lambd / (2 * m)", "lambd / 2")),), (
        "compute_cost_with_regularization(A3, Y, parameters, lambd=0.1) (m = 5)", "the L2 term is m times too large")),
    "l2-cost-lambd-over-m": Bug("compute_cost_with_regularization", ((_L2_TERM, _L2_TERM.replace(
        "lambd / (2 * m)", "lambd / m")),), ("the L2 term is twice too large", "not lambd / m")),
    "l2-cost-biases-penalized": Bug("compute_cost_with_regularization", ((_L2_TERM, _L2_TERM.replace(
        "np.sum(np.square(W3))", "np.sum(np.square(W3)) + sum(np.sum(np.square(parameters['b' + str(l)])) "
        "for l in (1, 2, 3))")),), ("the biases are penalized too",)),
    # backward_propagation_with_regularization
    "l2-dw-without-its-term": Bug("backward_propagation_with_regularization", ((
        "    dW2 = 1.0 / m * np.dot(dZ2, A1.T) + lambd / m * W2\n", "    dW2 = 1.0 / m * np.dot(dZ2, A1.T)\n"),), (
        "dW2 of backward_propagation_with_regularization(X, Y, cache, lambd=0.7) (m = 5)",
        "dW2 lacks the L2 term's gradient: add lambd / m * W2")),
    "l2-dw-lambd-not-over-m": Bug("backward_propagation_with_regularization", ((
        "    dW1 = 1.0 / m * np.dot(dZ1, X.T) + lambd / m * W1\n", "    dW1 = 1.0 / m * np.dot(dZ1, X.T) + lambd * W1\n"),),
        ("dW1 of backward_propagation_with_regularization", "dW1's L2 term is m times too large")),
    "l2-dw-half-term": Bug("backward_propagation_with_regularization", ((
        "    dW3 = 1.0 / m * np.dot(dZ3, A2.T) + lambd / m * W3\n",
        "    dW3 = 1.0 / m * np.dot(dZ3, A2.T) + lambd / (2 * m) * W3\n"),), ("dW3's L2 term is half",)),
    # forward_propagation_with_dropout
    "dropout-not-scaled": Bug("forward_propagation_with_dropout", (
        ("    A1 = A1 / keep_prob\n", ""), ("    A2 = A2 / keep_prob\n", "")), (
        "A1 of forward_propagation_with_dropout(X, parameters, keep_prob=0.7) (m = 5)",
        "A1 is relu(Z1) * D1, not divided by keep_prob")),
    "dropout-on-the-output": Bug("forward_propagation_with_dropout", ((
        "    A3 = sigmoid(Z3)\n    cache = (Z1, D1,",
        "    A3 = sigmoid(Z3)\n    D3 = (np.random.rand(1, A3.shape[1]) < keep_prob).astype(int)\n"
        "    A3 = A3 * D3 / keep_prob\n    cache = (Z1, D1,"),), ("A3 of forward_propagation_with_dropout",
                                                            "A3 = sigmoid(Z3): the output layer is never dropped")),
    "dropout-on-the-input": Bug("forward_propagation_with_dropout", ((
        "    Z1 = np.dot(W1, X) + b1\n    A1 = relu(Z1)\n    ### BEGIN SOLUTION\n",
        "    X = X * (np.random.rand(*X.shape) < keep_prob) / keep_prob\n"
        "    Z1 = np.dot(W1, X) + b1\n    A1 = relu(Z1)\n    ### BEGIN SOLUTION\n"),), (
        "Z1 of forward_propagation_with_dropout", "dropout never touches the input X")),
    "dropout-keeps-the-wrong-side": Bug("forward_propagation_with_dropout", (
        ("    D1 = (D1 < keep_prob).astype(int)\n", "    D1 = (D1 > keep_prob).astype(int)\n"),
        ("    D2 = (D2 < keep_prob).astype(int)\n", "    D2 = (D2 > keep_prob).astype(int)\n")), (
        "D1 of forward_propagation_with_dropout(X, parameters, keep_prob=0.8)", "keeps 19.89% of the units",
        "expected 80% within 1.0%", "that is 1 - keep_prob")),
    "dropout-one-draw-per-unit": Bug("forward_propagation_with_dropout", ((
        "    D1 = np.random.rand(A1.shape[0], A1.shape[1])\n", "    D1 = np.random.rand(A1.shape[0], 1)\n"),), (
        "D1 in the cache of forward_propagation_with_dropout(X, parameters, keep_prob=0.7) (m = 5) has shape (2, 1); "
        "expected (2, 5)",)),
    "dropout-uniform-numbers-cached": Bug("forward_propagation_with_dropout", ((
        "    D1 = (D1 < keep_prob).astype(int)\n    A1 = A1 * D1\n",
        "    A1 = A1 * (D1 < keep_prob)\n"),), ("D1 in the cache", "holds values other than 0 and 1")),
    # backward_propagation_with_dropout
    "dropout-backward-not-scaled": Bug("backward_propagation_with_dropout", (
        ("    dA2 = dA2 / keep_prob\n", ""), ("    dA1 = dA1 / keep_prob\n", "")), (
        "dW1 of backward_propagation_with_dropout(X, Y, cache, keep_prob=0.8) (m = 5)",
        "without dividing dA1 and dA2 by keep_prob")),
    # Without the masks, the ReLU derivative taken from Z lets the gradient through the dropped units.
    "dropout-backward-mask-not-applied": Bug("backward_propagation_with_dropout", (
        ("    dA2 = dA2 * D2\n", ""), ("    dA1 = dA1 * D1\n", ""),
        ("    dZ2 = np.multiply(dA2, np.int64(A2 > 0))\n    dW2 = 1.0 / m * np.dot(dZ2, A1.T)\n    db2",
         "    dZ2 = np.multiply(dA2, np.int64(Z2 > 0))\n    dW2 = 1.0 / m * np.dot(dZ2, A1.T)\n    db2"),
        ("    dZ1 = np.multiply(dA1, np.int64(A1 > 0))\n    dW1 = 1.0 / m * np.dot(dZ1, X.T)\n    db1",
         "    dZ1 = np.multiply(dA1, np.int64(Z1 > 0))\n    dW1 = 1.0 / m * np.dot(dZ1, X.T)\n    db1")), (
        "backward_propagation_with_dropout(X, Y, cache, keep_prob=0.8) (m = 5)",
        "lets the gradient through the units that dropout shut down")),
}


def reg_other_draws(source: str) -> str:
    """Another generator and draw order, <= for <, boolean masks and np.where: a valid dropout
    draws other numbers, keeps every point."""
    source = mutate(source, "    np.random.seed(1)\n", "    rng = np.random.default_rng(7)\n")
    source = mutate(source, "    Z1 = np.dot(W1, X) + b1\n    A1 = relu(Z1)\n    ### BEGIN SOLUTION\n",
                    "    D2 = rng.random((W2.shape[0], X.shape[1])) <= keep_prob  # drawn first\n"
                    "    Z1 = np.dot(W1, X) + b1\n    A1 = relu(Z1)\n    ### BEGIN SOLUTION\n")
    source = mutate(source, "    D1 = np.random.rand(A1.shape[0], A1.shape[1])\n    D1 = (D1 < keep_prob).astype(int)\n"
                    "    A1 = A1 * D1\n    A1 = A1 / keep_prob\n",
                    "    D1 = rng.random(A1.shape) <= keep_prob\n    A1 = np.where(D1, A1 / keep_prob, 0.0)\n")
    return mutate(source, "    D2 = np.random.rand(A2.shape[0], A2.shape[1])\n    D2 = (D2 < keep_prob).astype(int)\n"
                  "    A2 = A2 * D2\n    A2 = A2 / keep_prob\n", "    A2 = A2 * D2 / keep_prob\n")


def reg_masks_through_relu(source: str) -> str:
    """The backward pass without `dA * D`: the ReLU derivative of the cached A (0 where a unit
    was dropped) applies the mask already, so the gradients are the same."""
    return mutate(mutate(source, "    dA2 = dA2 * D2\n", ""), "    dA1 = dA1 * D1\n", "")


def reg_imports_the_whole_classic_module(source: str) -> str:
    """An import of every name of the classic reg_utils (load_planar_dataset among them):
    the stand-in has them all, so relu and sigmoid still arrive."""
    return mutate(source, "    predict_dec,\n", "    predict_dec,\n    load_planar_dataset,\n")


def reg_norms_and_loops(source: str) -> str:
    """The L2 term by norms over a loop, and the backward pass's term written lambd * W / m."""
    source = mutate(source, _L2_TERM, "    L2_regularization_cost = 0\n    for W in (W1, W2, W3):\n"
                    "        L2_regularization_cost += np.linalg.norm(W) ** 2\n"
                    "    L2_regularization_cost *= lambd / 2 / m\n")
    for k, prev in ((1, "X"), (2, "A1"), (3, "A2")):
        source = mutate(source, f"    dW{k} = 1.0 / m * np.dot(dZ{k}, {prev}.T) + lambd / m * W{k}\n",
                        f"    dW{k} = (dZ{k} @ {prev}.T + lambd * W{k}) / m\n")
    return source


REG_VARIANTS = {"other-draws": reg_other_draws, "masks-through-relu": reg_masks_through_relu,
                "norms-and-loops": reg_norms_and_loops, "whole-classic-module": reg_imports_the_whole_classic_module}

REG_CORPUS = Corpus(REG, {
    "solution": Case(unchanged),
    **bugs(REG_BUGS),
    **{name: Case(variant) for name, variant in REG_VARIANTS.items()},
})


class TestRegularizationBugs(CorpusTests):
    corpus = REG_CORPUS


@pytest.mark.parametrize("name, fragment", [
    ("l2-cost-without-1-over-m", "L2 항이 m배 큽니다"),
    ("dropout-not-scaled", "keep_prob로 나누어야 (역 드롭아웃)"),
    ("dropout-backward-mask-not-applied", "드롭아웃이 끈 유닛으로도"),
], ids=["l2", "scaling", "mask"])
def test_regularization_korean_message_carries_the_same_hint(name, fragment):
    """Is the failing function's verdict in Korean too, with the hint that fits the bug?"""
    verdict = next(t for t in REG_CORPUS.report(name).tests if not t.passed)
    assert fragment in verdict.message.ko, verdict.message.ko

# == end of week5/regularization =============================================================
