"""The week-6 optimization spec: are its own optimizers the reference's, does each slip it
names give values the right optimizer never gives, and is its test of mini-batches fair to
every correct shuffle and not to the usual wrong ones?"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autograder import specs
from autograder.reference import reference_for
from autograder.specs.week6 import optimization as week6
from dlcheck.checks import CheckFailed

REFERENCE = reference_for(specs.get("week6/optimization"))
KINDS = ("gd", "momentum", "rmsprop", "adagrad", "adam")
FUNCTIONS = {"gd": "update_parameters_with_gd", "momentum": "update_parameters_with_momentum",
             "rmsprop": "update_parameters_with_rmsprop", "adagrad": "update_parameters_with_adagrad",
             "adam": "update_parameters_with_adam"}


def _hyper(kind):
    names = [n for n in week6.CALLS[kind][1] if n != "t"]
    return st.tuples(*(week6._VALUES[n] for n in names)).map(lambda values: dict(zip(names, values, strict=True)))


def _reference_steps(kind, params, grads_list, hyper):
    """The reference's answers, step after step, from zero state."""
    state_names, hyper_names = week6.CALLS[kind]
    state = tuple(week6.zeros_like(params) for _ in state_names)
    for k, grads in enumerate(grads_list, start=1):
        extra = tuple(k if n == "t" else hyper[n] for n in hyper_names)
        got = REFERENCE.function(FUNCTIONS[kind])(week6.copied(params), week6.copied(grads),
                                                  *(week6.copied(s) for s in state), *extra)
        got = (got,) if kind == "gd" else got
        yield k, params, grads, state, got
        params, state = got[0], tuple(got[1:1 + len(state_names)])


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=15, deadline=None, database=None)
@given(data=st.data())
def test_the_spec_s_optimizers_are_the_reference_s(kind, data):
    """Is the spec's own step (used for hints) the reference's, on random networks and arguments?"""
    (dims, seed), hyper = data.draw(week6._dims()), data.draw(_hyper(kind))
    params, grads_list = week6.problem(dims, 3, seed)
    for k, p, g, state, want in _reference_steps(kind, params, grads_list, hyper):
        mine = week6.step(kind, p, g, state, hyper, k)
        for got, expected in zip(mine, want, strict=True):
            for key in expected:
                np.testing.assert_allclose(got[key], expected[key], rtol=1e-12, atol=1e-15)


SLIPS = {"gd": ["gd sign"], "momentum": ["no (1-beta)", "beta swapped"],
         "rmsprop": ["eps inside", "no (1-beta)", "beta swapped"], "adagrad": ["eps inside"],
         "adam": ["no correction", "t - 1", "t + 1", "eps inside", "beta swapped"]}


@pytest.mark.parametrize("kind, slip", [(k, s) for k, slips in SLIPS.items() for s in slips])
def test_every_slip_differs_from_the_right_step_on_the_public_inputs(kind, slip):
    """Does each named slip change the parameters of the public check's first steps, so
    the public check catches it (and its hint can name it)?"""
    hyper = week6._PUBLIC[kind][0]
    params, grads_list = week6.problem([3, 2, 1], 3, 1)
    for k, p, g, state, want in _reference_steps(kind, params, grads_list, hyper):
        if slip == "t - 1" and k == 1:
            continue  # 1 - beta**0 = 0: nan, which the comparison reports anyway
        wrong = week6.step(kind, p, g, state, hyper, k, slip)
        assert any(not np.allclose(wrong[0][key], want[0][key], rtol=1e-6, atol=1e-10) for key in want[0]), (k, slip)


@settings(max_examples=40, deadline=None, database=None)
@given(st.integers(1, 4), st.integers(1, 200), st.sampled_from([1, 3, 16, 64, 256]), st.integers(0, 2**32 - 1))
def test_any_correct_shuffle_passes_the_batches_test(n_x, m, size, seed):
    """Do batches cut from any permutation of the examples pass, whatever the generator?"""
    x, y = week6.batch_problem(n_x, m, seed)
    order = np.random.default_rng(seed).permutation(m)
    got = [(x[:, order][:, k:k + size], y[:, order][:, k:k + size]) for k in range(0, m, size)]
    assert sorted(week6.expect_batches(got, x, y, size, "b").tolist()) == list(range(m))
    assert len(got) == math.ceil(m / size)


@pytest.mark.parametrize("bug, says", [
    ("apart", "shuffle X and Y with the same permutation"),
    ("last dropped", "the last, smaller mini-batch is missing"),
    ("unshuffled", "keep the examples in their order"),
    ("repeated", "are not columns of X"),
])
def test_the_usual_wrong_batches_fail_with_their_hint(bug, says):
    """Do X and Y shuffled apart, a dropped last batch, no shuffle, or a repeated example fail,
    each with its hint?"""
    x, y = week6.batch_problem(3, 148, 1)
    rng = np.random.default_rng(2)
    ox, oy = rng.permutation(148), rng.permutation(148)
    if bug == "unshuffled":
        ox = oy = np.arange(148)
    if bug != "apart":
        oy = ox
    xs, ys = x[:, ox], y[:, oy]
    if bug == "repeated":
        xs = xs.copy()
        xs[0, 3] = 0.5  # not an example's number
    got = [(xs[:, k:k + 64], ys[:, k:k + 64]) for k in range(0, 148, 64)]
    if bug == "last dropped":
        got = got[:2]
    with pytest.raises(CheckFailed, match=says.replace("(", r"\(")):
        week6.expect_batches(got, x, y, 64, "b")


def test_the_given_cost_is_the_sum_over_the_batch():
    """Is opt_utils' compute_cost the summed cross-entropy (the model divides by m once per
    epoch, as the classic course does)?"""
    from autograder import helpers

    namespace = {}
    exec(helpers.sources(("opt_utils",))["opt_utils"], namespace)
    a3, y = np.array([[0.9, 0.2, 0.6]]), np.array([[1, 0, 1]])
    assert namespace["compute_cost"](a3, y) == pytest.approx(-(np.log(0.9) + np.log(0.8) + np.log(0.6)))
