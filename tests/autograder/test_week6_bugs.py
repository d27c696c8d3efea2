"""Realistic week-6 bugs, each one small source edit of a solution: does the grader take
exactly the buggy function's points, with a message that names the mistake, and keep full
marks for correct code written differently (in-place updates, another permutation, ``//``
for ``np.floor``, Adam returning three values as before 2021, ``learning_rate`` for
``learning_rate0``)?

Each notebook of the week has a block of its own below (its bugs, its variants, its
corpus and test class). Every submission is the instructor solution with a few edits,
graded with the full spec (``tests/support/corpus.py`` says how).
"""

from __future__ import annotations

import pytest
from corpus import Case, Corpus, CorpusTests, bugs, unchanged
from source_edits import Bug, in_region, mutate

from autograder import ROOT, specs

pytestmark = pytest.mark.grading


# == week6/optimization ======================================================================

OPT = specs.get("week6/optimization")
OPT_SOLUTION = (ROOT / OPT.solution).read_text()

_MOMENTUM = "            v[key] = beta * v[key] + (1 - beta) * grads[key]\n"
_ADAM_STEP = "            step = v_corrected[key] / (np.sqrt(s_corrected[key]) + epsilon)\n"
_ADAM_CALL = ("                t = t + 1\n"
              "                parameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s, t, "
              "learning_rate,\n                                                                     beta1, beta2, "
              "epsilon)\n")
_LAST_BATCH = ("    if m % mini_batch_size != 0:\n"
               "        rest = slice(num_complete_minibatches * mini_batch_size, m)\n"
               "        mini_batches.append((shuffled_X[:, rest], shuffled_Y[:, rest]))\n")

