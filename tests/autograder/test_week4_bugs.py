"""Realistic week-4 bugs, each a small source edit of the solution: does the grader take
exactly the buggy function's points, with a message that names the mistake, and keep full
marks for correct code written differently?

Step-by-step submissions are graded with the full spec. Each application submission is
graded, with the full spec too, beside the solution's step-by-step notebook, as a learner
hands in both: the correct ones also train on the cat pictures, step for step the
reference's (a bug fails a small check first, and the training is then not run).
(``tests/support/corpus.py`` says how.)
"""

from __future__ import annotations

import textwrap

import pytest
from corpus import Case, Corpus, CorpusTests, bug, bugs, unchanged
from source_edits import BACKWARD_BEFORE_V5, Bug, in_region, mutate, rewrite

from autograder import ROOT, specs

#: The correct applications train on the cat pictures.
pytestmark = [pytest.mark.grading, pytest.mark.real_data]

STEP = specs.get("week4/deep_network_step_by_step")
APP = specs.get("week4/deep_network_application")
STEP_SOLUTION = (ROOT / STEP.solution).read_text()
APP_SOLUTION = (ROOT / APP.solution).read_text()


STEP_BUGS = {
    # initialization
    "init-random-biases": Bug("initialize_parameters", (("    b1 = np.zeros((n_h, 1))\n", "    b1 = np.random.randn(n_h, 1) * 0.01\n"),), (
        "b1 differs", "biases start at zero")),
    "init-unscaled": Bug("initialize_parameters", (("    W1 = np.random.randn(n_h, n_x) * 0.01\n",
                                                    "    W1 = np.random.randn(n_h, n_x)\n"),), (
        "W1 has entries as large as", "np.random.randn(...) * 0.01")),
    "init-rand-not-randn": Bug("initialize_parameters", (("    W2 = np.random.randn(n_y, n_h) * 0.01\n",
                                                          "    W2 = np.random.rand(n_y, n_h) * 0.01\n"),), (
        "every entry of W2 is positive", "not np.random.rand")),
    "init-swapped-shape": Bug("initialize_parameters", (("    W1 = np.random.randn(n_h, n_x) * 0.01\n",
                                                         "    W1 = np.random.randn(n_x, n_h) * 0.01\n"),), (
        "W1 has shape (3, 2); expected (2, 3) = (n_h, n_x)", "swap the dimensions")),
    "deep-range(1, L)": Bug("initialize_parameters_deep", (
        ("    for l in range(1, L + 1):\n        parameters[\"W\" + str(l)] = np.random",
         "    for l in range(1, L):\n        parameters[\"W\" + str(l)] = np.random"),), (
        "has the keys ['W1', 'b1']", "expected exactly ['W1', 'b1', 'W2', 'b2']", "range(1, L + 1)")),
    "deep-seed-per-layer": Bug("initialize_parameters_deep", (
        ("    for l in range(1, L + 1):\n        parameters[\"W\" + str(l)] = np.random",
         "    for l in range(1, L + 1):\n        np.random.seed(1)\n        parameters[\"W\" + str(l)] = np.random"),), (
        "W2 repeats the random numbers of W1", "set the seed at most once")),
    "deep-sqrt-of-n_l": Bug("initialize_parameters_deep", (("/ np.sqrt(layer_dims[l - 1])", "/ np.sqrt(layer_dims[l])"),), (
        "W1 has standard deviation 0.0576", "expected 0.05")),
    # forward
    "linear-forward-no-b": Bug("linear_forward", (("    Z = np.dot(W, A) + b\n", "    Z = np.dot(W, A)\n"),), (
        "Z differs", "b is missing")),
    "linear-forward-cache-order": Bug("linear_forward", (("    cache = (A, W, b)\n", "    cache = (W, A, b)\n"),), (
        "cache holds (W, A_prev, b) (reordered); expected (A_prev, W, b)",)),
    "linear-forward-cache-without-b": Bug("linear_forward", (("    cache = (A, W, b)\n", "    cache = (A, W)\n"),), (
        "cache holds (A_prev, W) (b missing)",)),
    "activation-swapped": Bug("linear_activation_forward", (("        A, activation_cache = sigmoid(Z)\n    elif",
                                                             "        A, activation_cache = relu(Z)\n    elif"),), (
        "A differs", "this is the other activation")),
    "activation-cache-is-A": Bug("linear_activation_forward", (("        A, activation_cache = relu(Z)\n",
                                                                "        A, _ = relu(Z)\n        activation_cache = A\n"),), (
        "activation_cache is Z",)),
    "layer-cache-swapped": Bug("linear_activation_forward", (("    cache = (linear_cache, activation_cache)\n",
                                                              "    cache = (activation_cache, linear_cache)\n"),), (
        "cache holds (activation_cache, linear_cache)",)),
    "forward-last-layer-relu": Bug("L_model_forward", (('parameters["b" + str(L)], "sigmoid")', 'parameters["b" + str(L)], "relu")'),), (
        "AL differs", "the last layer went through relu")),
    "forward-range(L)": Bug("L_model_forward", (("    for l in range(1, L):\n        A_prev = A\n",
                                                 "    for l in range(L - 1):\n        A_prev = A\n"),), (
        "raised KeyError 'W0'", "range(1, L)")),
    "forward-reuses-X (3+ layers)": Bug("L_model_forward", (("        A_prev = A\n", "        A_prev = X\n"),), (
        "four-layer network", "raised ValueError")),
    "forward-forgets-last-cache": Bug("L_model_forward", (('"sigmoid")\n    caches.append(cache)\n', '"sigmoid")\n'),), (
        "expected a list of L = 2 caches", "the last layer's too")),
    # cost
    "cost-log10": Bug("compute_cost", (("Y * np.log(AL) + (1 - Y) * np.log(1 - AL)", "Y * np.log10(AL) + (1 - Y) * np.log10(1 - AL)"),), (
        "cost is wrong", "use np.log, not np.log10")),
    "cost-without-1/m": Bug("compute_cost", (("np.log(1 - AL)) / m", "np.log(1 - AL))"),), ("m = 3 times too large",)),
    "cost-sign": Bug("compute_cost", (("cost = -np.sum(", "cost = np.sum("),), ("the sign is flipped",)),
    "cost-not-squeezed": Bug("compute_cost", ((
        "    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m\n    cost = float(np.squeeze(cost))\n",
        "    cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m\n"),), (
        "cost is an array of shape (1, 1); expected a number",)),
    # backward
    "db-without-axis": Bug("linear_backward", (("db = np.sum(dZ, axis=1, keepdims=True) / m", "db = np.sum(dZ) / m"),), (
        "db is a numpy float64", "np.sum(dZ, axis=1, keepdims=True) / m")),
    "db-without-keepdims": Bug("linear_backward", (("db = np.sum(dZ, axis=1, keepdims=True) / m", "db = np.sum(dZ, axis=1) / m"),), (
        "db has shape (3,); expected (3, 1)", "keepdims=True")),
    "dW-without-1/m": Bug("linear_backward", (("dW = np.dot(dZ, A_prev.T) / m", "dW = np.dot(dZ, A_prev.T)"),), (
        "dW differs", "m = 4 times too large")),
    "dA_prev-with-1/m": Bug("linear_backward", (("dA_prev = np.dot(W.T, dZ)", "dA_prev = np.dot(W.T, dZ) / m"),), (
        "dA_prev differs", "dA_prev has no 1/m")),
    "dW-transposed": Bug("linear_backward", (("dW = np.dot(dZ, A_prev.T) / m", "dW = np.dot(A_prev, dZ.T) / m"),), (
        "dW has shape (5, 3); expected (3, 5)", "swap the dimensions")),
    "relu-derivative-without-dA": Bug("linear_activation_backward", (("        dZ = relu_backward(dA, activation_cache)\n",
                                                                      "        dZ = (activation_cache > 0).astype(float)\n"),), (
        "dW differs", "multiply it by dA")),
    "backward-wrong-cache": Bug("linear_activation_backward", (("        dZ = relu_backward(dA, activation_cache)\n",
                                                                "        dZ = relu_backward(dA, linear_cache)\n"),), (
        "raised TypeError", "relu_backward and sigmoid_backward take activation_cache (Z)")),
    "backward-activations-swapped": Bug("linear_activation_backward", (
        ("        dZ = relu_backward(dA, activation_cache)\n", "        dZ = sigmoid_backward(dA, activation_cache)\n"),), (
        "this is the other activation's derivative",)),
    "dAL-sign": Bug("L_model_backward", (("dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))",
                                          "dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)"),), (
        "grads['dW2'] differs", "mind the minus sign")),
    "backward-last-layer-relu": Bug("L_model_backward", (("dAL, caches[L - 1], \"sigmoid\")", "dAL, caches[L - 1], \"relu\")"),), (
        "the last layer went back through relu",)),
    "backward-reuses-dA[L-1] (3+ layers)": Bug("L_model_backward", (
        ('linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")',
         'linear_activation_backward(grads["dA" + str(L - 1)], caches[l - 1], "relu")'),), (
        "three-layer network of unequal widths",)),
    "backward-misses-layer-1": Bug("L_model_backward", (("    for l in reversed(range(1, L)):", "    for l in reversed(range(2, L)):"),), (
        "grads has no key 'dW1'",)),
    # update
    "update-in-place": Bug("update_parameters", (("    parameters = copy.deepcopy(params)\n", "    parameters = params\n"),), (
        "the values are right, but the params it was given changed too", "copy.deepcopy(params)")),
    "update-in-place-minus-equals": Bug("update_parameters", (
        ('        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]',
         '        params["W" + str(l)] -= learning_rate * grads["dW" + str(l)]\n'
         '        parameters["W" + str(l)] = params["W" + str(l)]'),), ("params it was given changed too (W1, W2)",)),
    "update-plus": Bug("update_parameters", (('parameters["W" + str(l)] - learning_rate', 'parameters["W" + str(l)] + learning_rate'),), (
        "you stepped up the gradient",)),
    "update-skips-last-layer": Bug("update_parameters", (("    for l in range(1, L + 1):\n        parameters[\"W\" + str(l)] = parameters",
                                                          "    for l in range(1, L):\n        parameters[\"W\" + str(l)] = parameters"),), (
        "W2 did not change", "range(1, L + 1)")),
}

