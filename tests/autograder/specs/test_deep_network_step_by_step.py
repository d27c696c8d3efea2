"""The week-4 step-by-step spec: are its hidden questions fair, and do its property checks
accept every honest initialization and reject the broken ones?"""

import numpy as np
import pytest
from hypothesis import given, settings

from autograder import specs
from autograder.reference import reference_for
from autograder.specs.week4 import deep_network_step_by_step as spec
from dlcheck.checks import CheckFailed, GraderError
from dlcheck.compare import collecting_notes

REFERENCE = reference_for(specs.get("week4/deep_network_step_by_step"))


@settings(max_examples=200, deadline=None, database=None)
@given(spec.networks())
def test_random_networks_keep_away_from_relus_kink(network):
    """Is every hidden random network's ReLU input at least 0.05 from 0, so a numerical
    gradient with steps of 1e-5 is exact there, and is its cost finite?"""
    x, y, params = network
    assert min(np.min(np.abs(z)) for z in spec._pre_activations(x, params)) > 0.05
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


@pytest.mark.parametrize("weights, fragment", [
    pytest.param(np.zeros((300, 200)), "one value only", id="zeros"),
    pytest.param(_rng_weights((300, 200), 1.0), "multiply by 0.01", id="unscaled"),
    pytest.param(np.random.default_rng(1).random((300, 200)) * 0.01, "np.random.rand draws in [0, 1)", id="rand"),
    pytest.param(_rng_weights((300, 200), 0.02), "standard deviation 0.02", id="twice"),
])
def test_broken_initializations_are_named(weights, fragment):
    """Is each broken initialization rejected, the message naming what is wrong?"""
    with pytest.raises(CheckFailed) as failed:
        spec.expect_random_weights(weights, {"0.01": 0.01}, "W1")
    assert fragment in str(failed.value.text), failed.value.text.en


@pytest.mark.parametrize("seed", range(5))
def test_any_draw_of_an_honest_initialization_passes(seed):
    """Whatever random numbers were drawn (another seed, another order), does a correctly
    scaled initialization pass, at the sizes the checks use?"""
    spec.expect_random_weights(_rng_weights((200, 300), 0.01, seed), {"0.01": 0.01}, "W1")
    spec.expect_random_weights(_rng_weights((64, 500), 1 / np.sqrt(500), seed), {"1/sqrt(500)": 1 / np.sqrt(500)}, "W1")
    spec.expect_independent(_rng_weights((100, 200), 1.0, seed), _rng_weights((50, 100), 1.0, seed + 1), ("W1", "W2"))


def test_correct_draws_at_the_smallest_checked_size_pass():
    """Do 300 correct draws of the smallest weight matrix the checks look at, (32, 64),
    all pass, so an honest initialization is never failed by chance?"""
    for seed in range(300):
        spec.expect_random_weights(_rng_weights((32, 64), 1 / 8, seed), {"1/sqrt(64)": 1 / 8}, "W4")


def test_too_few_weights_is_the_graders_mistake():
    """Is a property check asked to judge too few weights a grader error, not a verdict?"""
    with pytest.raises(GraderError, match="at least 1000 entries"):
        spec.expect_random_weights(_rng_weights((1, 64), 0.01), {"0.01": 0.01}, "W4")


def test_the_courses_earlier_scale_is_accepted_with_a_note():
    """Is a 0.01 scale where 1/sqrt(n) is asked accepted, with a note saying so?"""
    with collecting_notes() as notes:
        spec.expect_random_weights(_rng_weights((64, 500), 0.01), {"1/sqrt(500)": 1 / np.sqrt(500), "0.01": 0.01}, "W1")
    assert any("the course's earlier convention" in n.en for n in notes)


def test_a_repeated_seed_is_caught():
    """Is a layer that repeats the previous layer's random numbers (a seed per layer) caught?"""
    first = np.random.default_rng(3).normal(size=(200, 300))
    with pytest.raises(CheckFailed, match="repeats the random numbers of W1"):
        spec.expect_independent(first / 17, first.ravel()[:20000].reshape(100, 200) / 3, ("W1", "W2"))


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
