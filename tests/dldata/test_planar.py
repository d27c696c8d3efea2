"""The generated 2-D data sets of week 3: shapes, labels, determinism, and the course's figures."""

from __future__ import annotations

import numpy as np
import pytest

from dldata import planar

EXTRA = ("noisy_circles", "noisy_moons", "blobs", "gaussian_quantiles")


def _every_set():
    yield "flower", planar.load_planar_dataset
    for name in EXTRA:
        yield name, lambda name=name: planar.load_extra_datasets()[name]


SETS = list(_every_set())


@pytest.mark.parametrize("name, load", SETS, ids=[name for name, _ in SETS])
def test_shapes_and_dtypes(name, load):
    """Is X of shape (2, 400) float64 and Y of shape (1, 400) uint8, examples in columns?"""
    x, y = load()
    assert x.shape == (2, 400) and x.dtype == np.float64
    assert y.shape == (1, 400) and y.dtype == np.uint8


@pytest.mark.parametrize("name, load", SETS, ids=[name for name, _ in SETS])
def test_two_balanced_classes(name, load):
    """Are the labels 0 and 1 only, 200 of each?"""
    _, y = load()
    assert set(np.unique(y)) == {0, 1}
    assert int(np.sum(y)) == 200


@pytest.mark.parametrize("name, load", SETS, ids=[name for name, _ in SETS])
def test_points_are_finite_and_spread(name, load):
    """Are the points finite, all different, and spread over the plane (not a constant)?"""
    x, _ = load()
    assert np.all(np.isfinite(x))
    assert np.unique(x, axis=1).shape[1] == 400
    assert np.all(np.std(x, axis=1) > 0.3)


@pytest.mark.parametrize("name, load", SETS, ids=[name for name, _ in SETS])
def test_same_points_every_call_and_fresh_arrays(name, load):
    """Does every call return the same points, in arrays the caller may change freely?"""
    x1, y1 = load()
    x2, y2 = load()
    np.testing.assert_array_equal(x1, x2)
    np.testing.assert_array_equal(y1, y2)
    x1[:] = 0
    y1[:] = 0
    x3, y3 = load()
    np.testing.assert_array_equal(x3, x2)
    np.testing.assert_array_equal(y3, y2)


def test_generation_ignores_the_global_random_state():
    """Is the data the same whatever np.random's global state (the notebook seeds it)?"""
    np.random.seed(123)
    x1, _ = planar.load_planar_dataset()
    extra1 = planar.load_extra_datasets()
    np.random.seed(7)
    np.random.randn(10)
    x2, _ = planar.load_planar_dataset()
    extra2 = planar.load_extra_datasets()
    np.testing.assert_array_equal(x1, x2)
    for name in EXTRA:
        np.testing.assert_array_equal(extra1[name][0], extra2[name][0])


def test_extra_datasets_are_the_four_named_sets_and_differ():
    """Does load_extra_datasets give exactly the four named sets, each different?"""
    extra = planar.load_extra_datasets()
    assert tuple(extra) == EXTRA
    points = [extra[name][0] for name in EXTRA]
    assert all(not np.allclose(a, b) for i, a in enumerate(points) for b in points[i + 1:])


def test_flower_classes_follow_the_petals():
    """Are the flower's points within the petals (radius up to 4 plus noise), class 0 in
    the first 200 columns?"""
    x, y = planar.load_planar_dataset()
    radius = np.hypot(x[0], x[1])
    assert radius.max() < 4 + 1.0 and np.median(radius) > 1.5
    assert np.all(y[0, :200] == 0) and np.all(y[0, 200:] == 1)


def test_flower_defeats_logistic_regression_as_in_the_course():
    """Does logistic regression reach the course's 47 % on the flower (no line separates it)?"""
    x, y = planar.load_planar_dataset()
    w, b = np.zeros((2, 1)), 0.0
    for _ in range(2000):
        error = planar.sigmoid(w.T @ x + b) - y
        w, b = w - 0.1 * x @ error.T / 400, b - 0.1 * float(np.mean(error))
    assert 100 * np.mean((planar.sigmoid(w.T @ x + b) > 0.5) == y) == pytest.approx(47.0)


def test_circles_put_class_1_on_the_inner_circle():
    """Is class 1 the inner circle (radius 0.5) and class 0 the outer one (radius 1)?"""
    x, y = planar.load_extra_datasets()["noisy_circles"]
    radius = np.hypot(x[0], x[1])
    assert np.median(radius[y[0] == 1]) < 0.75 < np.median(radius[y[0] == 0])


def test_gaussian_quantiles_put_class_1_outside_the_median_distance():
    """Is every point of class 1 (the outer half) farther from the centre than every point of class 0?"""
    x, y = planar.load_extra_datasets()["gaussian_quantiles"]
    radius = np.hypot(x[0], x[1])
    assert radius[y[0] == 1].min() >= radius[y[0] == 0].max()


def test_blobs_are_an_xor():
    """Are the blobs labelled 1 where both coordinates of their centre share a sign (most
    points lie in their centre's quadrant)?"""
    x, y = planar.load_extra_datasets()["blobs"]
    same_sign = (x[0] * x[1] > 0).astype(np.uint8)
    assert np.mean(same_sign == y[0]) > 0.85


def test_sigmoid_is_the_logistic_function():
    """Is the given sigmoid 1 / (1 + e^-z), element-wise, shape kept?"""
    z = np.array([[-1.0, 0.0, 2.0]])
    np.testing.assert_allclose(planar.sigmoid(z), [[0.26894142, 0.5, 0.88079708]])
