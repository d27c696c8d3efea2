"""The regularization exercise's points (dldata.points): data.mat found, verified, read and laid out as the course's."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import scipy.io

from dldata import points
from dldata.store import DataError


@pytest.fixture(autouse=True)
def fresh():
    points.clear_cache()
    yield
    points.clear_cache()


def _fake(folder: Path, register, **shapes) -> dict:
    rng = np.random.default_rng(5)
    sizes = {"X": (211, 2), "y": (211, 1), "Xval": (200, 2), "yval": (200, 1), **shapes}
    values = {k: rng.normal(size=s) if k.startswith("X") else rng.integers(0, 2, s).astype(float)
              for k, s in sizes.items() if s is not None}
    scipy.io.savemat(folder / "data.mat", values, do_compression=True)
    register("data.mat", (folder / "data.mat").read_bytes())
    return values


def test_the_course_layout(folders, register):
    """Are the points columns (train_X = X.T of shape (2, 211), ...) and the labels rows of 0 and 1?"""
    values = _fake(folders.shared, register)
    train_x, train_y, test_x, test_y = points.load_2D_dataset()
    assert [a.shape for a in (train_x, train_y, test_x, test_y)] == [(2, 211), (1, 211), (2, 200), (1, 200)]
    np.testing.assert_array_equal(train_x, values["X"].T)
    np.testing.assert_array_equal(test_y, values["yval"].T)
    assert train_y.dtype == np.float64


def test_each_call_gets_its_own_arrays(folders, register):
    """Does changing a returned array leave the next call's alone?"""
    _fake(folders.shared, register)
    first = points.load_2D_dataset()[0]
    first[:] = 0
    assert np.any(points.load_2D_dataset()[0] != 0)


def test_a_variable_of_another_shape_is_an_error(folders, register):
    """Is a file whose Xval has another shape refused, naming the variable?"""
    _fake(folders.shared, register, Xval=(150, 2), yval=(150, 1))
    with pytest.raises(DataError, match="Xval has shape"):
        points.load_2D_dataset()


def test_a_missing_file_says_how_to_fetch_it(folders):
    """Does a missing data.mat say where it looked and the command that gets it?"""
    with pytest.raises(DataError, match="fetch.*data.mat"):
        points.load_2D_dataset()


@pytest.mark.real_data
def test_the_real_file_reads_as_scipy_reads_it():
    """Are the real data.mat's four variables exactly SciPy's (211 training points, 200 test
    points, labels 0 and 1, about half of each class)?"""
    real = Path(__file__).resolve().parents[3] / "shared" / "datasets"
    if not (real / "data.mat").is_file():
        pytest.skip(f"data.mat not found in {real}")
    train_x, train_y, test_x, test_y = points.load_2D_dataset(real)
    want = scipy.io.loadmat(real / "data.mat")
    np.testing.assert_array_equal(train_x, want["X"].T)
    np.testing.assert_array_equal(train_y, want["y"].T)
    np.testing.assert_array_equal(test_x, want["Xval"].T)
    np.testing.assert_array_equal(test_y, want["yval"].T)
    assert set(np.unique(train_y)) == {0.0, 1.0} and round(float(train_y.mean()), 3) == 0.502
