"""What one function's session does in the grader's process (autograder.sandbox.session)."""

from __future__ import annotations

import socket
import sys
import threading

import numpy as np

from autograder.sandbox.isolation import Limits
from autograder.sandbox.session import FunctionSession, quiet
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
    thread = threading.Thread(target=child, args=(wire.Channel(theirs, shared=wire.CheckedArrays()),), daemon=True)
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
