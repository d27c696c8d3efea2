"""Large read-only arrays the grader supplies (the real data of hidden checks): named by a
digest computed once per array object, and made available to every sandbox once per
grader process rather than sent with every call.

A hidden check calls the learner's function with the cat pictures (25 MB) and asks the
reference the same; before this module each sandbox call sent the bytes through the
socket and the reference cache (:mod:`autograder.memo`) encoded and hashed them for its
key, every time. An array is *frozen* when it is a plain ``ndarray`` that is read-only, as
is every array it is a view of (``dldata`` returns its loaded data so). Nothing in the
grader makes a read-only array writable again, so a frozen array keeps its value for as
long as it lives, and for each one (of at least :data:`MIN_BYTES`) this module keeps:

- its digest, sha256 of its dtype, shape and bytes, computed on first use: the reference
  cache's key names it by that (:func:`digest_node`), never by a shorter or weaker name,
  so two different arguments never share a key;
- a sealed ``memfd`` holding its bytes (``F_SEAL_WRITE``, so no process, the sandbox
  included, can change them), written on first use: a sandbox call passes its descriptor
  instead of the bytes (:func:`sealed_node`, :mod:`dlcheck.wire`), and the sandbox maps it
  copy-on-write, a fresh array per call.

The sandbox never tells the grader what it holds: the grader sends with each call the
descriptors of exactly that call's arguments, so a child has nothing to lie about, and
what it sends back is decoded by a channel that takes no descriptors. Entries die with
their array (the descriptor closed), so they are bounded by what the grader itself keeps
loaded. An array that is writable again when it is next used loses its entry.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import threading
import weakref
from typing import Any

import numpy as np

#: Smallest array named by its digest or sent sealed: below it, hashing or sending the
#: bytes costs less than a table entry and a descriptor.
MIN_BYTES = 1024 * 1024

_SEALS = fcntl.F_SEAL_SHRINK | fcntl.F_SEAL_GROW | fcntl.F_SEAL_WRITE | fcntl.F_SEAL_SEAL


class _Entry:
    """What is known of one frozen array: its digest and sealed copy, each made once."""

    __slots__ = ("ref", "digest", "fd")

    def __init__(self, array: np.ndarray):
        self.ref = weakref.ref(array)
        self.digest: str | None = None
        self.fd: int | None = None

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


_entries: dict[int, _Entry] = {}
_lock = threading.Lock()  # long checks make reference calls from threads of their own


def frozen(array: Any) -> bool:
    """Whether ``array`` is a plain ndarray that no one can write into: it and every array
    it views are read-only (a read-only view of a writable array still changes)."""
    if type(array) is not np.ndarray:
        return False
    while isinstance(array, np.ndarray):
        if array.flags.writeable:
            return False
        array = array.base
    return array is None or isinstance(array, bytes)


def _large(array: Any) -> bool:
    """Whether ``array`` is a NumPy array of at least :data:`MIN_BYTES`."""
    return type(array) is np.ndarray and array.nbytes >= MIN_BYTES


def supplied(array: Any) -> bool:
    """Whether ``array`` is one this module names and seals: frozen, of at least :data:`MIN_BYTES`."""
    return _large(array) and frozen(array)


def _entry(array: np.ndarray) -> _Entry | None:
    """The entry of a supplied array (made on first use); None for any other value, and
    for an array made writable again since (its entry dropped)."""
    if not _large(array):
        return None
    is_frozen = frozen(array)
    with _lock:
        entry = _entries.get(id(array))
        if entry is not None and (entry.ref() is not array or not is_frozen):
            _drop(id(array))
            entry = None
        if entry is None and is_frozen:
            entry = _entries[id(array)] = _Entry(array)
            weakref.finalize(array, _forget, id(array), entry)
    return entry


def _drop(key: int) -> None:
    entry = _entries.pop(key, None)
    if entry is not None:
        entry.close()


def _forget(key: int, entry: _Entry) -> None:
    """The array died: drop its entry (unless its id is already another array's), and
    close its descriptor."""
    with _lock:
        if _entries.get(key) is entry:
            del _entries[key]
        entry.close()


def digest(array: np.ndarray) -> str | None:
    """sha256 of a frozen array's dtype, shape and bytes, computed once per array object;
    None for an array that is not frozen or is smaller than :data:`MIN_BYTES`."""
    entry = _entry(array)
    if entry is None:
        return None
    if entry.digest is None:
        h = hashlib.sha256(f"{array.dtype.str}{array.shape}".encode())
        h.update(memoryview(np.ascontiguousarray(array)).cast("B"))
        entry.digest = h.hexdigest()
    return entry.digest


def digest_node(array: np.ndarray, fds: list[int]) -> dict | None:
    """A :func:`dlcheck.wire.frame` stand-in for keys: a frozen array written as its
    digest, a node no other value encodes to."""
    name = digest(array)
    return None if name is None else {"$t": "sha256", "v": name}


def _sealed_fd(array: np.ndarray, entry: _Entry) -> int | None:
    with _lock:
        if entry.fd is None:
            try:
                entry.fd = _seal(np.ascontiguousarray(array))
            except (OSError, AttributeError):  # no memfd here (not Linux, or too many files)
                return None
        return entry.fd


def _seal(array: np.ndarray) -> int:
    """A memfd holding ``array``'s bytes, sealed against any change."""
    fd = os.memfd_create("autograde-supplied", os.MFD_CLOEXEC | os.MFD_ALLOW_SEALING)
    try:
        data = memoryview(array).cast("B")
        while data:
            data = data[os.write(fd, data):]
        fcntl.fcntl(fd, fcntl.F_ADD_SEALS, _SEALS)
    except BaseException:
        os.close(fd)
        raise
    return fd


def sealed_node(array: np.ndarray, fds: list[int]) -> dict | None:
    """A :func:`dlcheck.wire.frame` stand-in for a sandbox's channel: a frozen array sent
    as its sealed memfd's descriptor (appended to ``fds``), None for any other array."""
    entry = _entry(array)
    fd = None if entry is None else _sealed_fd(array, entry)
    if fd is None:
        return None
    if fd not in fds:  # the same array twice in one message arrives as one object
        fds.append(fd)
    return {"$t": "sealed", "f": fds.index(fd), "dtype": array.dtype.str, "shape": list(array.shape)}
