"""Tests for dldata.catvnoncat: the course's view and the flattened view of the data."""

from __future__ import annotations

from pathlib import Path

import h5py
import numpy as np
import pytest

from dldata import CatVsNonCat, DataError, catvnoncat, load_catvnoncat, load_dataset


def lr_utils_load_dataset(folder: Path):
    """The course's ``lr_utils.load_dataset``, verbatim but for the folder: the reference."""
    train_dataset = h5py.File(folder / "train_catvnoncat.h5", "r")
    train_set_x_orig = np.array(train_dataset["train_set_x"][:])
    train_set_y_orig = np.array(train_dataset["train_set_y"][:])
    test_dataset = h5py.File(folder / "test_catvnoncat.h5", "r")
    test_set_x_orig = np.array(test_dataset["test_set_x"][:])
    test_set_y_orig = np.array(test_dataset["test_set_y"][:])
    classes = np.array(test_dataset["list_classes"][:])
    train_set_y_orig = train_set_y_orig.reshape((1, train_set_y_orig.shape[0]))
    test_set_y_orig = test_set_y_orig.reshape((1, test_set_y_orig.shape[0]))
    train_dataset.close()
    test_dataset.close()
    return train_set_x_orig, train_set_y_orig, test_set_x_orig, test_set_y_orig, classes


def assert_identical(got: np.ndarray, expected: np.ndarray) -> None:
    assert (got.shape, got.dtype) == (expected.shape, expected.dtype)
    np.testing.assert_array_equal(got, expected)


# -- on tiny fake files -----------------------------------------------------------------

def test_does_load_dataset_return_exactly_what_lr_utils_returns(fake_pair):
    """Are all five arrays equal, with the same shapes and dtypes, to the course's loader?"""
    got = load_dataset(fake_pair.folder)
    for g, e in zip(got, lr_utils_load_dataset(fake_pair.folder), strict=True):
        assert_identical(g, e)


def test_does_load_catvnoncat_put_scaled_examples_in_columns(fake_pair):
    """Are x of shape (n_x, m) float64 equal to orig.reshape(m, -1).T / 255, y of shape
    (1, m) int64, and the classes decoded?"""
    data = load_catvnoncat(fake_pair.folder)
    for x, y, x_orig, y_orig in [(data.train_x, data.train_y, fake_pair.train_x, fake_pair.train_y),
                                 (data.test_x, data.test_y, fake_pair.test_x, fake_pair.test_y)]:
        m = x_orig.shape[0]
        assert_identical(x, x_orig.reshape(m, -1).T / 255)
        assert x.shape == (4 * 5 * 3, m) and 0.0 <= x.min() and x.max() <= 1.0
        assert_identical(y, y_orig.reshape(1, m))
    assert data.classes == ["non-cat", "cat"]


def test_is_column_j_image_j_flattened_row_by_row_then_channel(fake_pair):
    """Is column j example j, its pixels in (row, column, channel) order, as the course has?"""
    x = load_catvnoncat(fake_pair.folder).train_x
    for j, image in enumerate(fake_pair.train_x):
        np.testing.assert_array_equal(x[:, j], image.ravel() / 255)
    assert x[1, 0] * 255 == fake_pair.train_x[0, 0, 0, 1]  # second value: green of pixel (0, 0)


def test_are_shared_arrays_protected_and_course_arrays_fresh(fake_pair):
    """Can no caller corrupt the cached data: are CatVsNonCat's arrays read-only, and are
    load_dataset's arrays writable copies that later loads do not see changed?"""
    data = load_catvnoncat(fake_pair.folder)
    with pytest.raises(ValueError, match="read-only"):
        data.train_x[0, 0] = 5.0
    first = load_dataset(fake_pair.folder)
    first[0][...] = 0
    first[1][...] = 7
    again = load_dataset(fake_pair.folder)
    assert_identical(again[0], fake_pair.train_x)
    assert_identical(again[1], fake_pair.train_y.reshape(1, -1))


def test_is_each_file_read_only_once_per_process(fake_pair, monkeypatch):
    """Do repeated loads, in either form, open each HDF5 file just once?"""
    opened = []
    real_file = h5py.File
    monkeypatch.setattr(catvnoncat.h5py, "File", lambda path, *a: opened.append(path.name)
                        or real_file(path, *a))
    for _ in range(3):
        load_catvnoncat(fake_pair.folder)
        load_dataset(fake_pair.folder)
    assert sorted(opened) == ["test_catvnoncat.h5", "train_catvnoncat.h5"]


