"""The one rule of a random initialization: does it pass every correct draw (any seed, any
order, at every size the specs use, with a computed false-fail probability), reject the
bugs students write, and say so in both languages?"""

import numpy as np
import pytest
from scipy import stats

from dlcheck import initialization as init
from dlcheck.checks import CheckFailed, GraderError
from dlcheck.compare import collecting_notes
from dlcheck.text import Text

#: The sizes the specs ask initialize_parameters for (week 3's scale check, week 4's).
DISTRIBUTION_SIZES = [(30, 40, 20), (300, 200, 100)]


def _two_layer(sizes, seed=0, order="W1 then W2", scale=0.01, draw=None):
    n_x, n_h, n_y = sizes
    rng = np.random.default_rng(seed)
    draw = draw or (lambda shape: rng.standard_normal(shape) * scale)
    if order == "W1 then W2":
        w1, w2 = draw((n_h, n_x)), draw((n_y, n_h))
    else:
        w2, w1 = draw((n_y, n_h)), draw((n_h, n_x))
    return {"W1": w1, "b1": np.zeros((n_h, 1)), "W2": w2, "b2": np.zeros((n_y, 1))}


def _failure(parameters, sizes, distribution=True):
    with pytest.raises(CheckFailed) as failed:
        init.expect_initialize_parameters(parameters, sizes, "initialize_parameters", distribution=distribution)
    return failed.value.text


# -- a correct initialization passes ----------------------------------------------------------

@pytest.mark.parametrize("sizes, seeds", [(DISTRIBUTION_SIZES[0], 300), (DISTRIBUTION_SIZES[1], 30)],
                         ids=["week3-30-40-20", "week4-300-200-100"])
@pytest.mark.parametrize("order", ["W1 then W2", "W2 then W1"])
def test_correct_initializations_pass_under_many_seeds(sizes, seeds, order):
    """Do many correct initializations (300 of week 3's size; 30 of week 4's, 80000 weights
    each), in either drawing order, pass the whole rule at the sizes whose distribution is
    judged?"""
    for seed in range(seeds):
        init.expect_initialize_parameters(_two_layer(sizes, seed, order), sizes, "init", distribution=True)


def test_np_random_draws_pass_whatever_the_legacy_seed():
    """Does np.random.randn(...) * 0.01 itself, after 200 different np.random.seed calls
    (the course seeds the legacy generator), pass at week 3's sizes?"""
    for seed in range(200):
        np.random.seed(seed)
        parameters = _two_layer((30, 40, 20), draw=lambda shape: np.random.randn(*shape) * 0.01)
        init.expect_initialize_parameters(parameters, (30, 40, 20), "init", distribution=True)


@pytest.mark.parametrize("sizes", [(1, 1, 1), (2, 4, 1), (3, 2, 1), (12, 1, 3), (40, 40, 5)])
def test_small_sizes_pass_the_properties_that_need_no_statistics(sizes):
    """At sizes too small to judge a distribution (one weight per layer included), do 300
    correct draws pass the rest of the rule?"""
    for seed in range(300):
        init.expect_initialize_parameters(_two_layer(sizes, seed), sizes, "init")


@pytest.mark.parametrize("n", [init.MIN_ENTRIES, 1000, 2048, 20000, 120000])
def test_false_fail_probability_of_a_correct_matrix_is_below_1e_8(n):
    """Is the probability that a correct matrix of n weights fails the distribution check
    below 1e-8, computed from the exact laws: n s^2 / sigma^2 ~ chi2(n - 1) for np.std, and
    the mean over s / sqrt(n) ~ t(n - 1) sqrt(n / (n - 1))?"""
    tolerance, k = init.STANDARD_ERRORS / np.sqrt(2 * n), init.STANDARD_ERRORS
    scale_fails = stats.chi2.cdf(n * (1 - tolerance) ** 2, n - 1) + stats.chi2.sf(n * (1 + tolerance) ** 2, n - 1)
    mean_fails = 2 * stats.t.sf(k * np.sqrt((n - 1) / n), n - 1)
    outlier_fails = n * 2 * stats.norm.sf(init.OUTLIER)
    assert scale_fails + mean_fails + outlier_fails < 1e-8


# -- the bugs are rejected, by name --------------------------------------------------------------

def _without_scale(parameters):
    return {**parameters, "W1": parameters["W1"] / 0.01}


