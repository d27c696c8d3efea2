"""A reader of MATLAB 5 files holding numeric matrices, in NumPy alone.

The regularization exercise's ``data.mat`` is a MATLAB 5 file (each variable zlib-compressed,
as MATLAB saves them since version 7). SciPy's ``loadmat`` reads it, but SciPy is the
grader's, not the student package's (the kit installs NumPy, h5py and matplotlib), so
this small reader does what that file needs and no more:

- the 128-byte header, little-endian (``IM``) or big-endian (``MI``);
- top-level data elements, plain (``miMATRIX``) or compressed (``miCOMPRESSED``);
- real, two-dimensional numeric matrices of any numeric class, whatever type their values
  are stored in (MATLAB stores a double matrix of small integers as ``miUINT8``): the
  result has the class's dtype (``float64`` for ``double``), as ``loadmat`` returns it.

Anything else (cells, structs, strings, sparse or complex matrices, more than two
dimensions) raises :class:`MatFileError` naming the variable: better than a wrong array.
The format is MathWorks' "MAT-File Format" (version 5), section "Data element format".
"""

from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np

HEADER = 128

# Data types of data elements (miINT8 ... miUTF32) and the dtype of each.
_MI_MATRIX, _MI_COMPRESSED = 14, 15
_MI_TYPES = {1: "i1", 2: "u1", 3: "i2", 4: "u2", 5: "i4", 6: "u4", 7: "f4", 9: "f8", 12: "i8", 13: "u8"}
# Array classes (mxDOUBLE_CLASS ... mxUINT64_CLASS) and the dtype of each.
_MX_CLASSES = {6: "f8", 7: "f4", 8: "i1", 9: "u1", 10: "i2", 11: "u2", 12: "i4", 13: "u4", 14: "i8", 15: "u8"}
_COMPLEX, _SPARSE_CLASS = 0x0800, 5


class MatFileError(ValueError):
    """The file is not a MATLAB 5 file, or holds something this reader does not read."""


def loadmat(path: str | Path) -> dict[str, np.ndarray]:
    """The variables of the MATLAB 5 file at ``path``: name -> 2-D array of the variable's class.

    Raises :class:`MatFileError` for a file that is not MATLAB 5, is truncated, or holds a
    variable that is not a real numeric matrix.
    """
    data = Path(path).read_bytes()
    if len(data) < HEADER or not data[:6] == b"MATLAB":
        raise MatFileError(f"{path}: not a MATLAB 5 file (no 'MATLAB' header)")
    order = {b"IM": "<", b"MI": ">"}.get(data[126:128])
    if order is None:
        raise MatFileError(f"{path}: unknown byte-order mark {data[126:128]!r}")
    variables = {}
    for kind, body in _elements(data, HEADER, order, str(path)):
        if kind == _MI_COMPRESSED:
            body = zlib.decompress(body)
            kind, body = next(_elements(body, 0, order, str(path)))
        if kind != _MI_MATRIX:
            raise MatFileError(f"{path}: a top-level element of type {kind}, not a matrix")
        name, array = _matrix(body, order, str(path))
        variables[name] = array
    return variables


def _elements(data: bytes, pos: int, order: str, where: str):
    """``(type, bytes)`` of each data element from ``pos`` to the end of ``data``."""
    while pos < len(data):
        if len(data) - pos < 8:
            raise MatFileError(f"{where}: truncated data element at byte {pos}")
        first = int(np.frombuffer(data, f"{order}u4", 1, pos)[0])
        if first >> 16:  # the small data element format: type and size in one 4-byte word
            kind, size, start = first & 0xFFFF, first >> 16, pos + 4
            end, pos = start + size, pos + 8
        else:
            kind, size = first, int(np.frombuffer(data, f"{order}u4", 1, pos + 4)[0])
            start = pos + 8
            end = start + size
            # Compressed elements are not padded; every other one is, to 8 bytes.
            pos = end if kind == _MI_COMPRESSED else end + (-size % 8)
        if end > len(data):
            raise MatFileError(f"{where}: truncated data element at byte {start - 8}")
        yield kind, data[start:end]


def _numbers(kind: int, body: bytes, order: str, where: str) -> np.ndarray:
    if kind not in _MI_TYPES:
        raise MatFileError(f"{where}: numbers of data type {kind}")
    return np.frombuffer(body, f"{order}{_MI_TYPES[kind]}")


def _matrix(body: bytes, order: str, where: str) -> tuple[str, np.ndarray]:
    """The name and array of one ``miMATRIX`` element's body."""
    parts = list(_elements(body, 0, order, where))
    if len(parts) < 4:
        raise MatFileError(f"{where}: a matrix element with {len(parts)} parts (expected flags, dimensions, name, "
                           "values)")
    (_, flags), (dims_type, dims), (_, name_bytes), (values_type, values) = parts[:4]
    name = name_bytes.decode("ascii", "replace")
    flag_word = int(_numbers(6, flags, order, where)[0])
    array_class = flag_word & 0xFF
    if array_class not in _MX_CLASSES or array_class == _SPARSE_CLASS or flag_word & _COMPLEX or len(parts) > 4:
        raise MatFileError(f"{where}: variable {name!r} is not a real numeric matrix (class {array_class})")
    shape = tuple(int(n) for n in _numbers(dims_type, dims, order, where))
    if len(shape) != 2:
        raise MatFileError(f"{where}: variable {name!r} has {len(shape)} dimensions; this reader reads 2")
    flat = _numbers(values_type, values, order, where)
    if flat.size != shape[0] * shape[1]:
        raise MatFileError(f"{where}: variable {name!r} holds {flat.size} numbers for a {shape} matrix")
    # MATLAB stores a matrix column by column.
    return name, flat.astype(_MX_CLASSES[array_class]).reshape(shape, order="F").copy()