def test_is_a_replaced_file_read_again(fake_pair, register, write_h5):
    """After fetch-style replacement of a file by a new valid one, do loads see new data?"""
    assert load_catvnoncat(fake_pair.folder).train_y.sum() == 3
    path = fake_pair.folder / "train_catvnoncat.h5"
    new = fake_pair.folder / "new.h5"
    write_h5(new, "train", fake_pair.train_x, np.ones(6, np.int64), fake_pair.classes)
    register(path.name, new.read_bytes())
    new.replace(path)
    assert load_catvnoncat(fake_pair.folder).train_y.sum() == 6


def test_does_a_missing_file_raise_the_store_error_with_its_fix(tmp_path):
    """Does loading from a folder without the files say where it looked and what to run?"""
    with pytest.raises(DataError, match=r"(?s)train_catvnoncat\.h5 is missing.*"
                                        r"-m dldata fetch --from"):
        load_catvnoncat(tmp_path)


@pytest.mark.parametrize(
    "x, y, classes, problem",
    [
        (np.zeros((6, 4, 5, 3), np.uint8), np.zeros(6, np.int64), None,
         "has no dataset list_classes"),
        (np.zeros((6, 60), np.uint8), np.zeros(6, np.int64), [b"non-cat", b"cat"],
         r"train_set_x has shape \(6, 60\) and train_set_y \(6,\)"),
        (np.zeros((6, 4, 5, 3), np.uint8), np.zeros(5, np.int64), [b"non-cat", b"cat"],
         r"train_set_x has shape \(6, 4, 5, 3\) and train_set_y \(5,\)"),
    ],
    ids=["no-classes", "x-not-images", "y-length"],
)
def test_does_a_malformed_file_raise_DataError_naming_it(x, y, classes, problem, fake_pair,
                                                         register, write_h5):
    """Does a verified file with the wrong layout give a clear error, not a KeyError?"""
    path = fake_pair.folder / "train_catvnoncat.h5"
    write_h5(path, "train", x, y, classes)
    register(path.name, path.read_bytes())
    with pytest.raises(DataError, match=problem):
        load_catvnoncat(fake_pair.folder)


def test_does_repr_show_shapes_not_values(fake_pair):
    """Is the dataset's repr short: shapes and classes only?"""
    assert repr(load_catvnoncat(fake_pair.folder)) == (
        "CatVsNonCat(train_x=(60, 6), train_y=(1, 6), test_x=(60, 4), test_y=(1, 4), "
        "classes=['non-cat', 'cat'])"
    )


# -- on the real files ------------------------------------------------------------------

def test_does_the_real_set_have_the_documented_shapes_and_dtypes(real_dir):
    """Are the real arrays (12288, 209) / (1, 209) / (12288, 50) / (1, 50), float64 and int64?"""
    data = load_catvnoncat(real_dir)
    assert isinstance(data, CatVsNonCat)
    assert [(a.shape, a.dtype) for a in (data.train_x, data.train_y, data.test_x, data.test_y)] == [
        ((12288, 209), np.float64), ((1, 209), np.int64),
        ((12288, 50), np.float64), ((1, 50), np.int64),
    ]
    assert data.classes == ["non-cat", "cat"]
    assert 0.0 <= data.train_x.min() and data.train_x.max() <= 1.0


def test_are_there_72_cats_in_train_and_33_in_test(real_dir):
    """Do the real labels count 72 cats of 209 and 33 of 50, all labels 0 or 1?"""
    data = load_catvnoncat(real_dir)
    assert (int(data.train_y.sum()), int(data.test_y.sum())) == (72, 33)
    assert set(np.unique(data.train_y)) | set(np.unique(data.test_y)) == {0, 1}


def test_does_the_real_set_match_lr_utils_and_its_flatten_order(real_dir):
    """On the real files, is load_dataset identical to the course's loader, and is
    load_catvnoncat's x exactly orig.reshape(m, -1).T / 255?"""
    got = load_dataset(real_dir)
    for g, e in zip(got, lr_utils_load_dataset(real_dir), strict=True):
        assert_identical(g, e)
    assert (got[0].shape, got[0].dtype, got[4].tolist()) == (
        (209, 64, 64, 3), np.uint8, [b"non-cat", b"cat"])
    data = load_catvnoncat(real_dir)
    assert_identical(data.train_x, got[0].reshape(209, -1).T / 255)
    assert_identical(data.test_x, got[2].reshape(50, -1).T / 255)
