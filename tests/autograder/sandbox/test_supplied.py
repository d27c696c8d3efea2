"""The large read-only arrays the grader supplies (autograder.sandbox.supplied): named by a
digest made once, sent to sandboxes as a sealed memfd that each message maps afresh."""

from __future__ import annotations

import contextlib
import hashlib
import mmap
import os
import re
import socket
import threading
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from autograder.sandbox import supplied
from autograder.sandbox.isolation import Limits
from autograder.sandbox.sandbox import Sandbox
from autograder.sandbox.session import Died, FunctionSession, Returned
from dlcheck import wire

SHAPE = (1024, 160)  # 1.25 MB of float64: above supplied.MIN_BYTES


def _frozen(seed: int = 0, shape: tuple = SHAPE) -> np.ndarray:
    array = np.random.default_rng(seed).normal(size=shape)
    array.setflags(write=False)
    return array


def _read_only_view_of_writable() -> np.ndarray:
    view = np.ones(SHAPE).view()
    view.setflags(write=False)
    return view


@pytest.mark.parametrize("make, frozen", [
    (lambda: _frozen(), True),
    (lambda: _frozen().T, True),
    (lambda: np.ones(SHAPE), False),
    (_read_only_view_of_writable, False),
    (lambda: np.ma.masked_array(_frozen()), False),
], ids=["read-only", "read-only-view-of-read-only", "writable", "read-only-view-of-writable", "subclass"])
def test_frozen_means_no_one_can_write_into_it(make, frozen):
    """Is an array frozen only when it and every array it views are read-only plain ndarrays
    (a read-only view of a writable array still changes)?"""
    assert supplied.frozen(make()) is frozen


def test_a_digest_is_made_once_per_array_and_names_its_value(monkeypatch):
    """Is a frozen array's digest computed once however often it is asked for, equal for an
    equal value, and different for another value, shape or dtype?"""
    made = []
    monkeypatch.setattr(supplied, "hashlib", SimpleNamespace(sha256=lambda *a: made.append(1) or hashlib.sha256(*a)))
    a = _frozen(0)
    assert supplied.digest(a) == supplied.digest(a) == supplied.digest(a) and len(made) == 1
    assert supplied.digest(_frozen(0)) == supplied.digest(a)
    others = [_frozen(1), _frozen(0, (160, 1024)), _frozen(0).astype(np.float32)]
    for other in others:
        other.setflags(write=False)
    assert len({supplied.digest(a), *(supplied.digest(o) for o in others)}) == 4
    assert supplied.digest(np.ones(SHAPE)) is None and supplied.digest(_frozen(0, (3, 4))) is None


def test_an_array_made_writable_again_loses_its_name():
    """An array someone made writable again may change: is it then encoded as bytes, never
    named by the digest or sealed copy of what it held?"""
    a = np.random.default_rng(0).normal(size=SHAPE)
    a.setflags(write=False)
    first = supplied.digest(a)
    a.setflags(write=True)
    a += 1
    assert supplied.digest(a) is None and supplied.sealed_node(a, []) is None
    a.setflags(write=False)
    assert supplied.digest(a) not in (None, first)


