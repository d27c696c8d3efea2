"""The data-only message format between the grader and the sandboxed student code.

A message is a JSON document plus raw array buffers, never a pickle: decoding it can
build only None, bool, int, float, complex, str, list, tuple, dict and numeric NumPy
arrays/scalars, whatever the sender was. This module imports only the standard library
and NumPy because it is also loaded inside the sandbox (copied beside the worker).

Frame layout (all lengths big-endian)::

    u32 json_length | json bytes | u32 n_buffers | (u64 length | bytes) * n_buffers

Values are encoded as JSON with these tagged objects:
``{"$t": "nd", "i": k, "dtype": "<f8", "shape": [..]}`` (array whose bytes are buffer k),
``{"$t": "np", "dtype": "<f8", "v": ..}`` (NumPy scalar), ``{"$t": "tuple", "v": [..]}``,
``{"$t": "dict", "v": [[key, value], ..]}``, ``{"$t": "float", "v": "nan"}`` (non-finite),
``{"$t": "complex", "v": [re, im]}`` and ``{"$t": "other", "type": "Name"}`` for anything
else (it arrives as an :class:`Unsupported` marker, so the grader can say what came back).

Sending writes the frame's parts one after another (array bytes straight from the
array's memory), and receiving reads each buffer straight into the array it becomes:
a 20 MB array is copied once on each side, by the kernel.
"""

from __future__ import annotations

import json
import math
import socket
import struct
import time
from typing import Any

import numpy as np

#: Largest message either side accepts; a bigger one is a "value too large" failure.
MAX_MESSAGE_BYTES = 512 * 1024 * 1024
_MAX_DEPTH = 32
_ARRAY_KINDS = "biufc"  # bool, signed, unsigned, float, complex; never object or void
_SMALL_PART = 64 * 1024  # parts of a frame below this are joined before sending


class WireError(ValueError):
    """A message that is malformed, too large or holds something that is not data."""


class Unsupported:
    """Stands for a value the sender could not express as data (its type name only)."""

    def __init__(self, type_name: str):
        self.type_name = type_name[:80]

    def __repr__(self) -> str:
        return f"<{self.type_name} object>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Unsupported) and other.type_name == self.type_name


# Bound once, so that a submission patching numpy or json in the sandbox cannot change
# how its own results are written down.
_ndarray = np.ndarray
_generic = np.generic
_ascontiguousarray = np.ascontiguousarray
_empty = np.empty
_array = np.array
_uint8 = np.dtype(np.uint8)
_dumps = json.dumps
_loads = json.loads


# -- encoding -------------------------------------------------------------------------------

class Frame:
    """One encoded message: its parts, sent one after another without joining them."""

    def __init__(self, parts: list):
        self.parts = parts
        self.size = sum(len(p) for p in parts)

    def __len__(self) -> int:
        return self.size

    def tobytes(self) -> bytes:
        return b"".join(self.parts)


class _Out:
    """What encoding one message collects: its arrays, C-contiguous."""

    def __init__(self) -> None:
        self.arrays: list[np.ndarray] = []

    def array(self, value: np.ndarray) -> dict:
        if not value.flags.c_contiguous:
            value = _ascontiguousarray(value)  # one copy, for arrays that are views with gaps
        self.arrays.append(value)
        return {"$t": "nd", "i": len(self.arrays) - 1, "dtype": value.dtype.str, "shape": list(value.shape)}


def _encode(value: Any, out: _Out, depth: int) -> Any:
    if depth > _MAX_DEPTH:
        return {"$t": "other", "type": "too deeply nested value"}
    kind = type(value)
    if value is None or kind is bool or kind is str:
        return value
    if kind is int:
        return value if -(2**63) <= value < 2**63 else float(value)
    if kind is float:
        return value if math.isfinite(value) else {"$t": "float", "v": repr(value)}
    if kind is complex:
        return {"$t": "complex", "v": [_encode(value.real, out, depth + 1), _encode(value.imag, out, depth + 1)]}
    if kind is list or kind is tuple:
        items = [_encode(v, out, depth + 1) for v in value]
        return items if kind is list else {"$t": "tuple", "v": items}
    if kind is dict:
        return {"$t": "dict", "v": [[_encode(k, out, depth + 1), _encode(v, out, depth + 1)]
                                     for k, v in value.items()]}
    if kind is _ndarray and value.dtype.kind in _ARRAY_KINDS:
        return out.array(value)
    if isinstance(value, _generic) and type(value).__module__ == "numpy" and value.dtype.kind in _ARRAY_KINDS:
        item = value.item()
        return {"$t": "np", "dtype": value.dtype.str, "v": _encode(item, out, depth + 1)}
    return {"$t": "other", "type": getattr(kind, "__qualname__", "object")}