APP_BUGS = {
    "two-layer-lr-default": Bug("two_layer_model", (("def two_layer_model(X, Y, layers_dims, learning_rate=0.0075,",
                                                     "def two_layer_model(X, Y, layers_dims, learning_rate=0.01,"),), (
        "the default learning_rate", "keep the default learning_rate=0.0075")),
    "two-layer-costs-every-iteration": Bug("two_layer_model", (in_region(APP_SOLUTION, "two_layer_model", (
        "        if i % 100 == 0:\n            costs.append(cost)\n", "        costs.append(cost)\n")),), (
        "costs is a list of length 150; expected a list of 2 costs", "i % 100 == 0")),
    "two-layer-dA2-sign": Bug("two_layer_model", (("dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))",
                                                   "dA2 = np.divide(Y, A2) - np.divide(1 - Y, 1 - A2)"),), (
        "parameters['W1'] contains nan",)),
    "two-layer-activations-swapped": Bug("two_layer_model", (('A1, cache1 = linear_activation_forward(X, W1, b1, "relu")',
                                                              'A1, cache1 = linear_activation_forward(X, W1, b1, "sigmoid")'),), (
        "differs after training",)),
    "predict-no-threshold": Bug("predict", (("    p = (AL > 0.5).astype(float)\n", "    p = AL\n"),), ("predict(X, y, parameters)",)),
    "predict-flat": Bug("predict", (("    p = (AL > 0.5).astype(float)\n", "    p = (AL > 0.5).astype(float).ravel()\n"),), (
        "has shape (7,); expected (1, 7)",)),
    "L-layer-parameters-not-kept": Bug("L_layer_model", (in_region(APP_SOLUTION, "L_layer_model", (
        "        parameters = update_parameters(", "        update_parameters(")),), ("differs after training",)),
    "L-layer-skips-last-iterations": Bug("L_layer_model", (("    for i in range(num_iterations):\n        AL, caches",
                                                            "    for i in range(num_iterations - 1):\n        AL, caches"),), (
        "differs after training",)),
}


