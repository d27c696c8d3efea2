"""The process that runs student code, inside the sandbox. Untrusted territory.

Started by :mod:`autograder.sandbox.launcher` with one inherited socket (the control
channel). It imports only the standard library, NumPy and :mod:`wire` (copied beside it),
never the grader, and it never sees reference solutions, hidden inputs' origin or scores:
it answers "call f(args)" with the value f returned, as data.

Protocol, all messages in :mod:`wire` frames:

1. grader -> ``{"op": "load", "statements": [[filename, source], ..], "helpers": {module: source}}``
   worker -> ``{"op": "loaded", "functions": {name: [param, ..]}, "errors": [..]}``
2. grader -> ``{"op": "spawn", "function": name, "stubs": [name, ..], "cpu_seconds": n}``
   worker forks a child for that one function and passes the grader the child's own
   socket (one byte ``b"F"`` plus the descriptor). A child serves
   ``{"op": "call", "args": [..], "kwargs": {..}}`` with ``{"op": "return", "value": v}`` or
   ``{"op": "raise", "type": .., "message": .., "frames": [[file, line, func], ..]}``
   (both with ``"stdout"``: the first few KB printed). Names in ``stubs`` are replaced, in the
   child only, by functions that ask the grader to run its reference version
   (``{"op": "callback", ..}`` answered by ``return``/``raise``), so a caller is graded on
   its own code, not on the bugs of what it calls.

A child lives for one function: whatever a function patches, spawns or leaves running
dies with its child, and the next function starts from the freshly loaded submission.
"""

from __future__ import annotations

import builtins
import io
import os
import resource
import socket
import sys
import traceback
import types

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import wire  # noqa: E402  (a sibling file, copied into the sandbox with this one)

STDOUT_KEEP = 4096  # characters of printed output kept for feedback


class _Channel:
    """Framed messages over a socket, read without buffering ahead."""

    def __init__(self, sock: socket.socket):
        self.sock = sock

    def send(self, message) -> None:
        frame = wire.encode(message)
        self.sock.sendall(len(frame).to_bytes(8, "big") + frame)

    def receive(self):
        size = int.from_bytes(self._exact(8), "big")
        if size > wire.MAX_MESSAGE_BYTES:
            raise wire.WireError("message too large")
        return wire.decode(self._exact(size))

    def _exact(self, n: int) -> bytes:
        buf = bytearray()
        while len(buf) < n:
            chunk = self.sock.recv(min(n - len(buf), 1 << 20))
            if not chunk:
                raise EOFError
            buf += chunk
        return bytes(buf)


class _BoundedText(io.TextIOBase):
    """A stdout that keeps the first few KB and drops the rest (output floods)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.dropped = 0

    def writable(self) -> bool:
        return True

    def write(self, s) -> int:
        s = str(s)
        room = STDOUT_KEEP - self.size
        if room > 0:
            self.parts.append(s[:room])
            self.size += min(len(s), room)
        self.dropped += max(0, len(s) - max(room, 0))
        return len(s)

    def text(self) -> str:
        out = "".join(self.parts)
        return out + (f"\n... ({self.dropped} more characters)" if self.dropped else "")


def _load(statements, helpers) -> tuple[dict, list[str]]:
    """Install helper modules, then run each kept statement of the submission on its own."""
    for name, source in helpers.items():
        module = types.ModuleType(name)
        module.__file__ = f"<helper {name}>"
        try:
            exec(compile(source, module.__file__, "exec"), module.__dict__)
        except BaseException:  # a helper that cannot load just stays absent
            continue
        sys.modules[name] = module
    namespace: dict = {"__name__": "__main__", "__builtins__": builtins}
    errors = []
    for filename, source in statements:
        try:
            exec(compile(source, filename, "exec"), namespace)
        except BaseException as exc:  # noqa: BLE001 - a failing top-level line costs nothing
            errors.append(f"{filename}: {type(exc).__name__}: {str(exc)[:200]}")
    return namespace, errors


def _parameters(fn) -> list[str] | None:
    code = getattr(fn, "__code__", None)
    if code is None:
        return None
    n = code.co_argcount + code.co_kwonlyargcount
    names = list(code.co_varnames[:n])
    if code.co_flags & 0x04:
        names.append("*" + code.co_varnames[n])
    return names


def _student_frames(tb) -> list[list]:
    frames = []
    for frame in traceback.extract_tb(tb):
        if frame.filename.startswith("<cell"):
            frames.append([frame.filename, frame.lineno, frame.name])
    return frames[-8:]


def _stub(name: str, channel: _Channel):
    """A stand-in for ``name`` that asks the grader to run the reference version."""

    def call_reference(*args, **kwargs):
        channel.send({"op": "callback", "function": name, "args": list(args), "kwargs": kwargs})
        reply = channel.receive()
        if reply.get("op") == "return":
            return reply["value"]
        kind = getattr(builtins, str(reply.get("type")), None)
        if not (isinstance(kind, type) and issubclass(kind, Exception)):
            kind = RuntimeError
        raise kind(reply.get("message", ""))

    call_reference.__name__ = name
    return call_reference


def _serve_function(channel: _Channel, namespace: dict, function: str) -> None:
    """Child side: answer calls of one function until the grader hangs up."""
    fn = namespace.get(function)
    while True:
        try:
            message = channel.receive()
        except (EOFError, OSError, wire.WireError):
            os._exit(0)
        if message.get("op") != "call":
            os._exit(0)
        out = _BoundedText()
        sys.stdout = sys.stderr = out
        try:
            value = fn(*message.get("args", []), **message.get("kwargs", {}))
            reply = {"op": "return", "value": value}
        except BaseException as exc:  # noqa: BLE001 - SystemExit and KeyboardInterrupt too
            reply = {"op": "raise", "type": type(exc).__name__, "message": str(exc)[:1000],
                     "frames": _student_frames(exc.__traceback__)}
        finally:
            sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
        reply["stdout"] = out.text()
        try:
            channel.send(reply)
        except (OSError, RecursionError, ValueError, TypeError, OverflowError) as exc:
            channel.send({"op": "raise", "type": "UnsendableResult", "message": f"{type(exc).__name__}: {exc}"[:300],
                          "frames": [], "stdout": ""})


def _spawn(control: socket.socket, namespace: dict, message: dict) -> None:
    parent_end, child_end = socket.socketpair()
    pid = os.fork()
    if pid == 0:
        control.close()
        parent_end.close()
        cpu = int(message.get("cpu_seconds", 30))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        channel = _Channel(child_end)
        for name in message.get("stubs", []):
            namespace[name] = _stub(name, channel)
        try:
            _serve_function(channel, namespace, str(message["function"]))
        finally:
            os._exit(0)
    child_end.close()
    socket.send_fds(control, [b"F"], [parent_end.fileno()])
    parent_end.close()


def _reap() -> None:
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass


def main() -> None:
    control = socket.socket(fileno=int(sys.argv[1]))
    # Printing goes nowhere by default; the protocol never uses stdout.
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    sys.setrecursionlimit(3000)
    channel = _Channel(control)
    request = channel.receive()
    namespace, errors = _load(request["statements"], request.get("helpers", {}))
    functions = {name: _parameters(value) for name, value in list(namespace.items())
                 if isinstance(value, types.FunctionType)}
    channel.send({"op": "loaded", "functions": functions, "errors": errors[:50]})
    while True:
        try:
            message = channel.receive()
        except (EOFError, OSError, wire.WireError):
            break
        _reap()
        if message.get("op") == "spawn":
            _spawn(control, namespace, message)
        else:
            break
    os._exit(0)


if __name__ == "__main__":
    main()
