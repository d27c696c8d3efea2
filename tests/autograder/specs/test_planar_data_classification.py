"""The week-3 spec: are its hidden questions fair, and are its statistical and accuracy
bounds safe for correct code (measured, not assumed)?"""

import numpy as np
import pytest
from hypothesis import find, given, settings

from autograder import specs
from autograder.reference import reference_for
from autograder.specs import gradients
from autograder.specs.week3 import planar_data_classification as week3
from dlcheck import dense
from dldata.planar import load_planar_dataset

REFERENCE = reference_for(specs.get("week3/planar_data_classification"))
forward, cost, backward, predict, nn_model, initialize = (REFERENCE.function(name) for name in (
    "forward_propagation", "compute_cost", "backward_propagation", "predict", "nn_model", "initialize_parameters"))


@settings(max_examples=300, deadline=None, database=None)
@given(week3.networks())
def test_random_networks_are_fair_questions(network):
    """Does every hidden random network have n_h != n_x, at least one example, outputs
    strictly inside (0, 1) and a finite cost?"""
    n_h, n_x = network.parameters["W1"].shape
    assert n_h != n_x and network.X.shape == (n_x, network.Y.shape[1]) and network.Y.shape[1] >= 1
    a2, _ = forward(network.X, network.parameters)
    assert np.all((a2 > 1e-6) & (a2 < 1 - 1e-6))
    assert np.isfinite(cost(a2, network.Y))


@settings(max_examples=300, deadline=None, database=None)
@given(week3.outputs())
def test_random_outputs_have_a_finite_cost(case):
    """Are the hidden cost questions' outputs inside (0, 1), so the expected cost is a number?"""
    a2, y = case
    assert np.all((a2 > 0) & (a2 < 1)) and np.isfinite(cost(a2, y))


def test_random_networks_include_a_single_example_and_wide_layers():
    """Do the random networks reach the edges (m = 1, the widest layers) often enough to matter?"""
    quick = settings(max_examples=200, database=None)
    find(week3.networks(), lambda n: n.X.shape[1] == 1, settings=quick)
    find(week3.networks(), lambda n: n.parameters["W1"].shape[0] == 5, settings=quick)


@settings(max_examples=40, deadline=None, database=None)
@given(week3.networks(max_width=4, max_examples=5))
def test_reference_backward_agrees_with_the_numerical_gradient(network):
    """Does the reference backward pass pass the spec's own numerical-gradient check
    (central differences of the reference forward pass and cost, step 1e-4)?"""
    keys = week3.PARAMETER_KEYS
    shapes = {k: network.parameters[k].shape for k in keys}
    sizes = [int(np.prod(shapes[k])) for k in keys]

    def cost_at(theta):
        parts = np.split(theta, np.cumsum(sizes)[:-1])
        parameters = {k: p.reshape(shapes[k]) for k, p in zip(keys, parts, strict=True)}
        return cost(forward(network.X, parameters)[0], network.Y)

    theta = np.concatenate([network.parameters[k].ravel() for k in keys])
    numeric = gradients.numerical_gradient(cost_at, theta, step=1e-4)
    grads = backward(network.parameters, forward(network.X, network.parameters)[1], network.X, network.Y)
    analytic = np.concatenate([grads["d" + k].ravel() for k in keys])
    assert gradients.relative_error(analytic, numeric) < gradients.TOLERANCE / 10


def test_numerical_gradient_check_rejects_relu_derivative():
    """Would the gradient check catch a backward pass with relu's derivative (it is not
    only the value checks that do)?"""
    network = week3.SINGLE
    cache = forward(network.X, network.parameters)[1]
    layers = dense.forward(network.X, network.parameters, hidden=dense.tanh)
    wrong = dict(backward(network.parameters, cache, network.X, network.Y))
    wrong.update({k: v for k, v in dense.backward(layers, network.Y, hidden=dense.relu_derivative).items()
                  if k in ("dW1", "db1")})
    right = backward(network.parameters, cache, network.X, network.Y)
    analytic = np.concatenate([wrong[k].ravel() for k in ("dW1", "db1", "dW2", "db2")])
    exact = np.concatenate([right[k].ravel() for k in ("dW1", "db1", "dW2", "db2")])
    assert gradients.relative_error(analytic, exact) > 100 * gradients.TOLERANCE


@pytest.mark.slow  # eleven trainings of 10000 steps: 5 s on the idle 2-core machine, 12 s under load
def test_flower_accuracy_floor_has_a_measured_margin():
    """Does the reference reach 90.75 % on the flower from the graded seed, and does every
    one of ten other initializations stay above the floor (so the floor does not hang on the
    initialization being exactly the reference's)?"""
    x, y = load_planar_dataset()

    def accuracy(seed: int) -> float:
        np.random.seed(seed)
        return 100 * float(np.mean(predict(nn_model(x, y, 4, num_iterations=10000), x) == y))

    assert accuracy(week3.FLOWER_SEED) == pytest.approx(90.75)
    others = [accuracy(seed) for seed in range(10, 20)]
    assert min(others) >= week3.FLOWER_ACCURACY_FLOOR + 0.25, others


def test_cost_falls_well_beyond_the_margin_for_the_reference():
    """Does the reference's cost on the separable problem fall by at least twice the asked margin?"""
    np.random.seed(week3.SEED)
    before = cost(forward(week3.X_SMALL, initialize(2, 4, 1))[0], week3.Y_LINE)
    np.random.seed(week3.SEED)
    trained = nn_model(week3.X_SMALL, week3.Y_LINE, 4, num_iterations=week3.COST_ITERATIONS)
    after = cost(forward(week3.X_SMALL, trained)[0], week3.Y_LINE)
    assert before - after >= 2 * week3.COST_MARGIN, (before, after)


def test_small_problem_is_not_linearly_separable():
    """Is the public nn_model problem an XOR (labels by the sign of x1 * x2), balanced, so a
    network must use its hidden layer?"""
    assert 0 < week3.Y_SMALL.sum() < week3.Y_SMALL.size
    np.testing.assert_array_equal(week3.Y_SMALL, (week3.X_SMALL[0] * week3.X_SMALL[1] > 0).reshape(1, -1))


def test_public_example_hits_each_hint_distinctly():
    """On the public example, are the wrong derivatives the hints recognise all different from
    each other and from the right one (so each hint can only fit its own mistake)?"""
    p, x, y = week3.PARAMETERS, week3.X, week3.Y
    layers = dense.forward(x, p, hidden=dense.tanh)
    candidates = [backward(p, forward(x, p)[1], x, y)["dW1"]]
    candidates += [dense.backward(layers, y, hidden=d)["dW1"] for d, _ in week3._WRONG_DERIVATIVES]
    for i, a in enumerate(candidates):
        for b in candidates[i + 1:]:
            assert not np.allclose(a, b)