def test_nothing_in_the_grader_makes_a_read_only_array_writable_again():
    """A frozen array keeps its digest for life because nothing makes it writable again:
    does no module of the grader, dlcheck or dldata set an array's write flag to True?"""
    root = Path(supplied.__file__).resolve().parents[2]
    flip = re.compile(r"writeable\s*=\s*True|setflags\(\s*write\s*=\s*(True|1)")
    found = [f"{path.relative_to(root)}:{n}" for package in ("autograder", "dlcheck", "dldata")
             for path in sorted((root / package).rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if flip.search(line)]
    assert found == []


def test_the_sealed_copy_cannot_be_changed():
    """Can no process holding the sealed memfd's descriptor write into it, grow or shrink it?"""
    a = _frozen()
    fds: list[int] = []
    supplied.sealed_node(a, fds)
    fd = os.dup(fds[0])
    try:
        with pytest.raises(PermissionError):
            os.pwrite(fd, b"\0" * 8, 0)
        with pytest.raises(PermissionError):
            mmap.mmap(fd, a.nbytes, flags=mmap.MAP_SHARED, prot=mmap.PROT_READ | mmap.PROT_WRITE)
        with pytest.raises(PermissionError):
            os.ftruncate(fd, 8)
    finally:
        os.close(fd)


def test_an_arrays_descriptor_closes_with_it():
    """Entries die with their array: is the sealed copy's descriptor closed when the
    grader lets the array go?"""
    a = _frozen()
    fds: list[int] = []
    supplied.sealed_node(a, fds)
    link = f"/proc/self/fd/{fds[0]}"
    assert os.readlink(link).startswith("/memfd:autograde-supplied")
    del a
    with contextlib.suppress(FileNotFoundError):
        assert not os.readlink(link).startswith("/memfd:autograde-supplied")


# -- through a channel ------------------------------------------------------------------------
#
# The sandbox's end runs in a thread, on a channel made as the worker's child makes it.

def _pair(child) -> FunctionSession:
    ours, theirs = socket.socketpair()

    def run() -> None:
        with contextlib.suppress(EOFError, OSError):
            child(wire.Channel(theirs, shared=wire.CheckedArrays(), fds=True))

    threading.Thread(target=run, daemon=True).start()
    return FunctionSession(ours, {}, Limits())


def _writes_into_its_argument(channel: wire.Channel) -> None:
    """A learner's function that zeroes its argument in place, returning what it had."""
    while True:
        x = channel.receive()["args"][0]
        had = [float(x.sum()), x.flags.writeable]
        x *= 0
        channel.send({"op": "return", "value": had})


def test_a_supplied_array_arrives_equal_each_call_whatever_the_last_call_did_to_it():
    """The learner's function zeroes the real data in place: does each call still receive
    the array the grader supplied, writable, and is the grader's own unchanged?"""
    a = _frozen()
    want = float(a.sum())
    with _pair(_writes_into_its_argument) as session:
        outcomes = [session.call((a,), seconds=10) for _ in range(3)]
    assert [o.value for o in outcomes] == [[want, True]] * 3
    assert float(a.sum()) == want


def test_a_supplied_array_crosses_as_a_descriptor_not_as_bytes():
    """Is the frame that calls with the real data small, its array a sealed node?"""
    a = _frozen()
    sent = wire.frame({"op": "call", "args": [a, a]}, stand_in=supplied.sealed_node)
    assert len(sent) < 1000 and len(sent.fds) == 1
    assert len(wire.frame({"op": "call", "args": [np.ones(SHAPE)]}, stand_in=supplied.sealed_node).fds) == 0


def test_the_same_supplied_array_twice_in_a_call_arrives_as_one_object():
    def child(channel: wire.Channel) -> None:
        x, y = channel.receive()["args"]
        channel.send({"op": "return", "value": [x is y, bool(np.array_equal(x, y))]})

    with _pair(child) as session:
        assert session.call((_frozen(), _frozen(1)), seconds=10).value == [False, False]
    a = _frozen()
    with _pair(child) as session:
        assert session.call((a, a), seconds=10).value == [True, True]


def _pipes_open() -> set[str]:
    """The pipes this process holds a descriptor of."""
    links = set()
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            links.add(os.readlink(f"/proc/self/fd/{fd}"))
    return {link for link in links if link.startswith("pipe:")}


def test_a_sealed_array_sent_to_the_grader_is_not_a_result():
    """A hostile child forges a frame with a sealed node and a descriptor of its own (a
    pipe's): does the call die as "not a result", no copy of the descriptor left in the
    grader once the child has closed its own?"""
    ours, theirs = socket.socketpair()
    sent: list[str] = []

    def child() -> None:
        channel = wire.Channel(theirs, fds=True)
        channel.receive()
        r, w = os.pipe()
        sent.append(os.readlink(f"/proc/self/fd/{r}"))
        forged = wire.Channel(theirs, stand_in=lambda array, fds: fds.append(r) or {"$t": "sealed", "f": 0,
                              "dtype": "<f8", "shape": [2]})
        forged.send({"op": "return", "value": np.ones(2)})
        for fd in (r, w):
            os.close(fd)

    thread = threading.Thread(target=child)
    thread.start()
    with FunctionSession(ours, {}, Limits()) as session:
        outcome = session.call((1,), seconds=10)
    thread.join(10)
    theirs.close()
    assert isinstance(outcome, Died) and "not a result" in str(outcome.reason)
    assert sent and sent[0] not in _pipes_open()


def test_a_sealed_node_without_its_descriptor_is_refused():
    """A sealed node naming a descriptor the frame did not bring is a WireError, on the
    sandbox's end too."""
    ours, theirs = socket.socketpair()
    with ours, theirs:
        wire.Channel(ours).send({"v": 1})
        doc = b'{"$t": "sealed", "f": 0, "dtype": "<f8", "shape": [4]}'
        body = len(doc).to_bytes(4, "big") + doc + (0).to_bytes(4, "big")
        ours.sendall(len(body).to_bytes(8, "big") + body)
        channel = wire.Channel(theirs, fds=True)
        assert channel.receive() == {"v": 1}
        with pytest.raises(wire.WireError, match="descriptor"):
            channel.receive()


def test_a_sealed_node_whose_descriptor_is_no_memory_is_refused():
    """A sealed node whose descriptor is a pipe, not memory, is a WireError (the child's
    end dies as after any malformed frame), its descriptor closed."""
    ours, theirs = socket.socketpair()
    r, w = os.pipe()
    with ours, theirs:
        wire.Channel(ours, stand_in=lambda a, fds: fds.append(r) or {"$t": "sealed", "f": 0, "dtype": "<f8",
                                                                      "shape": [4]}).send({"x": np.ones(4)})
        with pytest.raises(wire.WireError, match="a sealed array"):
            wire.Channel(theirs, fds=True).receive()
    os.close(r)
    os.close(w)


# -- in a real sandbox ----------------------------------------------------------------------

ZEROES = """
def total_then_zero(X):
    s = float(X.sum())
    X *= 0
    return s
"""


@pytest.mark.grading
def test_in_a_sandbox_each_call_and_each_function_gets_the_supplied_value():
    """In a real sandbox, a function that zeroes its argument is called twice, then again
    in a fresh child: does every call see the grader's array, and the grader's stay so?"""
    a = _frozen()
    want = float(a.sum())
    with Sandbox([("<cell 1>", ZEROES)], {}) as sandbox:
        got = []
        for _ in range(2):
            with sandbox.open("total_then_zero", {}) as session:
                got += [session.call((a,), seconds=30), session.call((a,), seconds=30)]
    assert all(isinstance(o, Returned) for o in got), got
    assert [o.value for o in got] == [want] * 4 and float(a.sum()) == want
