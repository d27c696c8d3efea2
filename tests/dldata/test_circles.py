"""The generated circles of week 5: sklearn's make_circles without sklearn, and the course's points."""

from __future__ import annotations

import numpy as np
import pytest

from dldata import circles


@pytest.fixture(scope="module")
def data():
    return circles.load_dataset()


def test_shapes_and_dtypes(data):
    """Are the sets of shapes (2, 300), (1, 300), (2, 100), (1, 100), examples in columns?"""
    train_x, train_y, test_x, test_y = data
    assert (train_x.shape, train_y.shape, test_x.shape, test_y.shape) == ((2, 300), (1, 300), (2, 100), (1, 100))
    assert train_x.dtype == test_x.dtype == np.float64 and train_y.dtype == test_y.dtype == np.int64


def test_half_of_each_circle(data):
    """Are half the points of each set on the inner circle (label 1) and half on the outer?"""
    _, train_y, _, test_y = data
    assert set(np.unique(train_y)) == {0, 1}
    assert (int(train_y.sum()), int(test_y.sum())) == (150, 50)


def test_points_lie_on_their_circle_up_to_the_noise(data):
    """Is each point at distance 1 (outer) or 0.8 (inner) from the origin, within 6 standard
    deviations of the noise (0.05) per coordinate?"""
    for x, y in (data[:2], data[2:]):
        radius = np.where(y[0] == 1, circles.FACTOR, 1.0)
        assert np.all(np.abs(np.hypot(x[0], x[1]) - radius) < 6 * np.sqrt(2) * circles.NOISE)


def test_same_points_every_call_and_the_global_generator_seeded_as_the_course_left_it(data):
    """Does every call give the same points, leaving np.random where sklearn leaves it (after
    the test set's draws from seed 2)?"""
    again = circles.load_dataset()
    after = np.random.rand()
    assert all(np.array_equal(a, b) for a, b in zip(data, again, strict=True))
    np.random.seed(2)
    circles.make_circles(100, noise=0.05)
    assert np.random.rand() == after


def test_the_course_points():
    """Are the first points those of sklearn.datasets.make_circles(300, noise=.05) after
    np.random.seed(1) (recorded from scikit-learn 1.9.1, where every point and label matched)?"""
    train_x, train_y, test_x, _ = circles.load_dataset()
    np.testing.assert_array_equal(train_y[0, :10], [1, 0, 1, 1, 0, 0, 1, 0, 1, 1])
    np.testing.assert_allclose(train_x[:, :3], [[-0.07741354010048114, 0.43186959584803564, 0.07916502322979652],
                                                [0.8526022642742742, -0.8721450395952108, 0.8406610985900007]],
                               rtol=1e-12)
    assert float(train_x.sum()) == pytest.approx(0.10318058999808777, abs=1e-9)
    assert float(test_x.sum()) == pytest.approx(-0.418253070660783, abs=1e-9)


@pytest.mark.parametrize("n, seed", [(300, 1), (100, 2), (7, 5), (1, 0)])
def test_equal_to_sklearn_where_it_is_installed(n, seed):
    """Where scikit-learn is installed (it is not a dependency), are the points, the labels
    and the generator's state after the draw exactly sklearn's?"""
    datasets = pytest.importorskip("sklearn.datasets")
    np.random.seed(seed)
    want_x, want_y = datasets.make_circles(n_samples=n, noise=0.05)
    want_next = np.random.rand()
    np.random.seed(seed)
    got_x, got_y = circles.make_circles(n, noise=0.05)
    assert np.array_equal(got_x, want_x) and np.array_equal(got_y, want_y) and np.random.rand() == want_next


def test_an_explicit_generator_leaves_the_global_one_alone():
    """With ``random_state`` given, is np.random's global state untouched?"""
    np.random.seed(9)
    before = np.random.get_state()[1].copy()
    circles.make_circles(10, noise=0.05, random_state=np.random.RandomState(0))
    assert np.array_equal(np.random.get_state()[1], before)
