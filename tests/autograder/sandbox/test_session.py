"""What one function's session does in the grader's process (autograder.sandbox.session)."""

from __future__ import annotations

import contextlib
import socket
import sys
import threading
import time

import numpy as np
import pytest

from autograder.sandbox.isolation import Limits
from autograder.sandbox.session import Died, FunctionSession, Returned, quiet
from dlcheck import wire


def test_reference_calls_from_two_threads_leave_stdout_as_it_was():
    """When a long check's thread answers a callback while the main thread makes a reference
    call, does each run alone, so that ``sys.stdout`` is the real one again after both
    (interleaved redirections would leave it discarded)?"""
    stdout = sys.stdout
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    printed_inside = []

    def first() -> None:
        with quiet():
            first_in.set()
            second_in.wait(timeout=0.5)  # the second cannot come in while this one runs
            printed_inside.append(sys.stdout is not stdout)
        first_out.set()

    def second() -> None:
        first_in.wait(timeout=5)
        with quiet():
            second_in.set()
            first_out.wait(timeout=0.5)  # leave after the first did

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert printed_inside == [True]
    assert sys.stdout is stdout


# -- arrays shared with the child ----------------------------------------------------------
#
# The child's end runs in a thread, speaking the protocol as the worker's stubs do.

def _session_with_child(child, callbacks) -> FunctionSession:
    """A session whose child is ``child(channel)``, run in a thread on the sandbox's end."""
    ours, theirs = socket.socketpair()

    def run(channel: wire.Channel) -> None:
        with contextlib.suppress(EOFError, OSError):  # the session closed its end first
            child(channel)

    thread = threading.Thread(target=run, args=(wire.Channel(theirs, shared=wire.CheckedArrays()),), daemon=True)
    thread.start()
    return FunctionSession(ours, callbacks, Limits())


def _calls_back(name: str, times: int):
    """A child that calls back ``name`` on its argument ``times`` times and returns the answers."""
    def child(channel: wire.Channel) -> None:
        x = channel.receive()["args"][0]
        answers = []
        for _ in range(times):
            channel.send({"op": "callback", "function": name, "args": [x], "kwargs": {}})
            answers.append(channel.receive()["value"])
        channel.send({"op": "return", "value": (answers, x)})
    return child


def test_a_reference_that_writes_into_its_argument_sees_what_the_child_holds():
    """The grader's shared arrays are read-only: when a reference callee writes into its
    argument, does it get a writable copy, so that the second call (the child passes the
    same array back, as a reference) computes on the child's value, not a changed one?"""
    def doubled(a):
        a *= 2
        return a

    x = np.random.default_rng(0).normal(size=(128, 256))
    with _session_with_child(_calls_back("doubled", 2), {"doubled": doubled}) as session:
        outcome = session.call((x,), seconds=10)
    answers, after = outcome.value
    assert [np.array_equal(a, 2 * x) for a in answers] == [True, True]
    assert np.array_equal(after, x)


def test_values_a_call_returns_are_the_checks_to_write_into():
    """When the child returns arrays the grader holds (read-only, shared), does the check
    get writable copies, one per array, that change nothing the grader holds?"""
    def child(channel: wire.Channel) -> None:
        x = channel.receive()["args"][0]
        channel.send({"op": "return", "value": [x, {"again": x}]})
        x2 = channel.receive()["args"][0]
        channel.send({"op": "return", "value": x2})

    x = np.random.default_rng(0).normal(size=(128, 256))
    with _session_with_child(child, {}) as session:
        first, second = session.call((x,), seconds=10).value
        assert first.flags.writeable and first is second["again"] and np.array_equal(first, x)
        first += 1
        assert np.array_equal(session.call((x,), seconds=10).value, x)


# -- time: the function's own, and the grader's --------------------------------------------

def _slow(seconds: float):
    def answer(x):
        time.sleep(seconds)
        return x
    return answer


def test_time_answering_callbacks_is_not_the_functions():
    """Five callbacks of 0.3 s each in a call whose own limit is 0.5 s: does the call
    return, the grader's 1.5 s not counted against the function?"""
    with _session_with_child(_calls_back("slow", 5), {"slow": _slow(0.3)}) as session:
        outcome = session.call((np.ones(3),), seconds=0.5, until=time.monotonic() + 10)
    assert isinstance(outcome, Returned), outcome


def test_a_busy_grader_does_not_change_the_verdict():
    """While another check holds the grader's reference calls for 1.5 s, a callback waits
    its turn: does a call whose own limit is 0.5 s still return?"""
    held, release = threading.Event(), threading.Event()

    def busy() -> None:
        with quiet():
            held.set()
            release.wait(timeout=1.5)

    thread = threading.Thread(target=busy)
    thread.start()
    held.wait(timeout=5)
    try:
        with _session_with_child(_calls_back("fast", 1), {"fast": _slow(0)}) as session:
            outcome = session.call((np.ones(3),), seconds=0.5, until=time.monotonic() + 10)
    finally:
        release.set()
        thread.join()
    assert isinstance(outcome, Returned), outcome


def test_the_functions_own_time_is_still_bounded():
    """A child that answers nothing: does the call end at its own limit, said as such?"""
    def silent(channel: wire.Channel) -> None:
        channel.receive()
        time.sleep(5)

    start = time.monotonic()
    with _session_with_child(silent, {}) as session:
        outcome = session.call((), seconds=0.5, until=start + 10)
    assert isinstance(outcome, Died) and "within 0.5 s" in outcome.reason.en
    assert time.monotonic() - start < 3


@pytest.mark.parametrize("until", [None, 1.0])
def test_callbacks_end_by_the_outer_deadline(until):
    """Callbacks of 0.4 s, asked for again and again: does the call end by ``until`` (by
    its own limit when there is none), said as the file's budget when it was that?"""
    start = time.monotonic()
    with _session_with_child(_calls_back("slow", 100), {"slow": _slow(0.4)}) as session:
        outcome = session.call((np.ones(3),), seconds=1.0, until=None if until is None else start + until)
    assert isinstance(outcome, Died)
    assert ("time budget" in outcome.reason.en) == (until is not None), outcome.reason.en
    assert time.monotonic() - start < 2.5