OPT_BUGS = {
    "gd-uphill": Bug("update_parameters_with_gd", ((
        'parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]',
        'parameters["W" + str(l)] + learning_rate * grads["dW" + str(l)]'),), (
        "step 1 of update_parameters_with_gd on layers [3, 2, 1]", "the step goes uphill")),
    "batches-x-and-y-shuffled-apart": Bug("random_mini_batches", ((
        "    shuffled_Y = Y[:, permutation].reshape((1, m))\n",
        "    shuffled_Y = Y[:, list(np.random.permutation(m))].reshape((1, m))\n"),), (
        "random_mini_batches(X, Y, mini_batch_size=64, seed=0) (m = 148)", "shuffle X and Y with the same permutation")),
    "batches-last-one-dropped": Bug("random_mini_batches", ((_LAST_BATCH, ""),), (
        "returned 2 mini-batches", "expected 3", "the last, smaller mini-batch is missing")),
    "velocity-flat-biases": Bug("initialize_velocity", (in_region(OPT_SOLUTION, "initialize_velocity", (
        'np.zeros(parameters["b" + str(l)].shape)', 'np.zeros(parameters["b" + str(l)].shape[0])')),), (
        "v[\"db1\"] of initialize_velocity(parameters) (layers [3, 2, 1]) has shape (2,); expected (2, 1)",)),
    "momentum-without-1-minus-beta": Bug("update_parameters_with_momentum", ((
        _MOMENTUM, "            v[key] = beta * v[key] + grads[key]\n"),), (
        "v[\"dW1\"] of step 1 of update_parameters_with_momentum", "without its factor (1 - beta)")),
    "momentum-beta-swapped": Bug("update_parameters_with_momentum", ((
        _MOMENTUM, "            v[key] = (1 - beta) * v[key] + beta * grads[key]\n"),), (
        "beta weighs the wrong term",)),
    "momentum-velocity-not-returned": Bug("update_parameters_with_momentum", ((
        _MOMENTUM + "            parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * v[key]\n",
        "            velocity = beta * v[key] + (1 - beta) * grads[key]\n"
        "            parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * velocity\n"),), (
        "v is the one passed in, unchanged",)),
    "rmsprop-epsilon-under-the-root": Bug("update_parameters_with_rmsprop", (in_region(
        OPT_SOLUTION, "update_parameters_with_rmsprop", ("(np.sqrt(s[key]) + epsilon)", "np.sqrt(s[key] + epsilon)")),), (
        "parameters[\"W1\"] of step 1 of update_parameters_with_rmsprop", "epsilon is under the square root")),
    "adagrad-epsilon-under-the-root": Bug("update_parameters_with_adagrad", (in_region(
        OPT_SOLUTION, "update_parameters_with_adagrad", ("(np.sqrt(h[key]) + epsilon)", "np.sqrt(h[key] + epsilon)")),), (
        "epsilon is under the square root",)),
    "adam-init-s-shaped-like-w": Bug("initialize_adam", (in_region(OPT_SOLUTION, "initialize_adam", (
        's["d" + p + str(l)] = np.zeros(parameters[p + str(l)].shape)',
        's["d" + p + str(l)] = np.zeros(parameters["W" + str(l)].shape)')),), (
        "s[\"db1\"] of initialize_adam(parameters) (layers [3, 2, 1]) has shape (2, 3); expected (2, 1)",)),
    "adam-without-bias-correction": Bug("update_parameters_with_adam", ((
        _ADAM_STEP, "            step = v[key] / (np.sqrt(s[key]) + epsilon)\n"),), (
        "parameters[\"W1\"] of step 1 of update_parameters_with_adam", "there is no bias correction")),
    "adam-epsilon-under-the-root": Bug("update_parameters_with_adam", ((
        _ADAM_STEP, "            step = v_corrected[key] / np.sqrt(s_corrected[key] + epsilon)\n"),), (
        "epsilon is under the square root",)),
    "adam-beta1-for-s": Bug("update_parameters_with_adam", (in_region(OPT_SOLUTION, "update_parameters_with_adam", (
        "            s[key] = beta2 * s[key] + (1 - beta2) * np.square(grads[key])\n",
        "            s[key] = beta1 * s[key] + (1 - beta1) * np.square(grads[key])\n")),), (
        "s[\"dW1\"] of step 1 of update_parameters_with_adam",)),
    "update-lr-multiplies": Bug("update_lr", ((
        "    learning_rate = 1 / (1 + decay_rate * epoch_num) * learning_rate0\n",
        "    learning_rate = (1 + decay_rate * epoch_num) * learning_rate0\n"),), (
        "update_lr(0.5, 2, 1)", "multiplied by (1 + decay_rate * ...) instead of divided")),
    "schedule-decays-every-epoch": Bug("schedule_lr_decay", ((
        "np.floor(epoch_num / time_interval)", "epoch_num"),), (
        "schedule_lr_decay(0.5, 100, 0.3)", "update_lr's rate, decayed every epoch")),
    "model-adam-t-from-0": Bug("model", ((_ADAM_CALL, _ADAM_CALL.replace("                t = t + 1\n", "")
                                          + "                t = t + 1\n"),), (
        "model(X, Y, [2, 5, 2, 1], \"adam\"", "Adam's step count t must be 1 at the first step")),
    "model-momentum-ignores-beta": Bug("model", ((
        "parameters, v = update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)",
        "parameters, v = update_parameters_with_momentum(parameters, grads, v, 0.9, learning_rate)"),), (
        "\"momentum\"", "the parameters differ from the reference's model")),
    "model-rmsprop-without-epsilon": Bug("model", ((
        "update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate, epsilon)",
        "update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate)"),), ("\"rmsprop\"",)),
}


def opt_in_place_loops(source: str) -> str:
    """Updates in place (``-=``, ``*=``, ``+=``) on the caller's arrays, W and b written out."""
    source = mutate(source, '        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]\n'
                    '        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]\n',
                    '        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]\n'
                    '        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)]\n')
    return mutate(source, _MOMENTUM + "            parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * v[key]\n",
                  "            v[key] *= beta\n            v[key] += (1 - beta) * grads[key]\n"
                  "            parameters[p + str(l)] -= learning_rate * v[key]\n")