BUGS = [
    ("missing-0.01", lambda p: _without_scale(p), "W1 has entries as large as"),
    ("rand-not-randn", lambda p: {**p, "W2": np.random.default_rng(1).random(p["W2"].shape) * 0.01},
     "every entry of W2 is positive"),
    ("non-zero-bias", lambda p: {**p, "b1": p["b1"] + 0.01}, "biases start at zero"),
    ("swapped-shape", lambda p: {**p, "W1": p["W1"].T}, "Did you swap the dimensions"),
    ("flat-bias", lambda p: {**p, "b2": p["b2"].ravel()}, "column vector"),
    ("zero-weights", lambda p: {**p, "W2": np.zeros_like(p["W2"])}, "W2 is all zeros"),
    ("equal-rows", lambda p: {**p, "W1": np.tile(p["W1"][:1], (p["W1"].shape[0], 1))}, "every row of W1 is the same"),
    ("reseeded", lambda p: {**p, "W2": p["W1"].ravel()[:p["W2"].size].reshape(p["W2"].shape)},
     "W2 repeats the random numbers of W1"),
    ("scale-30-percent-off", lambda p: {**p, "W1": p["W1"] * 1.3}, "W1 has standard deviation"),
    ("half-the-scale", lambda p: {**p, "W2": p["W2"] * 0.5}, "W2 has standard deviation"),
    ("uniform-around-0", lambda p: {**p, "W1": np.random.default_rng(2).uniform(-0.01, 0.01, p["W1"].shape)},
     "W1 has standard deviation"),
    ("not-centred", lambda p: {**p, "W1": p["W1"] + 0.003}, "W1 has mean"),
    ("missing-key", lambda p: {k: v for k, v in p.items() if k != "b2"}, "has no key 'b2'"),
]


@pytest.mark.parametrize("sizes", DISTRIBUTION_SIZES, ids=["week3-30-40-20", "week4-300-200-100"])
@pytest.mark.parametrize("bug, fragment", [(b, f) for _, b, f in BUGS], ids=[name for name, _, _ in BUGS])
def test_bugs_are_rejected_by_name(bug, fragment, sizes):
    """Is each bug students write rejected, at both weeks' sizes, with a message naming it?"""
    message = _failure(bug(_two_layer(sizes, seed=7)), sizes)
    assert fragment in message.en, message.en


@pytest.mark.parametrize("bug, fragment", [(b, f) for name, b, f in BUGS if name in (
    "missing-0.01", "non-zero-bias", "swapped-shape", "zero-weights", "equal-rows", "reseeded")],
    ids=["missing-0.01", "non-zero-bias", "swapped-shape", "zero-weights", "equal-rows", "reseeded"])
def test_bugs_that_need_no_statistics_are_rejected_at_small_sizes(bug, fragment):
    """Are the bugs that show in any size rejected on the public checks' small network (2, 4, 1)?"""
    message = _failure(bug(_two_layer((2, 4, 1), seed=8)), (2, 4, 1), distribution=False)
    assert fragment in message.en, message.en


def test_a_single_weight_repeated_is_caught_but_two_single_draws_are_not_confused():
    """With one weight per layer, is an exact repeat caught, and an honest pair passed?"""
    with pytest.raises(CheckFailed, match="repeats"):
        init.expect_independent(np.array([[0.3]]), np.array([[0.3]]), ("W1", "W2"))
    init.expect_independent(np.array([[0.3]]), np.array([[-0.6]]), ("W1", "W2"))


def test_a_reseeded_layer_of_another_scale_is_caught():
    """Is a layer that restarts the previous layer's random numbers caught when the two
    scales differ (the deep initialization's 1/sqrt(n_{l-1}))?"""
    first = np.random.default_rng(3).normal(size=(200, 300))
    with pytest.raises(CheckFailed, match="repeats the random numbers of W1"):
        init.expect_independent(first / 17, first.ravel()[:20000].reshape(100, 200) / 3, ("W1", "W2"))


def test_a_wrong_scale_of_15_percent_is_rejected_on_a_large_layer():
    """Is 1/sqrt(n_l) where 1/sqrt(n_{l-1}) is asked (400 and 300 units: 15 % off) rejected
    on the 120000 weights of the deep check's first layer, with every seed tried?"""
    for seed in range(20):
        w = np.random.default_rng(seed).normal(size=(300, 400)) / np.sqrt(300)
        with pytest.raises(CheckFailed, match="standard deviation"):
            init.expect_normal_draws(w, {"1/sqrt(400)": 1 / np.sqrt(400)}, "W1")


def test_too_few_weights_is_the_specs_mistake():
    """Is a distribution check asked to judge too few weights a grader error, not a verdict?"""
    with pytest.raises(GraderError, match=f"at least {init.MIN_ENTRIES} entries"):
        init.expect_normal_draws(np.ones((1, 64)), {"0.01": 0.01}, "W4")


