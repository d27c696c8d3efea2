"""Calls of one graded function, each answered by its sandboxed child process.

While the function runs, the child may ask the grader to run a reference function in
place of one of the submission's own (a *callback*, see :mod:`.worker`). Callbacks run
in the grader, on arguments the student chose, so each is bounded: by what is left of
the call's outer deadline (SIGALRM; the end of the file's budget,
:func:`autograder.engine.budget`) and by :attr:`Limits.callback_mb` of extra memory
(RLIMIT_AS, lowered while the callback runs and its answer is encoded), and its answer
by :attr:`Limits.message_mb`. Their output is discarded, and they are never cached
(:meth:`autograder.reference.Reference.for_callback`).

The time spent answering callbacks (waiting for the grader's turn included) is the
grader's, not the function's: it does not count against the call's own limit, so the
grader's own work (and how long it waits behind other reference calls) never makes a
function too slow. It does count against the outer deadline, so the grader's work for
one file stays bounded. (The call's own limit is still wall time.)

A training loop answered this way sends the same large arrays back and forth in every
step (the training set, the caches, the parameters), so the session's channel shares
arrays with the child (:mod:`dlcheck.wire`): what both hold crosses as a reference. The
grader's side (:class:`~dlcheck.wire.FrozenArrays`, at most :attr:`Limits.shared_mb`)
is read-only, so a reference always names what the child was sent or sent: a reference
callee that writes into an argument is run again on writable copies, and the values a
call returns to a check are copies it may write into. The large read-only arrays the
grader supplies itself (the real data) do not cross as bytes at all: each call passes a
sealed copy made once per grader process (:mod:`.supplied`), which the child maps afresh.
"""

from __future__ import annotations

import contextlib
import io
import resource
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from dlcheck import wire
from dlcheck.text import Text, tr

from . import supplied
from .isolation import Limits

#: Longest text kept from a Raised reply (type, message), and of what a call printed.
_TYPE_KEEP, _MESSAGE_KEEP, _PRINTED_KEEP = 100, 2000, 4000


@dataclass
class Returned:
    value: Any
    inputs: Any = None  # [args, kwargs] after the call, when asked for
    printed: str | None = None  # what the call printed (its first characters), when asked for


@dataclass
class Raised:
    type: str
    message: str
    frames: list


@dataclass
class Died:
    """The call ended without an answer: time-out, crash, exit, or garbage on the channel."""

    reason: Text


Outcome = Returned | Raised | Died


class _Discard(io.TextIOBase):
    """A stdout for reference calls: what they print (``print_cost=True``) goes nowhere."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        return len(text)


#: Reference code runs one call at a time in the grader's process: a call swaps
#: ``sys.stdout`` and may lower RLIMIT_AS, both process-wide, and long checks answer their
#: callbacks from threads of their own (:mod:`autograder.engine`).
_REFERENCE_CALLS = threading.RLock()


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Run the block (a reference call) alone among reference calls, what it prints discarded."""
    with _REFERENCE_CALLS, contextlib.redirect_stdout(_Discard()):
        yield


class _CallbackOvertime(BaseException):
    """A reference function, run for the sandbox, passed the call's deadline."""


@contextlib.contextmanager
def _deadline_alarm(seconds: float) -> Iterator[None]:
    """Interrupt the block with :class:`_CallbackOvertime` after ``seconds`` of wall time.

    Uses SIGALRM, so only in the main thread, and only when the current SIGALRM handler
    is one Python can put back; elsewhere the block runs unbounded. An alarm already set
    (pytest-timeout, say) is kept: ours fires no later than it, and it is re-armed after.
    """
    previous = signal.getsignal(signal.SIGALRM)
    if threading.current_thread() is not threading.main_thread() or previous is None:
        yield
        return
    fired = False

    def overtime(signum: int, frame: Any) -> None:
        nonlocal fired
        if not fired:  # raise once, even if a second alarm is already pending
            fired = True
            raise _CallbackOvertime

    outer_delay, outer_interval = signal.getitimer(signal.ITIMER_REAL)
    start = time.monotonic()
    signal.signal(signal.SIGALRM, overtime)
    signal.setitimer(signal.ITIMER_REAL, max(min(seconds, outer_delay or seconds), 1e-3))
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        except _CallbackOvertime:  # delivered just now: the block finished in time anyway
            pass
        signal.signal(signal.SIGALRM, previous)
        if outer_delay:
            left = outer_delay - (time.monotonic() - start)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-3), outer_interval)


