"""The process that runs student code, inside the sandbox. Untrusted territory.

Started by :mod:`autograder.sandbox.sandbox` with one inherited socket (the control
channel). It imports only the standard library, NumPy and :mod:`wire` (copied beside it,
with the ``formulas`` that rebuild the functions a check passes as data), never the
grader, and it never sees reference solutions, hidden inputs' origin or scores: it
answers "call f(args)" with the value f returned, as data. Its fds 0-2 are ``/dev/null``:
what student code prints goes nowhere.

Protocol, all messages framed by ``wire.Channel``:

1. grader -> ``{"op": "load", "statements": [[filename, source], ..], "helpers": {module: source}}``
   worker -> ``{"op": "loaded", "functions": {name: {"params": [..], "names": [..]}}}``
   (``names``: the global names the function's code refers to)
2. grader -> ``{"op": "spawn", "function": name, "stubs": [name, ..], "cpu_seconds": n}``
   worker forks a child for that one function and passes the grader the child's own
   socket (one byte ``b"F"`` plus the descriptor). A child serves
   ``{"op": "call", "args": [..], "kwargs": {..}}`` with ``{"op": "return", "value": v}`` (plus
   ``"inputs": [args, kwargs]`` as they are after the call, when the call asks ``"inputs": true``,
   and ``"printed": text``, what the call printed to ``sys.stdout`` (its first
   :data:`PRINTED_KEEP` characters), when it asks ``"printed": true``) or
   ``{"op": "raise", "type": .., "message": .., "frames": [[file, line, func], ..]}``.
   Names in ``stubs`` are replaced, in the child only, by functions that ask the grader
   to run its reference version (``{"op": "callback", ..}`` answered by
   ``return``/``raise``), so a caller can be graded on its own code, not on the bugs of
   what it calls. A child's channel shares arrays with the grader (``wire.CheckedArrays``):
   an array both hold, unchanged since it crossed, goes back as a reference; and it takes
   the descriptors of the sealed arrays the grader supplies (its real data), each mapped
   afresh, copy-on-write, for the message that brings it.

A child lives for one function: whatever a function patches, spawns or leaves running
dies with its child, and the next function starts from the freshly loaded submission.
"""

from __future__ import annotations

import builtins
import contextlib
import io
import os
import re
import resource
import socket
import sys
import types

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import wire

#: Characters of what one call printed that are kept, when the call asks for them.
PRINTED_KEEP = 4000

#: Filenames of the submission's cells, ``<cell 3>`` (or a companion notebook's, ``<step cell 3>``).
_CELL = re.compile(r"^<([\w.-]+ )?cell \d+>$")


def _load(statements, helpers) -> dict:
    """Install helper modules, then run each kept statement of the submission on its own."""
    for name, source in helpers.items():
        module = types.ModuleType(name)
        module.__file__ = f"<helper {name}>"
        try:
            exec(compile(source, module.__file__, "exec"), module.__dict__)
        except BaseException:  # noqa: BLE001 - a helper that cannot load just stays absent
            continue
        sys.modules[name] = module
    namespace: dict = {"__name__": "__main__", "__builtins__": builtins}
    for filename, source in statements:
        try:
            exec(compile(source, filename, "exec"), namespace)
        except BaseException:  # noqa: BLE001 - a failing top-level line costs nothing
            continue
    return namespace


def _describe(fn) -> dict:
    """A function's parameters (``None`` for anything but a plain function) and the global
    names its code, nested functions included, refers to."""
    code = getattr(fn, "__code__", None)
    if not isinstance(fn, types.FunctionType) or code is None:
        return {"params": None, "names": []}
    n = code.co_argcount + code.co_kwonlyargcount
    params = list(code.co_varnames[:n])
    if code.co_flags & 0x04:
        params.append("*" + code.co_varnames[n])
    names, todo = set(), [code]
    while todo:
        current = todo.pop()
        names.update(current.co_names)
        todo.extend(c for c in current.co_consts if isinstance(c, types.CodeType))
    return {"params": params, "names": sorted(names)}


def _student_frames(tb) -> list[list]:
    frames = []
    while tb is not None:
        code = tb.tb_frame.f_code
        if _CELL.match(code.co_filename):
            frames.append([code.co_filename, tb.tb_lineno, code.co_name])
        tb = tb.tb_next
    return frames[-8:]


def _stub(name: str, channel: wire.Channel):
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


class _Printed(io.TextIOBase):
    """A stdout that keeps the first :data:`PRINTED_KEEP` characters written to it."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.kept = 0

    def writable(self) -> bool:
        return True

    def write(self, text) -> int:
        text = str(text)
        if self.kept < PRINTED_KEEP:
            self.parts.append(text[:PRINTED_KEEP - self.kept])
            self.kept += len(self.parts[-1])
        return len(text)

    def text(self) -> str:
        return "".join(self.parts)


def _call(fn, args: list, kwargs: dict, printed: bool) -> dict:
    """The "return" reply of ``fn(*args, **kwargs)``, with what it printed when asked."""
    if not printed:
        return {"op": "return", "value": fn(*args, **kwargs)}
    out = _Printed()
    with contextlib.redirect_stdout(out):
        value = fn(*args, **kwargs)
    return {"op": "return", "value": value, "printed": out.text()}


def _serve_function(channel: wire.Channel, namespace: dict, function: str) -> None:
    """Child side: answer calls of one function until the grader hangs up."""
    fn = namespace.get(function)
    while True:
        try:
            message = channel.receive()
        except (EOFError, OSError, wire.WireError):
            os._exit(0)
        if message.get("op") != "call":
            os._exit(0)
        args, kwargs = message.get("args", []), message.get("kwargs", {})
        try:
            reply = _call(fn, args, kwargs, bool(message.get("printed")))
            if message.get("inputs"):
                reply["inputs"] = [args, kwargs]
        except BaseException as exc:  # noqa: BLE001 - SystemExit and KeyboardInterrupt too
            reply = {"op": "raise", "type": type(exc).__name__, "message": str(exc)[:1000],
                     "frames": _student_frames(exc.__traceback__)}
        try:
            channel.send(reply)
        except (OSError, RecursionError, ValueError, TypeError, OverflowError) as exc:
            channel.send({"op": "raise", "type": "UnsendableResult", "message": f"{type(exc).__name__}: {exc}"[:300],
                          "frames": []})


def _spawn(control: socket.socket, namespace: dict, message: dict) -> None:
    parent_end, child_end = socket.socketpair()
    pid = os.fork()
    if pid == 0:
        control.close()
        parent_end.close()
        cpu = int(message.get("cpu_seconds", 30))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        channel = wire.Channel(child_end, shared=wire.CheckedArrays(), fds=True)
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
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    sys.setrecursionlimit(3000)
    channel = wire.Channel(control)
    request = channel.receive()
    namespace = _load(request["statements"], request.get("helpers", {}))
    functions = {name: _describe(value) for name, value in list(namespace.items()) if callable(value)}
    channel.send({"op": "loaded", "functions": functions})
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
