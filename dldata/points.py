"""The 2-D points of the regularization exercise (week 5), read from the verified ``data.mat``.

The file is the classic course's: a MATLAB 5 file with ``X`` (211, 2) and ``y`` (211, 1), the
training points (one per row) and their labels 0 or 1, and ``Xval`` (200, 2), ``yval``
(200, 1), the test points. It is read by :mod:`dldata.matfile` (NumPy only: the student
package has no SciPy) and turned into the course's layout, examples in columns:

- ``train_X`` of shape (2, 211) = ``X.T``, ``train_Y`` (1, 211) = ``y.T``;
- ``test_X`` (2, 200) = ``Xval.T``, ``test_Y`` (1, 200) = ``yval.T``.

The labels are float64, the class MATLAB saved them as (SciPy's ``loadmat`` gives the
``uint8`` they are stored in unless ``mat_dtype=True``; the numbers are the same).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from .matfile import MatFileError, loadmat
from .store import DataError, find_file

FILE = "data.mat"
#: The variables of the file, and the shape of each.
SHAPES = {"X": (211, 2), "y": (211, 1), "Xval": (200, 2), "yval": (200, 1)}


@lru_cache(maxsize=4)
def _read(path: Path, size: int, mtime_ns: int) -> tuple[np.ndarray, ...]:
    """``X``, ``y``, ``Xval``, ``yval`` of the file, checked, read-only (``size`` and
    ``mtime_ns`` are part of the cache key only)."""
    try:
        variables = loadmat(path)
    except MatFileError as exc:
        raise DataError(str(exc)) from None
    arrays = []
    for name, shape in SHAPES.items():
        if name not in variables or variables[name].shape != shape:
            got = variables[name].shape if name in variables else "nothing"
            raise DataError(f"{path}: variable {name} has shape {got}; expected {shape}")
        array = variables[name]
        array.setflags(write=False)
        arrays.append(array)
    return tuple(arrays)


def load_2D_dataset(data_dir: str | os.PathLike[str] | None = None) -> tuple[np.ndarray, ...]:
    """The regularization exercise's points, as the course's ``reg_utils.load_2D_dataset()``
    returns them (without its plot).

    Returns
    -------
    train_X : ndarray of shape (2, 211), float64, one point per column
    train_Y : ndarray of shape (1, 211), float64, labels 0 or 1
    test_X : ndarray of shape (2, 200), float64
    test_Y : ndarray of shape (1, 200), float64

    Each call returns fresh, writable copies (the file is read once per process). See
    `dldata.store.find_file` for ``data_dir`` and the errors raised.
    """
    path = find_file(FILE, data_dir).resolve()
    st = path.stat()
    x, y, xval, yval = _read(path, st.st_size, st.st_mtime_ns)
    return x.T.copy(), y.T.copy(), xval.T.copy(), yval.T.copy()


def clear_cache() -> None:
    """Forget the arrays read so far (the next load reads the file again)."""
    _read.cache_clear()
