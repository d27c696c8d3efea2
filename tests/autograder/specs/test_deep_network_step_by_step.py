"""The week-4 step-by-step spec: are its hidden questions fair, do its initialization checks
accept every honest initialization and reject the broken ones, and is initialize_parameters
graded as week 3 grades it?"""

import re

import numpy as np
import pytest
from hypothesis import given, settings

from autograder import specs
from autograder.reference import reference_for
from autograder.specs.week3 import planar_data_classification as planar
from autograder.specs.week4 import deep_network_step_by_step as spec
from dlcheck import dense, initialization
from dlcheck.checks import CheckFailed
from dlcheck.run import KernelTrial, run_checks

REFERENCE = reference_for(specs.get("week4/deep_network_step_by_step"))


@settings(max_examples=200, deadline=None, database=None)
@given(spec.networks())
def test_random_networks_keep_away_from_relus_kink(network):
    """Is every hidden random network's ReLU input at least 0.05 from 0, so a numerical
    gradient with steps of 1e-5 is exact there, and is its cost finite?"""
    x, y, params = network
    assert min(np.min(np.abs(layer.z)) for layer in dense.forward(x, params)) > 0.05
    al, _ = REFERENCE.function("L_model_forward")(x, params)
    assert np.isfinite(REFERENCE.function("compute_cost")(al, y))


def test_the_fixed_networks_cover_depth_width_and_a_single_example():
    """Do the fixed networks, which every submission meets, include three and four layers,
    hidden widths unlike the input's, and m = 1, so a bug showing only there is caught?"""
    cases = spec.FIXED_NETWORKS
    assert {len(dims) - 1 for dims, _, _ in cases} >= {1, 2, 3, 4}
    assert any(m == 1 and len(dims) >= 4 for dims, m, _ in cases)
    assert all(len(set(dims[:-1])) == len(dims[:-1]) for dims, _, _ in cases if len(dims) > 2)


def _rng_weights(shape, scale, seed=0):
    return np.random.default_rng(seed).normal(size=shape) * scale


def _deep_init(scale, reseed=False):
    """An initialize_parameters_deep drawing with np.random, each layer times ``scale(n_{l-1})``."""
    def initialize(layer_dims):
        np.random.seed(1)
        parameters = {}
        for layer in range(1, len(layer_dims)):
            if reseed:
                np.random.seed(1)
            n, n_prev = layer_dims[layer], layer_dims[layer - 1]
            parameters[f"W{layer}"] = np.random.randn(n, n_prev) * scale(n_prev)
            parameters[f"b{layer}"] = np.zeros((n, 1))
        return parameters
    return initialize


def _verdict(graded, implementation, classic=False):
    """The verdict of ``graded``'s public checks on ``implementation``, run as in a notebook."""
    trial = KernelTrial(graded.name, implementation, {})
    trial.classic = classic
    return run_checks(graded, trial, [c for c in graded.checks if c.tier == "public"])


def test_correct_draws_at_the_smallest_deep_layer_pass():
    """Do 300 correct draws of the smallest weight matrix the deep checks judge, (32, 64) of
    [500, 64, 64, 64, 32], pass, so an honest initialization is never failed by chance?"""
    for seed in range(300):
        initialization.expect_normal_draws(_rng_weights((32, 64), 1 / 8, seed), {"1/sqrt(64)": 1 / 8}, "W4")


@pytest.mark.parametrize("scale, classic, passed, fragment", [
    (lambda n: n ** -0.5, False, True, ""),
    (lambda n: 0.01, False, True, "are scaled by 0.01 (accepted: the classic course's convention)"),
    (lambda n: 0.01, True, True, ""),
    (lambda n: n ** -0.5, True, True, "are scaled by 1/sqrt(n_{l-1}) (accepted: this course's convention"),
    (lambda n: 1.0, False, False, "W1 has standard deviation"),
    (lambda n: (n * 3 / 4) ** -0.5, False, False, "W1 has standard deviation 0.0576"),
], ids=["asked", "classic-scale-accepted", "classic-asks-0.01", "this-course-in-classic", "unscaled", "sqrt-of-n_l"])
def test_deep_scales(scale, classic, passed, fragment):
    """Does the deep initialization pass at this course's scale and at the classic one (with
    a note where the notebook asks for the other), and fail unscaled or 15 % off?"""
    verdict = _verdict(spec.initialize_parameters_deep, _deep_init(scale), classic)
    assert verdict.passed == passed, verdict.message.en
    assert fragment in verdict.message.en, verdict.message.en