def opt_another_permutation(source: str) -> str:
    """Another generator, seeded by the seed: any permutation is right."""
    return mutate(source, "    permutation = list(np.random.permutation(m))\n",
                  "    permutation = np.random.default_rng(seed).permutation(m)\n")


def opt_adam_three_values(source: str) -> str:
    """Adam as in the course's notebooks before 2021: (parameters, v, s), and the model unpacks three."""
    source = mutate(source, "    return parameters, v, s, v_corrected, s_corrected\n", "    return parameters, v, s\n")
    return mutate(source, "parameters, v, s, _, _ = update_parameters_with_adam(",
                  "parameters, v, s = update_parameters_with_adam(")


def opt_floor_division_and_learning_rate(source: str) -> str:
    """``//`` for np.floor, and update_lr's first argument named learning_rate (some notebooks do)."""
    source = mutate(source, "np.floor(epoch_num / time_interval)", "(epoch_num // time_interval)")
    source = mutate(source, "def update_lr(learning_rate0, epoch_num, decay_rate):",
                    "def update_lr(learning_rate, epoch_num, decay_rate):")
    return mutate(source, "    learning_rate = 1 / (1 + decay_rate * epoch_num) * learning_rate0\n",
                  "    learning_rate = learning_rate / (1 + decay_rate * epoch_num)\n")


def opt_adam_three_values_without_bias_correction(source: str) -> str:
    """A notebook before 2021 whose Adam forgets the bias correction: its model, which
    unpacks three values, is graded with the reference's Adam returning three."""
    return OPT_BUGS["adam-without-bias-correction"].source(opt_adam_three_values(source))


OPT_VARIANTS = {"in-place-loops": opt_in_place_loops, "another-permutation": opt_another_permutation,
                "adam-three-values": opt_adam_three_values,
                "floor-division-and-learning-rate": opt_floor_division_and_learning_rate}

OPT_CORPUS = Corpus(OPT, {
    "solution": Case(unchanged),
    **bugs(OPT_BUGS),
    "adam-three-values-without-bias-correction": Case(opt_adam_three_values_without_bias_correction,
                                                      {"update_parameters_with_adam"}),
    **{name: Case(variant) for name, variant in OPT_VARIANTS.items()},
})


class TestOptimizationBugs(CorpusTests):
    corpus = OPT_CORPUS


def test_optimization_adam_three_values_is_noted():
    """Does a three-value Adam (before 2021) keep its points with a note that says so?"""
    verdict = next(t for t in OPT_CORPUS.report("adam-three-values").tests if t.function == "update_parameters_with_adam")
    assert verdict.passed and "as the course's notebooks before 2021 did" in verdict.message.en


def test_optimization_another_permutation_is_noted():
    """Does another permutation keep its points, with a note that the printed batches differ?"""
    verdict = next(t for t in OPT_CORPUS.report("another-permutation").tests if t.function == "random_mini_batches")
    assert verdict.passed and "another permutation" in verdict.message.en


@pytest.mark.parametrize("name, fragment", [
    ("adam-without-bias-correction", "편향 보정이 없습니다"),
    ("momentum-without-1-minus-beta", "(1 - beta)를 곱하지 않고"),
    ("batches-last-one-dropped", "마지막의 더 작은 미니배치가 없습니다"),
], ids=["adam", "momentum", "batches"])
def test_optimization_korean_message_carries_the_same_hint(name, fragment):
    """Is the failing function's verdict in Korean too, with the hint that fits the bug?"""
    verdict = next(t for t in OPT_CORPUS.report(name).tests if not t.passed)
    assert fragment in verdict.message.ko, verdict.message.ko

# == end of week6/optimization ===============================================================