# -- correct, but written differently -------------------------------------------------------

def loops_and_lists(source: str) -> str:
    """Explicit loops for Z, dW and db; caches as lists; a dict built anew in update."""
    source = rewrite(source, "linear_forward", """
        Z = np.zeros((W.shape[0], A.shape[1]))
        for i in range(W.shape[0]):
            for j in range(A.shape[1]):
                Z[i, j] = sum(W[i, k] * A[k, j] for k in range(W.shape[1])) + b[i, 0]
    """)
    source = mutate(source, "    cache = (A, W, b)\n", "    cache = [A, W, b]\n")
    source = mutate(source, "    cache = (linear_cache, activation_cache)\n", "    cache = [linear_cache, activation_cache]\n")
    source = rewrite(source, "linear_backward", """
        dW = np.zeros(W.shape)
        db = np.zeros(b.shape)
        for i in range(m):
            dW += np.outer(dZ[:, i], A_prev[:, i]) / m
            db[:, 0] += dZ[:, i] / m
        dA_prev = W.T.dot(dZ)
    """)
    return rewrite(source, "update_parameters", """
        parameters = {key: value - learning_rate * grads["d" + key] for key, value in params.items()}
    """)


def operators_and_rng_order(source: str) -> str:
    """``@`` and einsum; random numbers drawn in another order (last layer first, all
    weights before the biases); the cost with np.mean and np.dot; dAL from a helper
    expression; layers walked with a while loop."""
    source = rewrite(source, "initialize_parameters", """
        W2 = np.random.randn(n_y, n_h) * 0.01
        W1 = np.random.randn(n_h, n_x) * 0.01
        b2, b1 = np.zeros((n_y, 1)), np.zeros((n_h, 1))
    """)
    source = rewrite(source, "initialize_parameters_deep", """
        for l in range(L, 0, -1):
            parameters[f"W{l}"] = np.random.standard_normal((layer_dims[l], layer_dims[l - 1])) * layer_dims[l - 1] ** -0.5
        for l in range(1, L + 1):
            parameters[f"b{l}"] = np.zeros(shape=(layer_dims[l], 1))
    """)
    source = rewrite(source, "linear_forward", "Z = np.einsum('ij,jk->ik', W, A) + b")
    source = rewrite(source, "L_model_forward", """
        l = 1
        while l < L:
            A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], activation="relu")
            caches += [cache]
            l += 1
        AL, cache = linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], activation="sigmoid")
        caches += [cache]
    """)
    source = rewrite(source, "compute_cost", """
        cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
        cost = np.squeeze(cost)
    """)
    source = rewrite(source, "linear_backward", """
        dW = dZ @ A_prev.T / m
        db = dZ.mean(axis=1, keepdims=True)
        dA_prev = W.T @ dZ
    """)
    return rewrite(source, "L_model_backward", """
        dAL = (1 - Y) / (1 - AL) - Y / AL
        current = dAL
        for l in range(L, 0, -1):
            activation = "sigmoid" if l == L else "relu"
            current, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(current, caches[l - 1], activation)
            grads[f"dA{l - 1}"] = current
    """)


