"""Remembering slow reference calls, in memory for a batch and on disk across runs.

Training the reference ``model`` on the real data takes seconds; every correct submission
asks for the same result. A call the grader makes itself (never one made for a sandbox)
that is slower than :data:`SLOW_SECONDS` is stored under a key made of the solution's
source, the function's name and its bound arguments (a large read-only array the grader
supplies by its digest, computed once per array), so a changed solution or different
data is simply a different key. A call that drew from NumPy's global random state (the
state differs after it) is also keyed by the state it started from, and puts back the
state it left; a call that left the state alone drew nothing from it, so its result holds
from any state (a fresh process starts from a random one). The disk copy lives in the
grader's own folder (never visible in the sandbox), is written atomically, and is kept
under :data:`MAX_DISK_MB` by dropping the least recently used entries; when the folder is
not writable the cache is memory-only.
"""

from __future__ import annotations

import copy
import hashlib
import inspect
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from dlcheck import wire

from . import project
from .sandbox import supplied

SLOW_SECONDS = 0.05
MAX_DISK_MB = 256
_memory: dict[str, Any] = {}


def cache_dir() -> Path:
    """``$AUTOGRADE_CACHE_DIR``, else ``.autograde/cache`` in the project."""
    return Path(os.environ.get("AUTOGRADE_CACHE_DIR") or project.root() / ".autograde" / "cache")


def _load(key: str) -> Any:
    if key in _memory:
        return copy.deepcopy(_memory[key])
    path = cache_dir() / key
    try:
        value = wire.decode(path.read_bytes())
        os.utime(path)  # recently used: pruned last
    except (OSError, ValueError, wire.WireError):
        raise KeyError(key) from None
    _memory[key] = value
    return copy.deepcopy(value)


def _store(key: str, value: Any) -> None:
    _memory[key] = copy.deepcopy(value)
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            f.write(wire.encode(value))
        os.replace(tmp, folder / key)
        prune(folder)
    except OSError:
        pass  # a read-only checkout still grades, only slower


def prune(folder: Path, max_mb: float = MAX_DISK_MB) -> None:
    """Remove the least recently used entries until the folder holds at most ``max_mb``."""
    entries = []
    for path in folder.iterdir():
        try:
            st = path.stat()
        except OSError:
            continue
        entries.append((st.st_mtime, st.st_size, path))
    total = sum(size for _, size, _ in entries)
    for _, size, path in sorted(entries, key=lambda e: e[0]):
        if total <= max_mb * 1024 * 1024:
            break
        path.unlink(missing_ok=True)
        total -= size


def _global_rng_state() -> tuple:
    """NumPy's global random state: a reference that draws from it (a seeded initialization)
    gives other results from another state, so the state is part of the key, and the state
    the call left is restored when the cache answers, as if it had run."""
    return tuple(np.random.get_state())


def _key(solution_digest: str, name: str, arguments: dict) -> Any:
    """sha256 of the solution, the name and the encoded arguments, in which a large
    read-only array the grader supplies (the real data) is its digest, computed once per
    array (:mod:`autograder.sandbox.supplied`), rather than its bytes encoded every call.
    The digest node is one no other value encodes to, so different arguments never share
    a key; the parts are hashed one after another, never joined."""
    key = hashlib.sha256(solution_digest.encode())
    for part in wire.frame((name, arguments), stand_in=supplied.digest_node).parts:
        key.update(part)
    return key


def memoized(name: str, reference: Callable[..., Any], solution_digest: str) -> Callable[..., Any]:
    """``reference`` answering repeated slow calls from the cache."""
    signature = inspect.signature(reference)

    def call(*args: Any, **kwargs: Any) -> Any:
        before = _global_rng_state()
        try:
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            same_call = _key(solution_digest, name, bound.arguments)
        except (TypeError, ValueError):  # the reference will say what is wrong with the call
            return reference(*args, **kwargs)
        any_state = same_call.hexdigest()  # a call that left the random state alone did not draw from it
        same_call.update(wire.encode(before))
        this_state = same_call.hexdigest()
        for key in (any_state, this_state):
            try:
                value, after = _load(key)
            except KeyError:
                continue
            if after is not None:
                np.random.set_state(after)
            return value
        start = time.perf_counter()
        value = reference(*args, **kwargs)
        if time.perf_counter() - start > SLOW_SECONDS:
            after = _global_rng_state()
            if all(np.array_equal(a, b) for a, b in zip(after, before, strict=True)):
                _store(any_state, (value, None))
            else:
                _store(this_state, (value, after))
        return value

    call.__name__ = name
    return call