def frame(message: Any) -> Frame:
    """Encode a message (see module docstring) into a :class:`Frame`."""
    out = _Out()
    tree = _encode(message, out, 0)
    doc = _dumps(tree, allow_nan=False).encode()
    parts: list = [struct.pack(">I", len(doc)) + doc + struct.pack(">I", len(out.arrays))]
    for array in out.arrays:
        parts.append(struct.pack(">Q", array.nbytes))
        if array.nbytes:
            parts.append(memoryview(_ndarray.view(_ndarray.reshape(array, -1), _uint8)))
    return Frame(parts)


def encode(message: Any) -> bytes:
    """Serialize a message (see module docstring) into one frame, as bytes."""
    return frame(message).tobytes()


# -- decoding -------------------------------------------------------------------------------

class _Source:
    """The unread rest of one frame, of a known size: reads never pass its end."""

    def __init__(self, size: int, read_into: Any):
        self.left = size
        self._read_into = read_into  # (memoryview) -> None, filling it whole

    def take(self, n: int) -> bytes:
        buf = bytearray(self._claim(n))
        self._read_into(memoryview(buf))
        return bytes(buf)

    def fill(self, array: np.ndarray) -> None:
        if array.nbytes:
            self._claim(array.nbytes)
            self._read_into(memoryview(_ndarray.view(_ndarray.reshape(array, -1), _uint8)))

    def _claim(self, n: int) -> int:
        if n > self.left:
            raise WireError("frame length mismatch")
        self.left -= n
        return n


class _In:
    """What decoding one message builds before its buffers are read: the arrays to fill,
    by buffer index."""

    def __init__(self, n_buffers: int, budget: int):
        self.n_buffers, self.budget = n_buffers, budget
        self.slots: dict[int, np.ndarray] = {}

    def array(self, node: dict) -> np.ndarray:
        dtype = np.dtype(str(node["dtype"]))
        if dtype.kind not in _ARRAY_KINDS:
            raise WireError(f"array of dtype {dtype} is not data")
        shape = tuple(int(n) for n in node["shape"])
        if any(n < 0 for n in shape):
            raise WireError("negative array dimension")
        if "data" in node:  # inline form, see to_json
            return _array(node["data"], dtype=dtype).reshape(shape)
        index = node["i"]
        if type(index) is not int or not 0 <= index < self.n_buffers or index in self.slots:
            raise WireError("array buffer index out of range or used twice")
        nbytes = dtype.itemsize * math.prod(shape)
        if nbytes > self.budget:  # checked before allocating: a frame cannot ask for more than it holds
            raise WireError("array buffer does not match its shape")
        self.budget -= nbytes
        array = self.slots[index] = _empty(shape, dtype)
        return array


def _decode(node: Any, inp: _In, depth: int) -> Any:
    if depth > _MAX_DEPTH:
        raise WireError("value nested too deeply")
    if node is None or isinstance(node, (bool, int, float, str)):
        return node
    if isinstance(node, list):
        return [_decode(v, inp, depth + 1) for v in node]
    if not isinstance(node, dict):
        raise WireError(f"unexpected JSON node {type(node).__name__}")
    tag = node.get("$t")
    if tag == "nd":
        return inp.array(node)
    if tag == "np":
        dtype = np.dtype(str(node["dtype"]))
        if dtype.kind not in _ARRAY_KINDS:
            raise WireError(f"scalar of dtype {dtype} is not data")
        return dtype.type(_decode(node["v"], inp, depth + 1))
    if tag == "tuple":
        return tuple(_decode(v, inp, depth + 1) for v in node["v"])
    if tag == "dict":
        out = {}
        for k, v in node["v"]:
            key = _decode(k, inp, depth + 1)
            if not isinstance(key, (str, int, float, bool, tuple)) and key is not None:
                key = repr(key)  # unhashable keys come back as their repr
            out[key] = _decode(v, inp, depth + 1)
        return out
    if tag == "float":
        return float(node["v"])
    if tag == "complex":
        return complex(_decode(node["v"][0], inp, depth + 1), _decode(node["v"][1], inp, depth + 1))
    if tag == "other":
        return Unsupported(str(node.get("type", "object")))
    # A plain JSON object (from a student printing JSON, or a forged frame): not data.
    raise WireError("unknown tagged value")


