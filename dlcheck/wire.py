"""The data-only message format between the grader and the sandboxed student code.

A message is a JSON document plus raw array buffers, never a pickle: decoding it can
build only None, bool, int, float, complex, str, list, tuple, dict, numeric NumPy
arrays/scalars and polynomials (:mod:`dlcheck.formulas`), whatever the sender was. This
module imports only the standard library, NumPy and ``formulas`` because it is also
loaded inside the sandbox (copied beside the worker, with ``formulas``).

Frame layout (all lengths big-endian)::

    u32 json_length | json bytes | u32 n_buffers | (u64 length | bytes) * n_buffers

Values are encoded as JSON with these tagged objects:
``{"$t": "nd", "i": k, "dtype": "<f8", "shape": [..]}`` (array whose bytes are buffer k),
``{"$t": "np", "dtype": "<f8", "v": ..}`` (NumPy scalar), ``{"$t": "tuple", "v": [..]}``,
``{"$t": "dict", "v": [[key, value], ..]}``, ``{"$t": "float", "v": "nan"}`` (non-finite),
``{"$t": "poly", "c": <array node>}`` (a :class:`~dlcheck.formulas.Polynomial`: a function
the grader passes as its coefficients, rebuilt by each end with the same trusted code),
``{"$t": "complex", "v": [re, im]}`` and ``{"$t": "other", "type": "Name"}`` for anything
else (it arrives as an :class:`Unsupported` marker, so the grader can say what came back).

**Shared arrays.** A reference solution answering the sandbox's callbacks gets back, in
every training step, arrays it has already seen: the training set passed in each forward
call, the caches it returned, the parameters it updated. So a :class:`Channel` may keep
a table of the arrays both ends hold (:class:`CheckedArrays` in the sandbox,
:class:`FrozenArrays` in the grader). An array of at least :data:`SHARED_MIN_BYTES` sent
whole gets a handle (``"h": n`` in its ``nd`` node; the grader numbers its own even, the
sandbox odd), and later either end may send ``{"$t": "ref", "h": n}`` instead of its
bytes. An end that stops holding a handle says so in its next frame:
``{"$t": "msg", "v": value, "drop": [n, ..]}`` (the receiver resolves the frame's
references first, then drops). Frames alternate strictly (a request, then its answer), so
each end knows what the other holds when it writes.

A reference names a value, not an object: each end sends one only for an array it has
not changed since it crossed. The sandbox cannot stop student code writing into its
arrays (``X /= 255``), nor make them read-only (honest code may write into them), so it
keeps a copy of each and compares before referring to it: exact, every byte, and faster
than any checksum the standard library offers (for 20 MB, here: a copy 1.1 ms, a
comparison 1.4 ms; ``zlib.crc32`` 7.7 ms, ``hashlib.sha1`` 11 ms; a plain sum would miss
two elements swapped). The grader makes what it holds
read-only instead, and keeps at most a byte bound of them, dropping the least recently
used. Whatever arrives is untrusted: a reference resolves only to an array of this
table, anything else is a :class:`WireError`.

**Sealed arrays.** The arrays the grader supplies itself (the real data of a hidden check,
25 MB) need not cross as bytes at all. The grader can stand a read-only array in by a
sealed ``memfd`` holding its bytes (``F_SEAL_WRITE``: no process can change them), made
once per grader process (:mod:`autograder.sandbox.supplied`), and pass its descriptor with
the frame (``SCM_RIGHTS``): ``{"$t": "sealed", "f": k, "dtype": "<f8", "shape": [..]}``
is the frame's k-th descriptor. The sandbox maps it copy-on-write: each message gets a
fresh array of the value, whose pages are copied only where student code writes, so what
one call did to its argument is never what the next receives. Only a channel made with
``fds=True`` (the sandbox's) reads descriptors; the grader's reads none (the kernel closes
any sent to it), so a ``sealed`` node reaching the grader is a :class:`WireError`. A
``stand_in`` passed to :func:`frame` decides which arrays are written so (or, for a key
such as the reference cache's, written as a digest).

Sending writes the frame's parts one after another (array bytes straight from the
array's memory), and receiving reads each large buffer straight into the array it
becomes (small pieces through a read-ahead buffer, never past the frame's end: a small
message costs two reads): a 20 MB array is copied once on each side, by the kernel.
"""

