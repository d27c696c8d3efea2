"""The generated moons of week 6: sklearn's make_moons without sklearn, and the course's points."""

from __future__ import annotations

import numpy as np
import pytest

from dldata import moons


@pytest.fixture(scope="module")
def data():
    return moons.load_dataset()


def test_shapes_and_dtypes(data):
    """Is the set of shapes (2, 300) and (1, 300), examples in columns?"""
    train_x, train_y = data
    assert (train_x.shape, train_y.shape) == ((2, 300), (1, 300))
    assert train_x.dtype == np.float64 and train_y.dtype == np.int64


def test_half_of_each_moon(data):
    """Are half the points on the lower moon (label 1) and half on the upper?"""
    _, train_y = data
    assert set(np.unique(train_y)) == {0, 1} and int(train_y.sum()) == 150


def test_points_lie_on_their_moon_up_to_the_noise(data):
    """Is each point at distance 1 from its moon's centre ((0, 0) upper, (1, 0.5) lower),
    within 6 standard deviations of the noise (0.2) per coordinate?"""
    x, y = data
    cx, cy = np.where(y[0] == 1, 1.0, 0.0), np.where(y[0] == 1, 0.5, 0.0)
    assert np.all(np.abs(np.hypot(x[0] - cx, x[1] - cy) - 1) < 6 * np.sqrt(2) * moons.NOISE)


def test_same_points_every_call_and_the_global_generator_seeded_as_the_course_left_it(data):
    """Does every call give the same points, leaving np.random where sklearn leaves it (after
    the draws from seed 3)?"""
    again = moons.load_dataset()
    after = np.random.rand()
    assert all(np.array_equal(a, b) for a, b in zip(data, again, strict=True))
    np.random.seed(3)
    moons.make_moons(300, noise=0.2)
    assert np.random.rand() == after


def test_the_course_points():
    """Are the first points those of sklearn.datasets.make_moons(n_samples=300, noise=.2)
    after np.random.seed(3) (recorded from scikit-learn 1.9.1, where every point and label matched)?"""
    train_x, train_y = moons.load_dataset()
    np.testing.assert_array_equal(train_y[0, :10], [0, 1, 1, 1, 0, 0, 1, 1, 0, 1])
    np.testing.assert_allclose(train_x[:, :3], [[-0.21687013460912397, 0.8050501531955674, 0.7112745129750352],
                                                [1.0154493742029873, -0.5579733951321297, -0.4100602407591063]],
                               rtol=1e-12)
    assert float(train_x.sum()) == pytest.approx(229.31214774688254, abs=1e-9)


@pytest.mark.parametrize("n, seed", [(300, 3), (100, 2), (7, 5), (1, 0)])
def test_equal_to_sklearn_where_it_is_installed(n, seed):
    """Where scikit-learn is installed (it is not a dependency), are the points, the labels
    and the generator's state after the draw exactly sklearn's?"""
    datasets = pytest.importorskip("sklearn.datasets")
    np.random.seed(seed)
    want_x, want_y = datasets.make_moons(n_samples=n, noise=0.2)
    want_next = np.random.rand()
    np.random.seed(seed)
    got_x, got_y = moons.make_moons(n, noise=0.2)
    assert np.array_equal(got_x, want_x) and np.array_equal(got_y, want_y) and np.random.rand() == want_next


def test_an_explicit_generator_leaves_the_global_one_alone():
    """With ``random_state`` given, is np.random's global state untouched?"""
    np.random.seed(9)
    before = np.random.get_state()[1].copy()
    moons.make_moons(10, noise=0.2, random_state=np.random.RandomState(0))
    assert np.array_equal(np.random.get_state()[1], before)