def test_a_seed_per_layer_fails_the_deep_initialization():
    """Is a seed set again before each layer (every layer repeats the first's numbers) caught?"""
    verdict = _verdict(spec.initialize_parameters_deep, _deep_init(lambda n: n ** -0.5, reseed=True))
    assert "W2 repeats the random numbers of W1" in verdict.message.en


#: initialize_parameters(n_x, n_h, n_y) as students write it, right and wrong.
TWO_LAYER = {
    "correct": "W1 = np.random.randn(n_h, n_x) * 0.01; W2 = np.random.randn(n_y, n_h) * 0.01",
    "W2-first-with-normal": "W2 = np.random.normal(0, 0.01, (n_y, n_h)); W1 = np.random.normal(0, 0.01, (n_h, n_x))",
    "without-0.01": "W1 = np.random.randn(n_h, n_x); W2 = np.random.randn(n_y, n_h) * 0.01",
    "rand": "W1 = np.random.randn(n_h, n_x) * 0.01; W2 = np.random.rand(n_y, n_h) * 0.01",
    "zeros": "W1 = np.random.randn(n_h, n_x) * 0.01; W2 = np.zeros((n_y, n_h))",
    "ones": "W1 = np.ones((n_h, n_x)) * 0.01; W2 = np.random.randn(n_y, n_h) * 0.01",
    "swapped": "W1 = np.random.randn(n_x, n_h) * 0.01; W2 = np.random.randn(n_y, n_h) * 0.01",
    "reseeded": "W1 = np.random.randn(n_h, n_x) * 0.01; np.random.seed(0); W2 = np.random.randn(n_y, n_h) * 0.01",
    "times-0.1": "W1 = np.random.randn(n_h, n_x) * 0.1; W2 = np.random.randn(n_y, n_h) * 0.01",
}


def _two_layer(body, random_biases=False):
    def initialize_parameters(n_x, n_h, n_y):
        np.random.seed(0)
        scope = {"np": np, "n_x": n_x, "n_h": n_h, "n_y": n_y}
        exec(body, scope)
        b1 = np.random.randn(n_h, 1) * 0.01 if random_biases else np.zeros((n_h, 1))
        return {"W1": scope["W1"], "b1": b1, "W2": scope["W2"], "b2": np.zeros((n_y, 1))}
    return initialize_parameters


@pytest.mark.parametrize("body, random_biases", [*((b, False) for b in TWO_LAYER.values()), (TWO_LAYER["correct"], True)],
                         ids=[*TWO_LAYER, "random-biases"])
def test_weeks_3_and_4_give_initialize_parameters_one_verdict(body, random_biases):
    """Does the same initialize_parameters meet the same verdict, for the same reason, in week
    3 and in week 4 (their checks differ in sizes only, and in the numbers of the message)?"""
    implementation = _two_layer(body, random_biases)
    week3 = _verdict(planar.initialize_parameters, implementation)
    week4 = _verdict(spec.initialize_parameters, implementation)
    assert week3.passed == week4.passed == (body in (TWO_LAYER["correct"], TWO_LAYER["W2-first-with-normal"])
                                            and not random_biases)

    if not week3.passed:
        reason = [re.sub(r"\[[^\]]*\]|[\d.]+", "#", v.message.en.split(": ", 2)[-1]) for v in (week3, week4)]
        assert reason[0] == reason[1], reason


@pytest.mark.parametrize("cache, fragment", [
    pytest.param(lambda a, w, b: (w, a, b), "holds (W, A_prev, b) (reordered)", id="reordered"),
    pytest.param(lambda a, w, b: (a, w), "holds (A_prev, W) (b missing)", id="missing"),
    pytest.param(lambda a, w, b: a, "expected the tuple (A_prev, W, b)", id="not-a-tuple"),
])
def test_cache_messages_name_the_entry(cache, fragment):
    """Does a reordered, short or flat cache get a message naming the entries?"""
    rng = np.random.default_rng(0)
    a, w, b = rng.normal(size=(3, 4)), rng.normal(size=(2, 3)), rng.normal(size=(2, 1))
    with pytest.raises(CheckFailed) as failed:
        spec.expect_linear_cache(cache(a, w, b), (a, w, b), "cache")
    assert fragment in failed.value.text.en, failed.value.text.en
    assert failed.value.text.ko != failed.value.text.en
