"""The week-5 regularization spec: are its own models of the network right (its backward
pass against numerical gradients and the reference), its networks fit for numerical
gradients, and its test of a dropout mask's share fair to every correct draw and not to
the usual wrong ones?"""

import numpy as np
import pytest
from hypothesis import given, settings

from autograder import specs
from autograder.reference import reference_for
from autograder.specs import gradients
from autograder.specs.week5 import regularization as week5
from dlcheck.checks import CheckFailed

REFERENCE = reference_for(specs.get("week5/regularization"))
KEYS = ("W1", "b1", "W2", "b2", "W3", "b3")


def _numeric(x, y, params, lambd=0.0, masks=None, keep_prob=1.0):
    return dict(zip(KEYS, gradients.numerical_gradients(
        lambda *arrays: week5.cost(x, y, dict(zip(KEYS, arrays, strict=True)), lambd, masks, keep_prob),
        [params[k] for k in KEYS]), strict=True))


@settings(max_examples=25, deadline=None, database=None)
@given(week5._problems(), week5._LAMBDAS, week5._KEEP)
def test_the_spec_s_backward_pass_is_the_derivative_of_its_cost(problem, lambd, keep_prob):
    """Do the spec's exact gradients (used for hints and tests) agree with numdifftools'
    gradients of its cost, with an L2 term and with fixed dropout masks?"""
    dims, m, seed = problem
    x, y, params, masks = week5.network(dims, m, seed, keep_prob)
    exact = week5.plain_gradients(x, y, params, masks, keep_prob, lambd)
    numeric = _numeric(x, y, params, lambd, masks, keep_prob)
    for key in KEYS:
        assert gradients.relative_error(exact[f"d{key}"], numeric[key]) < 1e-7, key


@settings(max_examples=25, deadline=None, database=None)
@given(week5._problems(), week5._LAMBDAS, week5._KEEP)
def test_the_reference_solution_agrees_with_the_spec_s_model(problem, lambd, keep_prob):
    """Do the notebook's reference backward passes give the spec's gradients, and its L2
    cost the spec's cost (two independent writings of the same math)?"""
    dims, m, seed = problem
    x, y, params, masks = week5.network(dims, m, seed, keep_prob)
    l2 = REFERENCE.function("backward_propagation_with_regularization")(x, y, week5.cache_without_dropout(x, params),
                                                                        lambd)
    dropout = REFERENCE.function("backward_propagation_with_dropout")(
        x, y, week5.cache_with_dropout(x, params, masks, keep_prob), keep_prob)
    want_l2 = week5.plain_gradients(x, y, params, lambd=lambd)
    want_dropout = week5.plain_gradients(x, y, params, masks, keep_prob)
    for key in week5.GRADIENTS:
        np.testing.assert_allclose(l2[key], want_l2[key], rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(dropout[key], want_dropout[key], rtol=1e-9, atol=1e-12)
    a3 = week5.forward(x, params)["A3"]
    cost = REFERENCE.function("compute_cost_with_regularization")(a3, y, params, lambd)
    assert cost == pytest.approx(week5.cost(x, y, params, lambd), rel=1e-12)


def test_networks_keep_away_from_the_relu_kinks_and_have_both_labels():
    for seed in range(30):
        x, y, params, masks = week5.network([3, 5, 4, 1], 1 + seed % 7, seed, keep_prob=0.7)
        values = week5.forward(x, params, masks, 0.7)
        assert min(np.min(np.abs(values["Z1"])), np.min(np.abs(values["Z2"]))) > 0.05
        assert y.shape[1] == 1 or 0 < y.sum() < y.shape[1]


def test_a_backward_pass_without_1_over_keep_prob_disagrees_with_the_numerical_gradient():
    """Would the hidden check's numerical gradient catch a dropout backward pass that does
    not divide by keep_prob (its test can fail)?"""
    x, y, params, masks = week5.network([3, 4, 3, 1], 6, seed=2, keep_prob=0.6)
    numeric = _numeric(x, y, params, masks=masks, keep_prob=0.6)
    unscaled = week5.plain_gradients(x, y, params, masks, 1.0)  # the masks, without 1 / keep_prob
    with pytest.raises(CheckFailed, match="disagrees with the numerical gradient"):
        gradients.expect_agreement(unscaled["dW1"].ravel(), numeric["W1"].ravel(), "dW1", week5._DROPOUT_FORMULA)


def _draw(style: str, shape: tuple, keep_prob: float, seed: int) -> np.ndarray:
    if style == "rand <":
        np.random.seed(seed)
        return (np.random.rand(*shape) < keep_prob).astype(int)
    if style == "rand <=":
        np.random.seed(seed)
        return np.random.rand(*shape) <= keep_prob
    if style == "default_rng":
        return np.random.default_rng(seed).random(shape) < keep_prob
    return np.random.default_rng(seed).binomial(1, keep_prob, size=shape)


@pytest.mark.parametrize("style", ["rand <", "rand <=", "default_rng", "binomial"])
@pytest.mark.parametrize("keep_prob", [0.3, 0.5, 0.8, 0.86, 0.95])
def test_the_share_of_a_correct_mask_passes_under_many_seeds(style, keep_prob):
    """Does a mask drawn correctly, in any of four ways, pass the share test under 40 seeds
    on the checks' 300 x 200 layer (6 standard errors: a false failure 1 in 5e8)?"""
    for seed in range(40):
        mask = np.asarray(_draw(style, (300, 200), keep_prob, seed), dtype=float)
        week5._expect_share(mask, keep_prob, "D1", "test")


@pytest.mark.parametrize("wrong, fragment", [
    (lambda rng, p: (rng.random((300, 200)) > p).astype(float), "that is 1 - keep_prob"),
    (lambda rng, p: np.broadcast_to(rng.random((300, 1)) < p, (300, 200)).astype(float), "same along every row or every column"),
    (lambda rng, p: np.broadcast_to(rng.random((1, 200)) < p, (300, 200)).astype(float), "same along every row or every column"),
    (lambda rng, p: (rng.random((300, 200)) < 0.5).astype(float), "keeps 49.96%"),
], ids=["greater", "per-unit", "per-example", "fixed-half"])
def test_the_share_test_rejects_the_usual_wrong_masks(wrong, fragment):
    """Are a mask keeping 1 - keep_prob, one draw per unit or per example, and a fixed 0.5
    refused, with a message that says which?"""
    with pytest.raises(CheckFailed, match=fragment):
        week5._expect_share(wrong(np.random.default_rng(0), 0.8), 0.8, "D1", "test")
