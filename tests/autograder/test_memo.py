"""The reference-call cache: same answers, computed once, keyed on what matters."""

import hashlib
import time
from types import SimpleNamespace

import numpy as np
import pytest

from autograder import memo
from autograder.reference import fixed_random_state


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("AUTOGRADE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(memo, "_memory", {})
    return tmp_path / "cache"


def _slow_reference(calls):
    def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009):
        calls.append(1)
        time.sleep(memo.SLOW_SECONDS * 2)
        return {"w": w - learning_rate * num_iterations, "b": b}
    return optimize


def test_positional_and_keyword_calls_share_one_computation(cache_dir):
    """Does optimize(w, b, X, Y, 100) reuse the result of optimize(w, b, X, Y, num_iterations=100)?"""
    calls = []
    cached = memo.memoized("optimize", _slow_reference(calls), "digest")
    w = np.ones((2, 1))
    first = cached(w, 0.0, w, w, num_iterations=100)
    second = cached(w, 0.0, w, w, 100, 0.009)
    assert len(calls) == 1 and np.array_equal(first["w"], second["w"])
    assert len(list(cache_dir.iterdir())) == 1


def test_disk_cache_survives_the_process_and_follows_the_solution(cache_dir):
    """Is a slow result read back from disk, and recomputed when the solution's source changes?"""
    calls = []
    memo.memoized("optimize", _slow_reference(calls), "v1")(np.ones(2), 0.0, 1, 1)
    memo._memory.clear()  # as in a new process
    memo.memoized("optimize", _slow_reference(calls), "v1")(np.ones(2), 0.0, 1, 1)
    assert len(calls) == 1
    memo.memoized("optimize", _slow_reference(calls), "v2")(np.ones(2), 0.0, 1, 1)
    assert len(calls) == 2


def test_a_call_that_draws_nothing_is_found_from_any_random_state(cache_dir):
    """Is a slow result that never drew from np.random read back from disk in a new process,
    which starts from another (random) global state? (Keyed by the state, the week-2 model's
    training on the real data was done again by every `autograde grade`.)"""
    calls = []
    np.random.seed(1)
    memo.memoized("optimize", _slow_reference(calls), "v1")(np.ones(2), 0.0, 1, 1)
    memo._memory.clear()  # as in a new process ...
    np.random.seed(2)  # ... whose random state is another
    memo.memoized("optimize", _slow_reference(calls), "v1")(np.ones(2), 0.0, 1, 1)
    assert len(calls) == 1


def test_cached_results_are_copies(cache_dir):
    """Can a caller that mutates a cached result change what the next caller gets? (It must not.)"""
    cached = memo.memoized("optimize", _slow_reference([]), "d")
    cached(np.zeros(2), 0.0, 1, 1)["w"][:] = 99
    assert not np.any(cached(np.zeros(2), 0.0, 1, 1)["w"] == 99)


def test_the_disk_cache_is_bounded_least_recently_used_first(cache_dir):
    """Does the cache stay under its size bound, dropping the entries used longest ago?"""
    cache_dir.mkdir()
    for i, name in enumerate(["old", "used", "new"]):
        (cache_dir / name).write_bytes(b"x" * 400_000)
        import os

        os.utime(cache_dir / name, (1000 + i, 1000 + i))
    os.utime(cache_dir / "used", (5000, 5000))  # read recently
    memo.prune(cache_dir, max_mb=1.0)
    assert sorted(p.name for p in cache_dir.iterdir()) == ["new", "used"]


def test_reference_calls_made_for_a_sandbox_are_never_cached(cache_dir):
    """Can a student fill the grader's cache by calling the reference from their code? (Only
    calls the grader asks for itself are cached.)"""
    from autograder import specs
    from autograder.reference import reference_for

    spec = specs.get("week2/logistic_regression")
    callback = reference_for(spec).for_callback(spec.function("optimize"))
    w = np.zeros((3, 1))
    callback(w, 0.0, np.ones((3, 400)), np.ones((1, 400)), num_iterations=3000)
    assert not cache_dir.exists() or not any(cache_dir.iterdir())