def classic_idioms(source: str) -> str:
    """The classic course's idioms: ``L = len(layer_dims)`` with ``range(1, L)``, the 0.01
    scale in the deep initialization (its earlier convention, accepted with a note),
    ``current_cache = caches[l]`` with ``reversed(range(L-1))``, and update_parameters with
    the earlier signature (parameters, grads, learning_rate) updating in place."""
    source = rewrite(source, "initialize_parameters_deep", """
        for l in range(1, len(layer_dims)):
            parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l-1]) * 0.01
            parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    """)
    source = rewrite(source, "L_model_backward", """
        dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
        current_cache = caches[L - 1]
        grads["dA" + str(L-1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(
            dAL, current_cache, "sigmoid")
        for l in reversed(range(L-1)):
            current_cache = caches[l]
            dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
            grads["dA" + str(l)] = dA_prev_temp
            grads["dW" + str(l + 1)] = dW_temp
            grads["db" + str(l + 1)] = db_temp
    """)
    start = source.index("def update_parameters(")
    end = source.index("# %%", start)
    return source[:start] + textwrap.dedent('''\
        def update_parameters(parameters, grads, learning_rate):
            L = len(parameters) // 2
            for l in range(L):
                parameters["W" + str(l+1)] = parameters["W" + str(l+1)] - learning_rate * grads["dW" + str(l+1)]
                parameters["b" + str(l+1)] = parameters["b" + str(l+1)] - learning_rate * grads["db" + str(l+1)]
            return parameters

        ''') + source[end:]


