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
_frombuffer = np.frombuffer
_dumps = json.dumps
_loads = json.loads


def _encode(value: Any, buffers: list[bytes], depth: int) -> Any:
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
        return {"$t": "complex", "v": [_encode(value.real, buffers, depth + 1),
                                        _encode(value.imag, buffers, depth + 1)]}
    if kind is list or kind is tuple:
        items = [_encode(v, buffers, depth + 1) for v in value]
        return items if kind is list else {"$t": "tuple", "v": items}
    if kind is dict:
        return {"$t": "dict", "v": [[_encode(k, buffers, depth + 1), _encode(v, buffers, depth + 1)]
                                     for k, v in value.items()]}
    if kind is _ndarray and value.dtype.kind in _ARRAY_KINDS:
        buffers.append(_ndarray.tobytes(_ascontiguousarray(value)))
        return {"$t": "nd", "i": len(buffers) - 1, "dtype": value.dtype.str, "shape": list(value.shape)}
    if isinstance(value, _generic) and type(value).__module__ == "numpy" and value.dtype.kind in _ARRAY_KINDS:
        item = value.item()
        return {"$t": "np", "dtype": value.dtype.str, "v": _encode(item, buffers, depth + 1)}
    return {"$t": "other", "type": getattr(kind, "__qualname__", "object")}


def _decode(node: Any, buffers: list[bytes], depth: int) -> Any:
    if depth > _MAX_DEPTH:
        raise WireError("value nested too deeply")
    if node is None or isinstance(node, (bool, int, float, str)):
        return node
    if isinstance(node, list):
        return [_decode(v, buffers, depth + 1) for v in node]
    if not isinstance(node, dict):
        raise WireError(f"unexpected JSON node {type(node).__name__}")
    tag = node.get("$t")
    if tag == "nd":
        dtype = np.dtype(str(node["dtype"]))
        if dtype.kind not in _ARRAY_KINDS:
            raise WireError(f"array of dtype {dtype} is not data")
        shape = tuple(int(n) for n in node["shape"])
        if "data" in node:  # inline form, see to_json
            return np.array(node["data"], dtype=dtype).reshape(shape)
        data = buffers[int(node["i"])]
        if len(data) != dtype.itemsize * math.prod(shape):
            raise WireError("array buffer does not match its shape")
        return _frombuffer(data, dtype=dtype).reshape(shape).copy()
    if tag == "np":
        dtype = np.dtype(str(node["dtype"]))
        if dtype.kind not in _ARRAY_KINDS:
            raise WireError(f"scalar of dtype {dtype} is not data")
        return dtype.type(_decode(node["v"], buffers, depth + 1))
    if tag == "tuple":
        return tuple(_decode(v, buffers, depth + 1) for v in node["v"])
    if tag == "dict":
        out = {}
        for k, v in node["v"]:
            key = _decode(k, buffers, depth + 1)
            if not isinstance(key, (str, int, float, bool, tuple)) and key is not None:
                key = repr(key)  # unhashable keys come back as their repr
            out[key] = _decode(v, buffers, depth + 1)
        return out
    if tag == "float":
        return float(node["v"])
    if tag == "complex":
        return complex(_decode(node["v"][0], buffers, depth + 1), _decode(node["v"][1], buffers, depth + 1))
    if tag == "other":
        return Unsupported(str(node.get("type", "object")))
    # A plain JSON object (from a student printing JSON, or a forged frame): not data.
    raise WireError("unknown tagged value")


def encode(message: Any) -> bytes:
    """Serialize a message (see module docstring) into one frame."""
    buffers: list[bytes] = []
    doc = _dumps(_encode(message, buffers, 0), allow_nan=False).encode()
    parts = [struct.pack(">I", len(doc)), doc, struct.pack(">I", len(buffers))]
    for buf in buffers:
        parts += [struct.pack(">Q", len(buf)), buf]
    return b"".join(parts)


def decode(frame: bytes) -> Any:
    """Parse one frame produced by :func:`encode`."""
    (n,) = struct.unpack_from(">I", frame, 0)
    doc = frame[4:4 + n]
    (nbuf,) = struct.unpack_from(">I", frame, 4 + n)
    pos, buffers = 8 + n, []
    for _ in range(nbuf):
        (size,) = struct.unpack_from(">Q", frame, pos)
        buffers.append(frame[pos + 8:pos + 8 + size])
        pos += 8 + size
    if pos != len(frame):
        raise WireError("frame length mismatch")
    try:
        tree = _loads(doc)
    except ValueError as exc:
        raise WireError(f"not JSON: {exc}") from None
    return _decode(tree, buffers, 0)


def to_json(value: Any) -> Any:
    """A JSON-able tree of ``value`` with arrays inline (readable files, not messages)."""
    buffers: list[bytes] = []
    tree = _encode(value, buffers, 0)

    def inline(node: Any) -> Any:
        if isinstance(node, list):
            return [inline(v) for v in node]
        if isinstance(node, dict):
            if node.get("$t") == "nd":
                data = _frombuffer(buffers[node["i"]], dtype=np.dtype(node["dtype"])).tolist()
                return {"$t": "nd", "dtype": node["dtype"], "shape": node["shape"], "data": data}
            return {k: inline(v) for k, v in node.items()}
        return node

    return inline(tree)


def from_json(tree: Any) -> Any:
    """The value written by :func:`to_json`."""
    return _decode(tree, [], 0)


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
        self.send_frame(encode(message))

    def send_frame(self, frame: bytes) -> None:
        """Send a frame already made by :func:`encode` (without copying it again)."""
        self.sock.sendall(len(frame).to_bytes(8, "big"))
        self.sock.sendall(frame)

    def receive(self, deadline: float | None = None) -> Any:
        """The next message; ``deadline`` (``time.monotonic()`` seconds) bounds the wait
        (TimeoutError), a closed channel raises EOFError."""
        size = int.from_bytes(self._exact(8, deadline), "big")
        if size > self.limit:
            raise WireError(f"a message of {size} bytes (the limit is {self.limit})")
        frame = self._exact(size, deadline)
        try:
            return decode(frame)
        except WireError:
            raise
        except (ValueError, LookupError, TypeError, ArithmeticError, struct.error, RecursionError) as exc:
            # A frame forged by student code (written to the socket directly) must not
            # reach the grader as anything but "not a message".
            raise WireError(f"a malformed message ({type(exc).__name__})") from None

    def _exact(self, n: int, deadline: float | None) -> bytes:
        buf = bytearray()
        while len(buf) < n:
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                self.sock.settimeout(left)
            chunk = self.sock.recv(min(n - len(buf), 1 << 22))
            if not chunk:
                raise EOFError
            buf += chunk
        return bytes(buf)

    def close(self) -> None:
        self.sock.close()