def test_another_global_random_state_is_another_key(cache_dir):
    """Is a reference that draws from np.random computed again under another global seed
    (a cached answer of seed 1 must not answer seed 2)?"""
    def initialize(n):
        time.sleep(memo.SLOW_SECONDS * 2)
        return np.random.randn(n)

    cached = memo.memoized("initialize", initialize, "d")
    np.random.seed(1)
    first = cached(3)
    np.random.seed(2)
    second = cached(3)
    np.random.seed(1)
    again = cached(3)
    assert not np.allclose(first, second) and np.allclose(first, again)


def test_a_cached_answer_leaves_the_random_state_as_the_call_would(cache_dir):
    """After an answer from the cache, does np.random continue as after the real call, so the
    next draws are the same cold or warm?"""
    def initialize(n):
        time.sleep(memo.SLOW_SECONDS * 2)
        return np.random.randn(n)

    cached = memo.memoized("initialize", initialize, "d")
    np.random.seed(5)
    cached(2)
    cold_next = np.random.randn(2)
    memo._memory.clear()
    np.random.seed(5)
    cached(2)  # from disk now
    assert np.allclose(np.random.randn(2), cold_next)


def test_a_fixed_random_state_finds_a_remembered_training_whatever_ran_before(cache_dir):
    """Is a slow reference that seeds itself (a model's training) computed once when called
    under fixed_random_state, whatever drew from np.random before (another long check), and
    is the state put back after? Without it, another state is another computation."""
    calls = []

    def model(n):
        calls.append(1)
        time.sleep(memo.SLOW_SECONDS * 2)
        np.random.seed(1)
        return np.random.randn(n)

    cached = memo.memoized("model", model, "d")
    np.random.seed(7)
    with fixed_random_state():
        first = cached(2)
    np.random.seed(8)
    before = np.random.get_state()[1].copy()
    with fixed_random_state():
        second = cached(2)
    assert len(calls) == 1 and np.array_equal(first, second)
    assert np.array_equal(np.random.get_state()[1], before)
    cached(2)  # from the state seed 8 left: another key
    assert len(calls) == 2


# -- the real data: large read-only arrays the grader supplies --------------------------------

def _supplied(seed: int = 0) -> np.ndarray:
    """A read-only array large enough to be keyed by its digest (autograder.sandbox.supplied)."""
    array = np.random.default_rng(seed).normal(size=(1024, 160))
    array.setflags(write=False)
    return array


def test_the_real_data_is_keyed_by_a_digest_made_once(cache_dir, monkeypatch):
    """Is a large read-only argument hashed once however many calls name it, the calls
    sharing one computation, and is another value of it another computation?"""
    from autograder.sandbox import supplied

    calls, made = [], []
    monkeypatch.setattr(supplied, "hashlib", SimpleNamespace(sha256=lambda *a: made.append(1) or hashlib.sha256(*a)))
    cached = memo.memoized("optimize", _slow_reference(calls), "d")
    x, other = _supplied(0), _supplied(1)
    results = [cached(np.zeros(2), 0.0, x, 1) for _ in range(3)]
    assert len(calls) == 1 and len(made) == 1
    cached(np.zeros(2), 0.0, other, 1)
    assert len(calls) == 2
    assert all(np.array_equal(r["w"], results[0]["w"]) for r in results)


@pytest.mark.parametrize("lookalike", [
    lambda digest: {"$t": "sha256", "v": digest},
    lambda digest: ("sha256", digest),
    lambda digest: digest,
], ids=["dict-like-the-node", "tuple", "the-digest-string"])
def test_no_other_argument_shares_the_key_of_the_real_data(lookalike):
    """Can an argument that spells out the digest node, or the digest itself, take the
    key of the array it names? (The node is one no other value encodes to.)"""
    from autograder.sandbox import supplied

    x = _supplied()
    assert memo._key("d", "f", {"x": x}).hexdigest() != memo._key("d", "f", {"x": lookalike(supplied.digest(x))}).hexdigest()


def test_the_same_values_writable_are_keyed_by_their_bytes():
    """A writable copy of the real data may change after it is keyed: is it keyed by its
    bytes, as before (an equal key for equal bytes, another for a changed one)?"""
    x = _supplied()
    copy = x.copy()
    before = memo._key("d", "f", {"x": copy}).hexdigest()
    assert before == memo._key("d", "f", {"x": x.copy()}).hexdigest()
    copy[0, 0] += 1
    assert memo._key("d", "f", {"x": copy}).hexdigest() != before