def grads_keys_before_v5(source: str) -> str:
    """L_model_backward as the course wrote it before version 5: layer l's dA_prev under
    "dA" + str(l) (dA1 to dAL, no dA0), accepted with a note."""
    return rewrite(source, "L_model_backward", BACKWARD_BEFORE_V5)


STEP_VARIANTS = {"loops-and-lists": loops_and_lists, "operators-and-rng-order": operators_and_rng_order,
                 "classic-idioms": classic_idioms, "grads-keys-before-v5": grads_keys_before_v5}


def app_variant(source: str) -> str:
    """A model loop written another way (parameters unpacked into W1..b2 and a grads dict
    built at the end of each step), predict with np.where, and predict(parameters, X), the
    course's week-3 signature."""
    source = rewrite(source, "two_layer_model", """
        parameters = initialize_parameters(n_x, n_h, n_y)  # noqa: F405
        for i in range(0, num_iterations):
            A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], activation="relu")  # noqa: F405
            A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], activation="sigmoid")  # noqa: F405
            if i % 100 == 0:
                costs.append(compute_cost(A2, Y))  # noqa: F405
            dA1, dW2, db2 = linear_activation_backward((1 - Y) / (1 - A2) - Y / A2, cache2, "sigmoid")  # noqa: F405
            dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")  # noqa: F405
            parameters = update_parameters(parameters, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2},  # noqa: F405
                                           learning_rate)
    """)
    source = mutate(source, "def predict(X, y, parameters):", "def predict(parameters, X):")
    source = mutate(source, '    print("Accuracy: " + str(np.sum(p == y) / m))\n', "")
    return rewrite(source, "predict", "p = np.where(L_model_forward(X, parameters)[0] > 0.5, 1.0, 0.0)  # noqa: F405")


def forgets_b(source: str) -> str:
    """A step-by-step notebook whose linear_forward forgets b."""
    return mutate(source, "    Z = np.dot(W, A) + b\n", "    Z = np.dot(W, A)\n")


def application(case: Case, step=unchanged) -> Case:
    """``case`` of the application notebook, graded as ``deep_network_application.py`` beside
    the solution's step-by-step notebook (or ``step`` of it)."""
    def files(source: str) -> dict[str, str]:
        return {"deep_network_application.py": case.submission(source),
                "deep_network_step_by_step.py": step(STEP_SOLUTION)}
    return Case(files, case.failing, case.says, APP)


CORPUS = Corpus(STEP, {
    "solution": Case(unchanged),
    **bugs(STEP_BUGS),
    # A wrong linear_forward costs linear_forward only; its callers are graded with a correct one.
    "linear-forward-no-b": bug(STEP_BUGS["linear-forward-no-b"], says={
        "linear_activation_forward": ("graded with correct versions of linear_forward",),
        "L_model_forward": ("graded with correct versions of linear_activation_forward",)}),
    **{name: Case(variant) for name, variant in STEP_VARIANTS.items()},
    # Earlier conventions of the course keep their points with a note saying what was accepted.
    "classic-idioms": Case(classic_idioms, says={"update_parameters": (
        "updated them in place", "earlier signature update_parameters(parameters, grads, learning_rate)")}),
    "application solution": application(Case(unchanged)),
    **{name: application(case) for name, case in bugs(APP_BUGS).items()},
    # ...and beside the application, a wrong linear_forward costs nothing, every check run.
    "buggy-companion": application(Case(unchanged, says={"two_layer_model": (
        "graded with correct versions of linear_activation_forward", "all defaults (3000 iterations)")}), forgets_b),
    "another-loop-and-old-predict": application(Case(app_variant, says={
        "predict": ("earlier signature predict(parameters, X)",)})),
})


class TestWeek4Bugs(CorpusTests):
    corpus = CORPUS


def test_a_buggy_companion_skips_no_check_of_the_application():
    """Beside a step-by-step notebook whose linear_forward forgets b, does every check of
    two_layer_model still run?"""
    assert "Skipped" not in CORPUS.messages("buggy-companion")["two_layer_model"]


def test_the_classic_deep_initialization_is_noted_once():
    """Is the 0.01 scale of the course's earlier deep initialization accepted with one note
    saying so (not one per layer)?"""
    message = CORPUS.messages("classic-idioms")["initialize_parameters_deep"]
    assert message.count("are scaled by 0.01 (accepted: the classic course's convention); "
                         "this notebook asks for 1/sqrt(n_{l-1}).") == 1