def test_another_accepted_scale_passes_with_one_note():
    """Is a scale later in the list (the course's earlier convention) accepted with a note,
    said once for two layers?"""
    rng = np.random.default_rng(4)
    with collecting_notes() as notes:
        for _ in range(2):
            init.expect_normal_draws(rng.normal(size=(64, 500)) * 0.01, {"1/sqrt(500)": 500 ** -0.5, "0.01": 0.01}, "W1")
    assert [n.en for n in notes] == ["the weights are scaled by 0.01 (accepted: the course's earlier convention); "
                                     "this notebook asks for 1/sqrt(500)."]


# -- the words, in both languages ------------------------------------------------------------

GOLDEN = [
    ("outlier", lambda: init.expect_small_random_weights(np.array([[0.5, 0.001]]), "W1", 0.01, "0.01"),
     "W1 has entries as large as 0.5; expected small weights, of standard deviation 0.01 (|w| <= 0.08). Hint: "
     "multiply the normal draw by 0.01: np.random.randn(...) * 0.01.",
     "W1에 0.5만큼 큰 값이 있습니다. 표준편차 0.01인 작은 가중치(|w| <= 0.08)여야 합니다. 힌트: 정규분포 값에 0.01을 "
     "곱하세요: np.random.randn(...) * 0.01."),
    ("rand", lambda: init.expect_normal_draws(np.linspace(0, 0.01, 800), {"0.01": 0.01}, "W2"),
     "every entry of W2 is positive: it looks drawn from a uniform distribution on [0, 1). Hint: use np.random.randn "
     "(a normal draw around 0), not np.random.rand.",
     "W2의 모든 값이 양수입니다: [0, 1) 균등분포에서 뽑은 것 같습니다. 힌트: np.random.rand가 아니라 "
     "np.random.randn(0 주변의 정규분포)을 쓰세요."),
    ("unscaled", lambda: init.expect_normal_draws(np.random.default_rng(0).normal(size=(40, 30)), {"0.01": 0.01}, "W1"),
     "W1 has standard deviation 0.9778; expected 0.01 (np.random.randn(...) * 0.01). Hint: multiply by 0.01 (your "
     "values look unscaled).",
     "W1의 표준편차가 0.9778입니다. 0.01여야 합니다 (np.random.randn(...) * 0.01). 힌트: np.random.randn(...) * 0.01처럼 곱하세요 (값의 "
     "크기가 조정되지 않은 것 같습니다)."),
    ("reseeded", lambda: init.expect_independent(np.array([0.1, -0.2, 0.3]), np.array([0.1, -0.2]), ("W1", "W2")),
     "W2 repeats the random numbers of W1: the two were drawn from a random sequence started again from the same seed. "
     "Hint: set the seed at most once, before all the draws, not before each layer.",
     "W2의 값이 W1의 무작위 수를 반복합니다: 같은 시드로 다시 시작한 난수열에서 뽑았습니다. 힌트: 시드는 모든 값을 "
     "뽑기 전에 많아야 한 번만 정하고, 층마다 다시 정하지 마세요."),
    ("zeros", lambda: init.expect_small_random_weights(np.zeros((2, 2)), "W2", 0.01, "0.01"),
     "W2 is all zeros. Hint: zero weights never break the symmetry (every hidden unit stays the same): draw them with "
     "np.random.randn(...) * 0.01.",
     "W2의 값이 모두 0입니다. 힌트: 가중치가 0이면 대칭이 깨지지 않습니다(모든 은닉 유닛이 똑같이 남습니다). "
     "np.random.randn(...) * 0.01로 뽑으세요."),
]


@pytest.mark.parametrize("call, en, ko", [g[1:] for g in GOLDEN], ids=[g[0] for g in GOLDEN])
def test_golden_messages(call, en, ko):
    """Are the words a student reads exactly these, in English and in Korean?"""
    with pytest.raises(CheckFailed) as failed:
        call()
    assert (failed.value.text.en, failed.value.text.ko) == (en, ko)


def test_layer_shapes_name_the_sizes():
    """Are the shapes and their definitions those of the course's convention, W[l] of shape (n_l, n_{l-1})?"""
    assert init.layer_shapes([2, 4, 1], ("n_x", "n_h", "n_y")) == {
        "W1": ((4, 2), "= (n_h, n_x)"), "b1": ((4, 1), "= (n_h, 1)"),
        "W2": ((1, 4), "= (n_y, n_h)"), "b2": ((1, 1), "= (n_y, 1)")}


# -- the L-layer rule (week 5's initializations) ------------------------------------------------

