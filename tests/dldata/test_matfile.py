"""The MATLAB 5 reader (dldata.matfile): what SciPy's loadmat reads, it reads the same, in NumPy alone."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
import scipy.io

from dldata.matfile import MatFileError, loadmat

MATRICES = {
    "doubles": np.arange(12.0).reshape(3, 4) / 7,
    "small integers stored as uint8": np.array([[0.0], [1.0], [1.0], [0.0]]),
    "negative integers stored as int16": np.array([[-300.0, 2.0], [5.0, -1.0]]),
    "int32": np.arange(6, dtype=np.int32).reshape(2, 3),
    "uint8": np.array([[1, 2, 250]], dtype=np.uint8),
    "single": np.linspace(-1, 1, 6, dtype=np.float32).reshape(3, 2),
    "one number": np.array([[3.5]]),
}


@pytest.mark.parametrize("compressed", [False, True], ids=["plain", "compressed"])
@pytest.mark.parametrize("name", list(MATRICES))
def test_reads_what_scipy_wrote(tmp_path: Path, name: str, compressed: bool):
    """Does a matrix saved by SciPy come back with the same shape, values and dtype (the
    class MATLAB saved, whatever type its values were stored in)?"""
    path = tmp_path / "m.mat"
    scipy.io.savemat(path, {"a": MATRICES[name], "other": MATRICES[name] * 2}, do_compression=compressed)
    got = loadmat(path)
    want = scipy.io.loadmat(path, mat_dtype=True)
    assert sorted(got) == ["a", "other"]
    for key in got:
        assert got[key].dtype == want[key].dtype and got[key].shape == want[key].shape
        np.testing.assert_array_equal(got[key], want[key])


def _bytes_of(tmp_path: Path, value, compressed: bool = False) -> bytes:
    path = tmp_path / "x.mat"
    scipy.io.savemat(path, {"v": value}, do_compression=compressed)
    return path.read_bytes()


@pytest.mark.parametrize("value, what", [
    ({"field": np.eye(2)}, "struct"),
    (np.array([[1 + 2j, 3]]), "complex"),
    ("some text", "string"),
    (np.zeros((2, 2, 2)), "3 dimensions"),
], ids=["struct", "complex", "string", "3-d"])
def test_refuses_what_it_does_not_read(tmp_path: Path, value, what: str):
    """Is a variable that is not a real 2-D numeric matrix refused by name, not misread?"""
    path = tmp_path / "y.mat"
    path.write_bytes(_bytes_of(tmp_path, value))
    with pytest.raises(MatFileError, match="'v'"):
        loadmat(path)


def test_refuses_a_file_that_is_not_matlab_5(tmp_path: Path):
    """Are an HDF5 file (MATLAB 7.3) or a text file refused with a reason?"""
    path = tmp_path / "z.mat"
    path.write_bytes(b"\x89HDF\r\n\x1a\n" + b"\0" * 200)
    with pytest.raises(MatFileError, match="not a MATLAB 5 file"):
        loadmat(path)


@pytest.mark.parametrize("compressed", [False, True], ids=["plain", "compressed"])
def test_refuses_a_truncated_file(tmp_path: Path, compressed: bool):
    """Does a file cut short raise MatFileError (or zlib's error for a cut compressed stream),
    never return a shorter array?"""
    data = _bytes_of(tmp_path, np.arange(40.0).reshape(8, 5), compressed)
    path = tmp_path / "cut.mat"
    path.write_bytes(data[:-20])
    with pytest.raises((MatFileError, zlib.error)):
        loadmat(path)


def test_reads_a_big_endian_file(tmp_path: Path):
    """Is a file written big-endian ("MI") read with the right values? (SciPy writes only
    little-endian: the bytes are swapped here by hand, element by element.)"""
    header = b"MATLAB 5.0 MAT-file".ljust(124, b" ") + struct.pack(">H", 0x0100) + b"MI"
    values = np.array([[1.5, -2.0], [3.25, 4.0], [0.0, 7.0]])

    def element(kind: int, body: bytes) -> bytes:
        return struct.pack(">II", kind, len(body)) + body + b"\0" * (-len(body) % 8)

    matrix = (element(6, struct.pack(">II", 6, 0)) + element(5, struct.pack(">ii", 3, 2))
              + element(1, b"big") + element(9, values.astype(">f8").tobytes(order="F")))
    path = tmp_path / "big.mat"
    path.write_bytes(header + element(14, matrix))
    got = loadmat(path)
    np.testing.assert_array_equal(got["big"], values)