def _read(source: _Source) -> Any:
    """Decode the frame ``source`` reads, its buffers read straight into their arrays."""
    (n,) = struct.unpack(">I", source.take(4))
    doc = source.take(n)
    (n_buffers,) = struct.unpack(">I", source.take(4))
    if 8 * n_buffers > source.left:
        raise WireError("frame length mismatch")
    try:
        tree = _loads(doc)
    except ValueError as exc:
        raise WireError(f"not JSON: {exc}") from None
    inp = _In(n_buffers, source.left - 8 * n_buffers)
    value = _decode(tree, inp, 0)
    for index in range(n_buffers):
        (size,) = struct.unpack(">Q", source.take(8))
        array = inp.slots.get(index)
        if array is None or size != array.nbytes:
            raise WireError("array buffer does not match its shape")
        source.fill(array)
    if source.left:
        raise WireError("frame length mismatch")
    return value


#: What a malformed frame can raise while it is read; each becomes a WireError.
_MALFORMED = (ValueError, LookupError, TypeError, ArithmeticError, struct.error, RecursionError, MemoryError)


def decode(data: bytes) -> Any:
    """Parse one frame produced by :func:`encode`; WireError if it is not one."""
    view = memoryview(data).cast("B")
    pos = 0

    def read_into(target: memoryview) -> None:
        nonlocal pos
        target[:] = view[pos:pos + len(target)]
        pos += len(target)

    try:
        return _read(_Source(len(view), read_into))
    except WireError:
        raise
    except _MALFORMED as exc:
        raise WireError(f"a malformed message ({type(exc).__name__})") from None


def to_json(value: Any) -> Any:
    """A JSON-able tree of ``value`` with arrays inline (readable files, not messages)."""
    out = _Out()
    tree = _encode(value, out, 0)

    def inline(node: Any) -> Any:
        if isinstance(node, list):
            return [inline(v) for v in node]
        if isinstance(node, dict):
            if node.get("$t") == "nd":
                data = _ndarray.reshape(out.arrays[node["i"]], -1).tolist()
                return {"$t": "nd", "dtype": node["dtype"], "shape": node["shape"], "data": data}
            return {k: inline(v) for k, v in node.items()}
        return node

    return inline(tree)


def from_json(tree: Any) -> Any:
    """The value written by :func:`to_json`."""
    return _decode(tree, _In(0, 0), 0)


# -- the channel ----------------------------------------------------------------------------

class Channel:
    """Framed messages over a stream socket: an 8-byte big-endian length, then a frame.

    Both ends use it: the sandboxed worker (blocking reads) and the grader (reads bounded
    by a deadline and a size limit). Whatever arrives is untrusted: a frame that does not
    decode raises :class:`WireError`, never anything else.
    """

    def __init__(self, sock: socket.socket, limit: int = MAX_MESSAGE_BYTES):
        self.sock = sock
        self.limit = min(limit, MAX_MESSAGE_BYTES)

    def send(self, message: Any) -> None:
        self.send_frame(frame(message))

    def send_frame(self, sent: Frame) -> None:
        """Send a frame made by :func:`frame`: small parts joined, array bytes as they are."""
        small = bytearray(sent.size.to_bytes(8, "big"))
        for part in sent.parts:
            if len(part) < _SMALL_PART:
                small += part
                continue
            if small:
                self.sock.sendall(small)
                small = bytearray()
            self.sock.sendall(part)
        if small:
            self.sock.sendall(small)

    def receive(self, deadline: float | None = None) -> Any:
        """The next message; ``deadline`` (``time.monotonic()`` seconds) bounds the wait
        (TimeoutError), a closed channel raises EOFError."""
        head = bytearray(8)
        self._read_into(memoryview(head), deadline)
        size = int.from_bytes(head, "big")
        if size > self.limit:
            raise WireError(f"a message of {size} bytes (the limit is {self.limit})")
        try:
            return _read(_Source(size, lambda view: self._read_into(view, deadline)))
        except WireError:
            raise
        except _MALFORMED as exc:
            # A frame forged by student code (written to the socket directly) must not
            # reach the grader as anything but "not a message".
            raise WireError(f"a malformed message ({type(exc).__name__})") from None

    def _read_into(self, view: memoryview, deadline: float | None) -> None:
        got = 0
        while got < len(view):
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                self.sock.settimeout(left)
            n = self.sock.recv_into(view[got:])
            if not n:
                raise EOFError
            got += n

    def close(self) -> None:
        self.sock.close()