#: The scales week 5 asks for, per layer l of layer sizes dims.
DEEP_SCALES = {"times-10": lambda dims, l: 10.0, "he": lambda dims, l: np.sqrt(2 / dims[l - 1]),
               "xavier": lambda dims, l: np.sqrt(1 / dims[l - 1])}
#: The sizes whose distribution week 5 judges: its public and its hidden large networks.
DEEP_SIZES = [[400, 300, 200, 100], [500, 64, 64, 64, 32]]


def _deep(dims, scale, seed=0, reverse=False):
    rng = np.random.default_rng(seed)
    layers = list(range(1, len(dims)))
    parameters = {}
    for l in reversed(layers) if reverse else layers:
        parameters[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1])) * scale(dims, l)
        parameters[f"b{l}"] = np.zeros((dims[l], 1))
    return parameters


def _deep_rule(parameters, dims, scale, distribution=True):
    return init.expect_deep_initialization(parameters, dims, "init", lambda l: {"s": scale(dims, l)},
                                           distribution=distribution, dims_name="layers_dims")


@pytest.mark.parametrize("dims", DEEP_SIZES, ids=["400-300-200-100", "500-64-64-64-32"])
@pytest.mark.parametrize("kind", list(DEEP_SCALES))
def test_deep_rule_passes_correct_draws_in_either_order_under_many_seeds(kind, dims):
    """Do 20 correct initializations of each scale, drawn first layer first or last layer
    first, pass the L-layer rule with each layer's distribution judged?"""
    for seed in range(20):
        for reverse in (False, True):
            _deep_rule(_deep(dims, DEEP_SCALES[kind], seed, reverse), dims, DEEP_SCALES[kind])


def test_deep_rule_passes_small_networks_without_statistics():
    """At sizes too small to judge (one weight per layer included), do 200 correct draws pass?"""
    for seed in range(200):
        for dims in ([1, 1], [3, 2, 1], [2, 10, 5, 1], [30, 1, 30, 1]):
            _deep_rule(_deep(dims, DEEP_SCALES["he"], seed), dims, DEEP_SCALES["he"], distribution=False)


@pytest.mark.parametrize("bug, fragment", [
    (lambda p: {k: v for k, v in p.items() if k not in ("W3", "b3")}, "range(1, L + 1)"),
    (lambda p: {**p, "W2": p["W1"].ravel()[:p["W2"].size].reshape(p["W2"].shape) * np.sqrt(400 / 300)},
     "W2 repeats the random numbers of W1"),
    (lambda p: {**p, "W1": p["W1"] * np.sqrt(400 / 300)}, "W1 has standard deviation"),
    (lambda p: {**p, "b2": np.full_like(p["b2"], 0.1)}, "biases start at zero"),
    (lambda p: {**p, "W3": np.zeros_like(p["W3"])}, "W3 is all zeros"),
], ids=["last-layer-missing", "reseeded", "n_l-for-n_l-1", "non-zero-bias", "zero-layer"])
def test_deep_rule_rejects_the_bugs_by_name(bug, fragment):
    """Is each bug of an L-layer initialization rejected with a message naming it?"""
    dims = DEEP_SIZES[0]
    with pytest.raises(CheckFailed) as failed:
        _deep_rule(bug(_deep(dims, DEEP_SCALES["he"], seed=5)), dims, DEEP_SCALES["he"])
    assert fragment in failed.value.text.en, failed.value.text.en


def test_deep_rule_adds_the_spread_hint_to_a_wrong_spread_only():
    """Is ``spread_hint`` said after a layer's wrong spread, and not after another failure
    (a non-zero bias) of the same initialization?"""
    dims, he = DEEP_SIZES[0], DEEP_SCALES["he"]
    hint = lambda l, w: Text(f"layer {l} looks like Xavier", f"{l}층은 Xavier 같습니다")
    xavier = _deep(dims, DEEP_SCALES["xavier"], seed=6)
    with pytest.raises(CheckFailed) as failed:
        init.expect_deep_initialization(xavier, dims, "init", lambda l: {"s": he(dims, l)}, distribution=True,
                                        spread_hint=hint)
    assert failed.value.text.en.endswith("Hint: layer 1 looks like Xavier"), failed.value.text.en
    assert failed.value.text.ko.endswith("힌트: 1층은 Xavier 같습니다"), failed.value.text.ko
    with pytest.raises(CheckFailed) as failed:
        init.expect_deep_initialization({**xavier, "b1": xavier["b1"] + 1}, dims, "init", lambda l: {"s": he(dims, l)},
                                        distribution=True, spread_hint=hint)
    assert "Xavier" not in failed.value.text.en
