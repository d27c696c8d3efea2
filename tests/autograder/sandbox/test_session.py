"""What one function's session does in the grader's process (autograder.sandbox.session)."""

from __future__ import annotations

import sys
import threading

from autograder.sandbox.session import quiet


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
