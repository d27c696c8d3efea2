"""The cat/non-cat images of the classic course, read from the verified HDF5 files.

Two views of the same data:

- `load_dataset` returns exactly what the course's ``lr_utils.load_dataset()`` returns
  (raw uint8 images, labels of shape (1, m), classes as a bytes array), so notebook code
  written for the course runs unchanged;
- `load_catvnoncat` returns the ready-to-train form used throughout this project:
  examples in columns, ``X`` of shape (n_x, m) = (12288, m), scaled to [0, 1].

Arrays read from a file are cached per (path, size, mtime): the grader loads the data
once per process however many submissions it grades.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import h5py
import numpy as np

from .store import DataError, find_file

TRAIN_FILE = "train_catvnoncat.h5"
TEST_FILE = "test_catvnoncat.h5"

Split = tuple[np.ndarray, np.ndarray, np.ndarray]
FileKey = tuple[Path, int, int]


@dataclass(frozen=True, eq=False)
class CatVsNonCat:
    """The cat/non-cat set, flattened and scaled, examples in columns.

    Attributes
    ----------
    train_x : ndarray of shape (12288, 209), float64
        Training images, ``x_orig.reshape(m, -1).T / 255``: column ``j`` is image ``j``
        flattened in (row, column, channel) order; values in [0, 1].
    train_y : ndarray of shape (1, 209), int64
        Training labels, 1 = cat (72 of 209).
    test_x : ndarray of shape (12288, 50), float64
        Test images, flattened and scaled like ``train_x``.
    test_y : ndarray of shape (1, 50), int64
        Test labels, 1 = cat (33 of 50).
    classes : list of str
        Label names by index: ``["non-cat", "cat"]``.

    The arrays are read-only because they are shared by every caller in the process;
    take a ``.copy()`` to modify one.
    """

    train_x: np.ndarray
    train_y: np.ndarray
    test_x: np.ndarray
    test_y: np.ndarray
    classes: list[str]

    def __repr__(self) -> str:
        return (
            f"CatVsNonCat(train_x={self.train_x.shape}, train_y={self.train_y.shape}, "
            f"test_x={self.test_x.shape}, test_y={self.test_y.shape}, classes={self.classes})"
        )


def _read_only(a: np.ndarray) -> np.ndarray:
    a.setflags(write=False)
    return a


@lru_cache(maxsize=8)
def _read_split(path: Path, size: int, mtime_ns: int, split: str) -> Split:
    """Read ``<split>_set_x``, ``<split>_set_y`` and ``list_classes`` from ``path``.

    ``size`` and ``mtime_ns`` are part of the cache key only, so a replaced file is reread.
    Returns read-only arrays: x of shape (m, 64, 64, 3), y of shape (m,), classes (2,) bytes.
    """
    keys = (f"{split}_set_x", f"{split}_set_y", "list_classes")
    with h5py.File(path, "r") as f:
        absent = [k for k in keys if k not in f]
        if absent:
            raise DataError(f"{path} has no dataset {', '.join(absent)} (it has: {', '.join(f)})")
        x, y, classes = (np.array(f[k][:]) for k in keys)
    if x.ndim != 4 or y.shape != (x.shape[0],):
        raise DataError(
            f"{path}: {keys[0]} has shape {x.shape} and {keys[1]} {y.shape}; "
            "expected (m, height, width, channels) and (m,)"
        )
    return _read_only(x), _read_only(y), _read_only(classes)


def _file_key(name: str, data_dir: str | os.PathLike[str] | None) -> FileKey:
    """The verified file's resolved path, size and mtime: the key of the array caches."""
    path = find_file(name, data_dir).resolve()
    st = path.stat()
    return path, st.st_size, st.st_mtime_ns


def load_dataset(
    data_dir: str | os.PathLike[str] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return the cat/non-cat set exactly as the course's ``lr_utils.load_dataset()`` does.

    Returns
    -------
    train_set_x_orig : ndarray of shape (209, 64, 64, 3), uint8
    train_set_y : ndarray of shape (1, 209), int64
    test_set_x_orig : ndarray of shape (50, 64, 64, 3), uint8
    test_set_y : ndarray of shape (1, 50), int64
    classes : ndarray of shape (2,), bytes
        ``[b"non-cat", b"cat"]``, read from the test file as the course does.

    Each call returns fresh, writable copies (the file itself is read once per process).
    See `dldata.store.find_file` for ``data_dir`` and the errors raised.
    """
    train_x, train_y, _ = _read_split(*_file_key(TRAIN_FILE, data_dir), "train")
    test_x, test_y, classes = _read_split(*_file_key(TEST_FILE, data_dir), "test")
    return (
        train_x.copy(),
        train_y.reshape(1, -1).copy(),
        test_x.copy(),
        test_y.reshape(1, -1).copy(),
        classes.copy(),
    )


def flatten(x_orig: np.ndarray) -> np.ndarray:
    """Flatten images into columns and scale them to [0, 1].

    Parameters
    ----------
    x_orig : ndarray of shape (m, height, width, channels), uint8

    Returns
    -------
    ndarray of shape (height * width * channels, m), float64
        ``x_orig.reshape(m, -1).T / 255``, the course's order.
    """
    return x_orig.reshape(x_orig.shape[0], -1).T / 255.0


@lru_cache(maxsize=4)
def _prepared(train_key: FileKey, test_key: FileKey) -> tuple[np.ndarray, ...]:
    """Flatten, scale and reshape the two files' arrays once per pair of file versions."""
    train = _read_split(*train_key, "train")
    test = _read_split(*test_key, "test")
    return tuple(
        _read_only(a)
        for a in (
            flatten(train[0]),
            train[1].reshape(1, -1).astype(np.int64),
            flatten(test[0]),
            test[1].reshape(1, -1).astype(np.int64),
        )
    )


def load_catvnoncat(data_dir: str | os.PathLike[str] | None = None) -> CatVsNonCat:
    """Return the cat/non-cat set flattened, scaled and with examples in columns.

    Parameters
    ----------
    data_dir : path, optional
        Folder holding ``train_catvnoncat.h5`` and ``test_catvnoncat.h5``; by default they
        are found as described in `dldata.store.find_file`.

    Returns
    -------
    CatVsNonCat
        ``train_x`` of shape (12288, 209), ``train_y`` (1, 209), ``test_x`` (12288, 50),
        ``test_y`` (1, 50), ``classes`` ``["non-cat", "cat"]``.

    Raises
    ------
    DataError
        If a file is missing or corrupt; the message says where it looked and how to fix it.
    """
    train_key, test_key = _file_key(TRAIN_FILE, data_dir), _file_key(TEST_FILE, data_dir)
    train_x, train_y, test_x, test_y = _prepared(train_key, test_key)
    classes = [c.decode("utf-8") for c in _read_split(*test_key, "test")[2]]
    return CatVsNonCat(train_x, train_y, test_x, test_y, classes)


def clear_cache() -> None:
    """Forget the arrays read so far (the next load reads the files again)."""
    _read_split.cache_clear()
    _prepared.cache_clear()