from __future__ import annotations

import json
import math
import mmap
import os
import socket
import struct
import time
import weakref
from collections import OrderedDict
from typing import Any

import numpy as np

try:
    from .formulas import Polynomial  # dlcheck, in the grader and the student's kernel
except ImportError:
    from formulas import Polynomial  # copied beside the worker, in the sandbox

#: Largest message either side accepts; a bigger one is a "value too large" failure.
MAX_MESSAGE_BYTES = 512 * 1024 * 1024
#: Smallest array that gets a handle: below it, sending the bytes again costs less than
#: keeping and checking a copy.
SHARED_MIN_BYTES = 64 * 1024
_MAX_DEPTH = 32
_ARRAY_KINDS = "biufc"  # bool, signed, unsigned, float, complex; never object or void
_SMALL_PART = 64 * 1024  # parts of a frame below this are joined before sending
_READ_AHEAD = 64 * 1024  # reads below this go through a buffer, larger ones straight to their array
_SPARE_COPIES = 2  # memory of forgotten copies the sandbox keeps for new ones
_MAX_FDS = 16  # descriptors a frame may bring (sealed arrays); more are closed unread


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
_array_equal = np.array_equal
_copy = np.ndarray.copy
_copyto = np.copyto
_uint8, _uint64 = np.dtype(np.uint8), np.dtype(np.uint64)
_dumps = json.dumps
_loads = json.loads


def _raw(array: np.ndarray) -> np.ndarray:
    """The bytes of a C-contiguous array, as a flat uint64 (or uint8) view of them."""
    flat = _ndarray.reshape(array, -1)
    return _ndarray.view(flat, _uint64 if array.nbytes % 8 == 0 else _uint8)


def _handle(value: Any) -> int:
    if type(value) is not int or not 0 <= value < 2**53:
        raise WireError("malformed array handle")
    return value


# -- encoding -------------------------------------------------------------------------------

class Frame:
    """One encoded message: its parts, sent one after another without joining them.

    ``offers`` are the (handle, array) pairs it gives handles to and ``drops`` the
    handles it tells the other end to forget; the channel's table takes both into
    account once the frame is sent (a frame built and not sent changes nothing).
    """

    def __init__(self, parts: list, offers: list[tuple[int, np.ndarray]], drops: list[int], owned: bool,
                 fds: list[int] | None = None):
        self.parts, self.offers, self.drops, self.owned = parts, offers, drops, owned
        self.fds = fds or []  # descriptors of sealed arrays, sent with the frame (owned by the stand-in)
        self.size = sum(len(p) for p in parts)

    def __len__(self) -> int:
        return self.size

    def tobytes(self) -> bytes:
        return b"".join(self.parts)


class _Out:
    """What encoding one message collects: its arrays, and the handles it offers."""

    def __init__(self, shared: Any, stand_in: Any = None):
        self.shared, self.stand_in = shared, stand_in
        self.arrays: list[np.ndarray] = []
        self.offers: list[tuple[int, np.ndarray]] = []
        self.offered: dict[int, int] = {}  # id(array) -> handle offered earlier in this message
        self.fds: list[int] = []  # descriptors the stand-in gave (sealed arrays)

    def array(self, value: np.ndarray) -> dict:
        if self.stand_in is not None:
            node = self.stand_in(value, self.fds)
            if node is not None:
                return node
        shared, handle = self.shared, None
        if shared is not None and value.nbytes >= SHARED_MIN_BYTES:
            handle = self.offered.get(id(value))
            if handle is None:
                handle = shared.ref(value)
            if handle is not None:
                return {"$t": "ref", "h": handle}
            handle = shared.offer(value)
        if not value.flags.c_contiguous:
            value = _ascontiguousarray(value)  # one copy, for arrays that are views with gaps
        self.arrays.append(value)
        node = {"$t": "nd", "i": len(self.arrays) - 1, "dtype": value.dtype.str, "shape": list(value.shape)}
        if handle is not None:
            node["h"] = handle
            self.offers.append((handle, value))
            self.offered[id(value)] = handle
        return node


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
    if kind is Polynomial:
        return {"$t": "poly", "c": out.array(value.coefficients)}
    return {"$t": "other", "type": getattr(kind, "__qualname__", "object")}