def _address_space_bytes() -> int | None:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return None


@contextlib.contextmanager
def memory_guard(extra_mb: int) -> Iterator[None]:
    """Let the block grow this process's address space by at most ``extra_mb`` (a
    MemoryError beyond), by lowering the soft RLIMIT_AS for its duration."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    current = _address_space_bytes()
    if current is None:
        yield
        return
    bound = current + extra_mb * 1024 * 1024
    for limit in (soft, hard):
        if limit != resource.RLIM_INFINITY:
            bound = min(bound, limit)
    resource.setrlimit(resource.RLIMIT_AS, (bound, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _writable(value: Any, copies: dict[int, np.ndarray] | None = None) -> Any:
    """``value`` with each read-only array in it (one the session's table holds) replaced
    by a copy, the same copy wherever the same array was; containers are rebuilt."""
    copies = {} if copies is None else copies
    kind = type(value)
    if kind is np.ndarray and not value.flags.writeable:
        if id(value) not in copies:
            copies[id(value)] = value.copy()
        return copies[id(value)]
    if kind is list or kind is tuple:
        items = [_writable(v, copies) for v in value]
        return items if kind is list else tuple(items)
    if kind is dict:
        return {k: _writable(v, copies) for k, v in value.items()}
    return value


def _run_reference(fn: Callable[..., Any], args: list, kwargs: dict) -> Any:
    """``fn(*args, **kwargs)``; arrays the session shares are read-only, so a reference
    that writes into one of its arguments gets writable copies instead."""
    try:
        return fn(*args, **kwargs)
    except ValueError as exc:
        if "read-only" not in str(exc):
            raise
    return fn(*_writable(args), **_writable(kwargs))


def _timed_out(seconds: float) -> Text:
    return tr("it did not return within {s:.3g} s (an infinite loop, or far too much work?)",
              "{s:.3g}초 안에 반환하지 않았습니다 (무한 루프이거나 계산이 너무 많지 않나요?)", s=seconds)


def _out_of_budget() -> Text:
    return tr("it did not return before the file's time budget ran out (an infinite loop, or far too much work?)",
              "파일의 시간 예산이 끝날 때까지 반환하지 않았습니다 (무한 루프이거나 계산이 너무 많지 않나요?)")


class FunctionSession:
    """Calls of one graded function, each answered by the sandboxed child.

    ``callbacks`` maps the names the function may call to grader-side callables that
    answer in their place (reference versions).
    """

    def __init__(self, sock: socket.socket, callbacks: dict[str, Callable[..., Any]], limits: Limits):
        self._channel = wire.Channel(sock, limits.message_mb * 1024 * 1024,
                                     shared=wire.FrozenArrays(limits.shared_mb * 1024 * 1024),
                                     stand_in=supplied.sealed_node)
        self._callbacks = callbacks
        self._limits = limits
        self.dead: Text | None = None  # why the child can no longer answer

    def call(self, args: tuple = (), kwargs: dict | None = None, seconds: float | None = None,
             inputs: bool = False, until: float | None = None, printed: bool = False) -> Outcome:
        """Call the function; with ``inputs``, the reply also holds the arguments as they
        are after the call (:attr:`Returned.inputs`); with ``printed``, what the call
        printed (:attr:`Returned.printed`, at most :data:`_PRINTED_KEEP` characters).

        The function's own wall time is bounded by ``seconds`` (default
        :attr:`Limits.call_seconds`), the time its callbacks take not counted; the whole
        call, callbacks included, ends by ``until`` (``time.monotonic()`` seconds;
        default: ``seconds`` from now, so that callbacks count).
        """
        if self.dead:
            return Died(self.dead)
        seconds = self._limits.call_seconds if seconds is None else seconds
        own_end = time.monotonic() + seconds  # moved on by the time callbacks take
        outer, until = until is not None, own_end if until is None else until
        try:
            self._channel.send({"op": "call", "args": list(args), "kwargs": kwargs or {}, "inputs": inputs,
                                "printed": printed})
            while True:
                reply = self._channel.receive(min(own_end, until))
                if not isinstance(reply, dict):
                    raise wire.WireError("not a message")
                op = reply.get("op")
                if op == "callback":
                    began = time.monotonic()
                    self._channel.send_frame(self._answer_callback(reply, until))
                    own_end += time.monotonic() - began
                elif op == "return":  # copies where they are the table's: the check may write into them
                    return Returned(_writable(reply.get("value")), _writable(reply.get("inputs")),
                                    str(reply.get("printed", ""))[:_PRINTED_KEEP] if printed else None)
                elif op == "raise":
                    frames = reply.get("frames") if isinstance(reply.get("frames"), list) else []
                    return Raised(str(reply.get("type"))[:_TYPE_KEEP], str(reply.get("message"))[:_MESSAGE_KEEP],
                                  frames[-8:])
                else:
                    raise wire.WireError("unknown message")
        except (TimeoutError, _CallbackOvertime):
            self.dead = _out_of_budget() if outer and time.monotonic() >= until else _timed_out(seconds)
        except (EOFError, ConnectionError):
            self.dead = tr("the process running it ended during the call (os._exit, a crash, or a resource limit)",
                           "호출 중에 실행 프로세스가 끝났습니다 (os._exit, 충돌, 또는 자원 한도)")
        except (wire.WireError, OSError, ValueError) as exc:
            self.dead = tr("it sent back something that is not a result ({why})",
                           "결과가 아닌 것을 돌려보냈습니다 ({why})", why=str(exc)[:200])
        self.close()
        return Died(self.dead)

    def _answer_callback(self, request: dict, deadline: float) -> wire.Frame:
        """The encoded answer of the reference ``request["function"]`` on the student's
        arguments, computed and encoded by ``deadline`` (the call's outer one), within
        :attr:`Limits.callback_mb` of memory, and no larger than a message may be."""
        name = request.get("function")
        fn = self._callbacks.get(name) if isinstance(name, str) else None
        if fn is None:
            return self._raise("NameError", f"{name!r} is not available"[:200])
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        args, kwargs = request.get("args", []), request.get("kwargs", {})
        if not isinstance(args, list) or not isinstance(kwargs, dict):
            return self._raise("TypeError", "malformed arguments")
        try:
            with quiet(), _deadline_alarm(left), memory_guard(self._limits.callback_mb):
                # Encoded in here too: a result made to fit the bound must not take the
                # grader past it there (the frame points into the result's arrays).
                frame = self._channel.frame({"op": "return", "value": _run_reference(fn, args, kwargs)}, owned=True)
        except MemoryError:
            return self._raise("MemoryError", f"{name}: these arguments need more than {self._limits.callback_mb} MB")
        except Exception as exc:  # noqa: BLE001 - the reference rejected what the student passed it
            return self._raise(type(exc).__name__, f"{name}: {exc}"[:500])
        if len(frame) > self._limits.message_mb * 1024 * 1024:
            return self._raise("MemoryError", f"{name}: the result of these arguments is larger than a message may be "
                                              f"({self._limits.message_mb} MB)")
        return frame

    def _raise(self, kind: str, message: str) -> wire.Frame:
        """An encoded "raise" answer to a callback."""
        return self._channel.frame({"op": "raise", "type": kind, "message": message})

    def close(self) -> None:
        self._channel.close()

    def __enter__(self) -> FunctionSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