def frame(message: Any, shared: Any = None, owned: bool = False, stand_in: Any = None) -> Frame:
    """Encode a message (see module docstring) into a :class:`Frame`. With ``shared``
    (a channel's table), arrays the other end holds go as references; ``owned`` says the
    message's arrays belong to nobody else (a reference's answer), so the grader's table
    may keep them themselves rather than copies. ``stand_in(array, fds)``, if given, may
    return the JSON node written in an array's place (a ``sealed`` one appends its
    descriptor to ``fds``), or None to write the array as usual."""
    out = _Out(shared, stand_in)
    if shared is not None:
        shared.turn()
    tree = _encode(message, out, 0)
    drops = shared.drops(out.offers) if shared is not None else []
    if drops:
        tree = {"$t": "msg", "v": tree, "drop": drops}
    doc = _dumps(tree, allow_nan=False).encode()
    parts: list = [struct.pack(">I", len(doc)) + doc + struct.pack(">I", len(out.arrays))]
    for array in out.arrays:
        parts.append(struct.pack(">Q", array.nbytes))
        if array.nbytes:
            parts.append(memoryview(_ndarray.view(_ndarray.reshape(array, -1), _uint8)))
    return Frame(parts, out.offers, drops, owned, out.fds)


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
    by buffer index, and the handles the message offers."""

    def __init__(self, shared: Any, n_buffers: int, budget: int, fds: list[int] | None = None):
        self.shared, self.n_buffers, self.budget = shared, n_buffers, budget
        self.slots: dict[int, np.ndarray] = {}
        self.fresh: dict[int, np.ndarray] = {}  # handle -> array offered in this message
        self.fds = fds  # the frame's descriptors; None on a channel that reads none
        self.mapped: dict[int, np.ndarray] = {}  # descriptor index -> its array, once per message

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
        if "h" in node and self.shared is not None:
            handle = _handle(node["h"])
            if nbytes < SHARED_MIN_BYTES or handle in self.fresh:
                raise WireError("array handle on a small array, or offered twice")
            self.shared.check_new(handle)
            self.fresh[handle] = array
        return array

    def sealed(self, node: dict) -> np.ndarray:
        """A fresh, writable array of the value in the frame's descriptor ``node["f"]``:
        a private (copy-on-write) mapping of the sealed memory, so writes stay in it."""
        if self.fds is None:
            raise WireError("a sealed array on a channel that takes no descriptors")
        index = node.get("f")
        if type(index) is not int or not 0 <= index < len(self.fds):
            raise WireError("a sealed array without its descriptor")
        if index in self.mapped:
            return self.mapped[index]  # the same array twice in one message: one object, as sent
        dtype = np.dtype(str(node["dtype"]))
        shape = tuple(int(n) for n in node["shape"])
        if dtype.kind not in _ARRAY_KINDS or any(n < 0 for n in shape):
            raise WireError(f"a sealed array of dtype {dtype} and shape {shape} is not data")
        nbytes = dtype.itemsize * math.prod(shape)
        try:
            fd = self.fds[index]
            if not 0 < nbytes <= os.fstat(fd).st_size:
                raise WireError("a sealed array larger than its memory")
            memory = mmap.mmap(fd, nbytes, flags=mmap.MAP_PRIVATE, prot=mmap.PROT_READ | mmap.PROT_WRITE)
        except OSError as exc:  # not memory that maps (a pipe, a socket), or no room to map it
            raise WireError(f"a sealed array that does not map ({type(exc).__name__})") from None
        array = self.mapped[index] = _ndarray.reshape(np.frombuffer(memory, dtype, math.prod(shape)), shape)
        return array

    def ref(self, node: dict) -> np.ndarray:
        handle = _handle(node.get("h"))
        if handle in self.fresh:
            return self.fresh[handle]
        if self.shared is None:
            raise WireError("an array reference on a channel that shares no arrays")
        return self.shared.resolve(handle)


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
    if tag == "ref":
        return inp.ref(node)
    if tag == "sealed":
        return inp.sealed(node)
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
    if tag == "poly":
        coefficients = node.get("c")
        if not (isinstance(coefficients, dict) and coefficients.get("$t") == "nd"):
            raise WireError("a polynomial's coefficients are not an array")
        return Polynomial.of(_decode(coefficients, inp, depth + 1))
    if tag == "other":
        return Unsupported(str(node.get("type", "object")))
    # A plain JSON object (from a student printing JSON, or a forged frame): not data.
    raise WireError("unknown tagged value")


def _read(source: _Source, shared: Any, fds: list[int] | None = None) -> Any:
    """Decode the frame ``source`` reads, its buffers read straight into their arrays;
    ``fds`` are the descriptors that came with it, if this end takes any."""
    (n,) = struct.unpack(">I", source.take(4))
    doc = source.take(n)
    (n_buffers,) = struct.unpack(">I", source.take(4))
    if 8 * n_buffers > source.left:
        raise WireError("frame length mismatch")
    try:
        tree = _loads(doc)
    except ValueError as exc:
        raise WireError(f"not JSON: {exc}") from None
    drops: list = []
    if isinstance(tree, dict) and tree.get("$t") == "msg":
        drops = tree.get("drop")
        if shared is None or not isinstance(drops, list):
            raise WireError("handles dropped on a channel that shares no arrays")
        drops = [_handle(h) for h in drops]
        tree = tree.get("v")
    inp = _In(shared, n_buffers, source.left - 8 * n_buffers, fds)
    value = _decode(tree, inp, 0)
    for index in range(n_buffers):
        (size,) = struct.unpack(">Q", source.take(8))
        array = inp.slots.get(index)
        if array is None or size != array.nbytes:
            raise WireError("array buffer does not match its shape")
        source.fill(array)
    if source.left:
        raise WireError("frame length mismatch")
    for handle, array in inp.fresh.items():
        shared.accept(handle, array)
    if drops:
        shared.dropped(drops)
    if shared is not None:
        shared.turn()  # what it decoded goes to code that may write into it
    return value


#: What a malformed frame can raise while it is read; each becomes a WireError.
_MALFORMED = (ValueError, LookupError, TypeError, ArithmeticError, struct.error, RecursionError, MemoryError)


def decode(data: bytes, shared: Any = None) -> Any:
    """Parse one frame produced by :func:`encode`; WireError if it is not one."""
    view = memoryview(data).cast("B")
    pos = 0

    def read_into(target: memoryview) -> None:
        nonlocal pos
        target[:] = view[pos:pos + len(target)]
        pos += len(target)

    try:
        return _read(_Source(len(view), read_into), shared)
    except WireError:
        raise
    except _MALFORMED as exc:
        raise WireError(f"a malformed message ({type(exc).__name__})") from None


def to_json(value: Any) -> Any:
    """A JSON-able tree of ``value`` with arrays inline (readable files, not messages)."""
    out = _Out(None)
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
    return _decode(tree, _In(None, 0, 0), 0)


# -- the arrays both ends hold --------------------------------------------------------------

class _Kept:
    """The sandbox's record of one handle: a private copy of the value, and a weak
    reference to the object student code holds (None once it is gone)."""

    __slots__ = ("copy", "ref", "key", "stamp")

    def __init__(self, copy: np.ndarray, obj: np.ndarray, stamp: int):
        self.copy, self.stamp = copy, stamp
        self.bind(obj)

    def bind(self, obj: np.ndarray) -> None:
        self.ref, self.key = weakref.ref(obj), id(obj)

    def live(self) -> np.ndarray | None:
        return self.ref()


def _same(array: np.ndarray, copy: np.ndarray) -> bool:
    """Whether ``array`` still holds, byte for byte, what ``copy`` holds."""
    return (array.dtype == copy.dtype and array.shape == copy.shape and array.flags.c_contiguous
            and bool(_array_equal(_raw(array), _raw(copy))))


class CheckedArrays:
    """The sandbox's table: the arrays it shares with the grader, each with a private copy.

    Student code may write into any of its arrays at any time, so before referring to
    one the table compares it with its copy (once per frame: no student code runs while a
    frame is written or its answer read); a changed array is sent whole, under a new
    handle. A reference from the grader resolves to the student's own object when it is
    unchanged (as a call would hand back its argument), else to a fresh copy of the value.
    An array student code let go of is dropped, and the grader told, in the next frame.
    Its size follows the grader's: the grader drops, and says so, what does not fit its bound.
    """

    mine = 1  # parity of the handles this end gives

    def __init__(self) -> None:
        self._kept: dict[int, _Kept] = {}
        self._by_id: dict[int, int] = {}  # id(student's object) -> handle
        self._next = self.mine
        self._last_theirs = -1
        self._stamp = 0
        self._changed: set[int] = set()  # handles whose object student code changed
        self._spare: list[np.ndarray] = []  # copies of forgotten handles, memory for the next ones

    def __len__(self) -> int:
        return len(self._kept)

    def nbytes(self) -> int:
        return sum(k.copy.nbytes for k in self._kept.values())

    def turn(self) -> None:
        """Student code may run from here on (a frame was read), or may have run (one is
        being written): what was compared before must be compared again."""
        self._stamp += 1

    # encoding
    def ref(self, array: np.ndarray) -> int | None:
        handle = self._by_id.get(id(array))
        kept = self._kept.get(handle) if handle is not None else None
        if kept is None or kept.live() is not array:
            return None
        if kept.stamp != self._stamp:
            if not _same(array, kept.copy):
                self._changed.add(handle)  # forgotten once the grader is told
                del self._by_id[id(array)]
                return None
            kept.stamp = self._stamp
        return handle

    def offer(self, array: np.ndarray) -> int | None:
        if not array.flags.c_contiguous:
            return None
        handle, self._next = self._next, self._next + 2
        return handle

    def drops(self, offers: list) -> list[int]:
        return sorted(self._changed | {h for h, k in self._kept.items() if k.live() is None})

    def commit(self, sent: Frame) -> None:
        for handle in sent.drops:
            self._forget(handle)
        for handle, array in sent.offers:
            self._keep(handle, array)

    # decoding
    def check_new(self, handle: int) -> None:
        if handle % 2 == self.mine or handle <= self._last_theirs:
            raise WireError("array handle not the other end's, or reused")
        self._last_theirs = handle

    def accept(self, handle: int, array: np.ndarray) -> None:
        self._keep(handle, array)

    def resolve(self, handle: int) -> np.ndarray:
        kept = self._kept.get(handle)
        if kept is None:
            raise WireError("a reference to an array this end does not hold")
        live = kept.live()
        if live is not None and handle not in self._changed and (kept.stamp == self._stamp or _same(live, kept.copy)):
            kept.stamp = self._stamp
            return live
        fresh = _copy(kept.copy)  # its object changed or is gone: the value, in a new object
        if live is not None and self._by_id.get(id(live)) == handle:
            del self._by_id[id(live)]
        kept.bind(fresh)
        kept.stamp = self._stamp
        self._changed.discard(handle)
        self._by_id[id(fresh)] = handle
        return fresh

    def dropped(self, handles: list[int]) -> None:
        for handle in handles:
            self._forget(handle)

    def _keep(self, handle: int, array: np.ndarray) -> None:
        self._kept[handle] = _Kept(self._copy(array), array, self._stamp)
        self._by_id[id(array)] = handle

    def _copy(self, array: np.ndarray) -> np.ndarray:
        """A private copy of ``array``, in the memory of a forgotten one of its size if
        there is one: a training step's arrays have the sizes of the last step's, and
        memory fresh from the system costs a page fault per page on first write."""
        for i, spare in enumerate(self._spare):
            if spare.nbytes == array.nbytes:
                del self._spare[i]
                copy = _ndarray.reshape(_ndarray.view(_ndarray.reshape(spare, -1), _uint8).view(array.dtype), array.shape)
                _copyto(copy, array)
                return copy
        return _copy(array)

    def _forget(self, handle: int) -> None:
        kept = self._kept.pop(handle, None)
        self._changed.discard(handle)
        if kept is not None:
            if self._by_id.get(kept.key) == handle:
                del self._by_id[kept.key]
            self._spare = [kept.copy, *self._spare][:_SPARE_COPIES]


class FrozenArrays:
    """The grader's table: the arrays it shares with one sandbox child, read-only, at
    most ``bound`` bytes of them.

    What it holds never changes, so a reference needs no check: arrays that arrive are
    made read-only as they are; a reference's answer (``owned`` frames) is kept as it is,
    made read-only too, when it owns its memory, and everything else (the arguments of
    the grader's own calls, which its checks keep using) as a read-only copy. Code given
    these arrays (a reference callee) cannot write into them; one that tries gets a
    ValueError (see :mod:`autograder.sandbox.session`). Beyond ``bound`` the least
    recently used are dropped, and the sandbox told in the next frame: strict
    alternation means it cannot refer to them before it hears. A hostile sandbox can
    thus make the grader hold at most ``bound`` bytes (plus one message), and a
    reference it sends resolves to one of these arrays or is a WireError.
    """

    mine = 0

    def __init__(self, bound: int):
        self.bound = bound
        self._held: OrderedDict[int, np.ndarray] = OrderedDict()  # least recently used first
        self._by_id: dict[int, int] = {}
        self._bytes = 0
        self._next = self.mine
        self._last_theirs = -1
        self._gone: set[int] = set()  # dropped here, the sandbox not told yet
        self._offering = 0

    def __len__(self) -> int:
        return len(self._held)

    def nbytes(self) -> int:
        return self._bytes

    def turn(self) -> None:
        self._offering = 0  # bytes the frame being written offers: never more than the bound

    # encoding
    def ref(self, array: np.ndarray) -> int | None:
        handle = self._by_id.get(id(array))
        if handle is None or self._held.get(handle) is not array:
            return None
        self._held.move_to_end(handle)
        return handle

    def offer(self, array: np.ndarray) -> int | None:
        if not array.flags.c_contiguous or self._offering + array.nbytes > self.bound:
            return None
        self._offering += array.nbytes
        handle, self._next = self._next, self._next + 2
        return handle

    def drops(self, offers: list) -> list[int]:
        """What the sandbox must forget: dropped so far, and the least recently used
        that make room for this frame's offers (after the frame's own references)."""
        excess = self._bytes + sum(a.nbytes for _, a in offers) - self.bound
        making_room = []
        for handle, array in self._held.items():
            if excess <= 0:
                break
            making_room.append(handle)
            excess -= array.nbytes
        return sorted(self._gone.union(making_room))

    def commit(self, sent: Frame) -> None:
        for handle in sent.drops:
            self._forget(handle)
            self._gone.discard(handle)
        for handle, array in sent.offers:
            if not (sent.owned and array.base is None):
                array = _copy(array)
            array.flags.writeable = False
            self._hold(handle, array)  # within the bound: drops() made room

    # decoding
    def check_new(self, handle: int) -> None:
        if handle % 2 == self.mine or handle <= self._last_theirs:
            raise WireError("array handle not the other end's, or reused")
        self._last_theirs = handle

    def accept(self, handle: int, array: np.ndarray) -> None:
        array.flags.writeable = False
        self._hold(handle, array)
        while self._bytes > self.bound:  # the sandbox hears in the next frame, before it can refer to it
            oldest = next(iter(self._held))
            self._forget(oldest)
            self._gone.add(oldest)

    def resolve(self, handle: int) -> np.ndarray:
        array = self._held.get(handle)
        if array is None:
            raise WireError("a reference to an array the grader does not hold")
        self._held.move_to_end(handle)
        return array

    def dropped(self, handles: list[int]) -> None:
        for handle in handles:
            self._forget(handle)

    def _hold(self, handle: int, array: np.ndarray) -> None:
        self._held[handle] = array
        self._by_id[id(array)] = handle
        self._bytes += array.nbytes

    def _forget(self, handle: int) -> None:
        array = self._held.pop(handle, None)
        if array is not None:
            self._bytes -= array.nbytes
            if self._by_id.get(id(array)) == handle:
                del self._by_id[id(array)]


# -- the channel ----------------------------------------------------------------------------

class Channel:
    """Framed messages over a stream socket: an 8-byte big-endian length, then a frame.

    Both ends use it: the sandboxed worker (blocking reads) and the grader (reads bounded
    by a deadline and a size limit). Whatever arrives is untrusted: a frame that does not
    decode raises :class:`WireError`, never anything else. ``shared`` is the table of
    arrays this end holds in common with the other (see the module docstring), if any;
    ``stand_in`` writes some arrays otherwise (sealed, see the module docstring), and
    ``fds`` says whether this end takes the descriptors of sealed arrays (the sandbox's).
    """

    def __init__(self, sock: socket.socket, limit: int = MAX_MESSAGE_BYTES, shared: Any = None,
                 stand_in: Any = None, fds: bool = False):
        self.sock = sock
        self.limit = min(limit, MAX_MESSAGE_BYTES)
        self.shared, self.stand_in, self.takes_fds = shared, stand_in, fds
        self._ahead = memoryview(bytearray(_READ_AHEAD))  # bytes of this frame read, [_start:_end] not yet used
        self._start = self._end = self._frame_left = 0  # _frame_left: its bytes not read from the socket yet

    def frame(self, message: Any, owned: bool = False) -> Frame:
        """``message`` encoded for this channel (references to what the other end holds)."""
        return frame(message, self.shared, owned, self.stand_in)

    def send(self, message: Any) -> None:
        self.send_frame(self.frame(message))

    def send_frame(self, sent: Frame) -> None:
        """Send a frame made by :meth:`frame`: small parts joined, array bytes as they are."""
        small = bytearray(sent.size.to_bytes(8, "big"))
        if sent.fds:  # the descriptors travel with the length, which the other end reads first
            if socket.send_fds(self.sock, [small], sent.fds) != len(small):
                raise OSError("the length of a frame with descriptors was not sent whole")
            small = bytearray()
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
        if self.shared is not None:
            self.shared.commit(sent)

    def receive(self, deadline: float | None = None) -> Any:
        """The next message; ``deadline`` (``time.monotonic()`` seconds) bounds the wait
        (TimeoutError), a closed channel raises EOFError."""
        head = memoryview(bytearray(8))
        self._start = self._end = self._frame_left = 0  # what a bad frame left is not read on
        fds: list[int] | None = None
        if self.takes_fds:
            fds = self._recv_head(head)
        else:  # read without room for descriptors: the kernel closes any sent here
            self._recv_into(head, deadline)
        try:
            size = int.from_bytes(head, "big")
            if size > self.limit:
                raise WireError(f"a message of {size} bytes (the limit is {self.limit})")
            self._frame_left = size
            return _read(_Source(size, lambda view: self._read_into(view, deadline)), self.shared, fds)
        except WireError:
            raise
        except _MALFORMED as exc:
            # A frame forged by student code (written to the socket directly) must not
            # reach the grader as anything but "not a message".
            raise WireError(f"a malformed message ({type(exc).__name__})") from None
        finally:
            for fd in fds or ():  # a sealed array's mapping outlives its descriptor
                os.close(fd)

    def _recv_head(self, head: memoryview) -> list[int]:
        """Read a frame's length, and the descriptors sent with it (at most :data:`_MAX_FDS`)."""
        fds: list[int] = []
        got = 0
        while got < len(head):
            n, ancillary, flags, _ = self.sock.recvmsg_into([head[got:]], socket.CMSG_SPACE(_MAX_FDS * 4))
            for level, kind, data in ancillary:
                if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                    fds.extend(struct.unpack(f"{len(data) // 4}i", data[:len(data) // 4 * 4]))
            if not n:
                for fd in fds:
                    os.close(fd)
                raise EOFError
            got += n
        return fds

    def _read_into(self, view: memoryview, deadline: float | None) -> None:
        """Fill ``view`` with the frame's next bytes: what was read ahead first, then small
        pieces through the read-ahead buffer (a message's JSON and small arrays in one
        call), large ones straight into their place. Never past the frame's end: the
        socket may have another reader after it (the worker passes a child's socket on the
        control channel)."""
        got = min(len(view), self._end - self._start)
        view[:got] = self._ahead[self._start:self._start + got]
        self._start += got
        if got < len(view) and len(view) - got < _READ_AHEAD:
            n = self._recv_into(self._ahead[:min(_READ_AHEAD, self._frame_left)], deadline, at_least=len(view) - got)
            used = len(view) - got
            view[got:] = self._ahead[:used]
            self._start, self._end = used, n
        elif got < len(view):
            self._recv_into(view[got:], deadline)

    def _recv_into(self, view: memoryview, deadline: float | None, at_least: int | None = None) -> int:
        """Read into ``view`` until it is full (or holds ``at_least`` bytes); how many were read."""
        want = len(view) if at_least is None else at_least
        got = 0
        while got < want:
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                self.sock.settimeout(left)
            n = self.sock.recv_into(view[got:])
            if not n:
                raise EOFError
            got += n
        self._frame_left -= got
        return got

    def close(self) -> None:
        self.sock.close()
