"""One submission's sandbox, from the grader's side: start the worker with the
submission's code, fork a child per graded function, kill everything at the end.

Whatever the worker sends is untrusted: a frame that does not decode, a reply that is
not one, or a descriptor that is not a socket ends the sandbox, never the grader. See
:mod:`.isolation` for the walls and docs/security.md for what each level protects.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dlcheck import formulas, wire

from . import isolation
from .isolation import Limits
from .session import FunctionSession

_HERE = Path(__file__).resolve().parent
_WIRE = Path(wire.__file__).resolve()
_FORMULAS = Path(formulas.__file__).resolve()


class SandboxError(RuntimeError):
    """The worker could not be started or stopped answering as a worker must."""


@dataclass(frozen=True)
class Defined:
    """A function the loaded submission defines: its parameters (``None`` when it is not
    a plain function) and the global names its code refers to."""

    params: list[str] | None
    names: frozenset[str] = field(default_factory=frozenset)


def _defined(reply: Any) -> dict[str, Defined]:
    """The ``functions`` of a "loaded" reply, keeping only entries of the documented
    shape: the reply may be forged by the submission's top-level code (a class body or
    a default argument runs at load time)."""
    functions = reply.get("functions") if isinstance(reply, dict) else None
    out = {}
    for name, info in (functions.items() if isinstance(functions, dict) else ()):
        if not isinstance(name, str) or not isinstance(info, dict):
            continue
        params, names = info.get("params"), info.get("names")
        if params is not None and not (isinstance(params, list) and all(isinstance(p, str) for p in params)):
            continue
        names = [n for n in names if isinstance(n, str)][:1000] if isinstance(names, list) else []
        out[name] = Defined(params, frozenset(names))
    return out


class Sandbox:
    """One submission's worker: start it with the submission's statements, then open a
    :class:`FunctionSession` per graded function. Use as a context manager."""

    def __init__(self, statements: list[tuple[str, str]], helpers: dict[str, str], limits: Limits = Limits()):
        self.statements = statements
        self.helpers = helpers
        self.limits = limits
        self.level = isolation.level()
        self.functions: dict[str, Defined] = {}
        self._proc: subprocess.Popen | None = None
        self._control: wire.Channel | None = None
        self._run_dir: Path | None = None
        self._walls: isolation.Walls | None = None

    def __enter__(self) -> Sandbox:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        self._run_dir = Path(tempfile.mkdtemp(prefix="autograde-"))
        worker_dir = self._run_dir / "worker"
        worker_dir.mkdir()
        shutil.copyfile(_HERE / "worker.py", worker_dir / "worker.py")
        shutil.copyfile(_WIRE, worker_dir / "wire.py")
        shutil.copyfile(_FORMULAS, worker_dir / "formulas.py")
        os.chmod(self._run_dir, 0o755)
        os.chmod(worker_dir, 0o755)
        isolation.shield_grader()
        ours, theirs = socket.socketpair()
        fd = theirs.fileno()
        worker = f"{isolation.worker_folder(self.level, self._run_dir)}/worker.py"
        walls = self._walls = isolation.launch(self.level, self._run_dir, [sys.executable, "-I", worker, str(fd)],
                                               self.limits)
        try:
            self._proc = subprocess.Popen(
                walls.command, env=walls.env, cwd=walls.cwd, pass_fds=[fd], stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
                preexec_fn=lambda: isolation.restrict(self.limits, walls.process_quota))
        except OSError as exc:
            raise SandboxError(f"could not start the worker: {exc}") from None
        finally:
            theirs.close()
        self._control = wire.Channel(ours, self.limits.message_mb * 1024 * 1024)
        try:
            self._control.send({"op": "load", "statements": [list(s) for s in self.statements],
                                "helpers": self.helpers})
            reply = self._control.receive(time.monotonic() + self.limits.load_seconds)
        except TimeoutError:
            self.close()
            raise SandboxError(f"loading the submission took more than {self.limits.load_seconds:g} s "
                               "(top-level code that runs too long?)") from None
        except (EOFError, OSError, wire.WireError) as exc:
            detail = self._stderr_tail()
            self.close()
            raise SandboxError(f"the worker stopped while loading the submission ({type(exc).__name__})"
                               + (f": {detail}" if detail else "")) from None
        if not isinstance(reply, dict) or reply.get("op") != "loaded":
            self.close()
            raise SandboxError("the worker answered the load request with something else")
        self.functions = _defined(reply)

    def _stderr_tail(self) -> str:
        """The last line the worker's start-up wrote to stderr (only once it has exited)."""
        if self._proc is None or self._proc.stderr is None or self._proc.poll() is None:
            return ""
        lines = self._proc.stderr.read(64_000).decode(errors="replace").strip().splitlines()
        return lines[-1][:300] if lines else ""

    def close(self) -> None:
        """Kill the worker and everything it started; remove its folder."""
        if self._control is not None:
            self._control.close()
            self._control = None
        if self._proc is not None:
            try:
                os.killpg(self._proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            self._proc.wait()
            if self._proc.stderr:
                self._proc.stderr.close()
            self._proc = None
        if self._run_dir is not None:
            shutil.rmtree(self._run_dir, ignore_errors=True)
            self._run_dir = None
        if self._walls is not None:
            self._walls.release()
            self._walls = None

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None and self._control is not None

    def open(self, function: str, callbacks: dict[str, Callable[..., Any]],
             cpu_seconds: float | None = None) -> FunctionSession:
        """A fresh child of the loaded submission for grading ``function``.

        ``callbacks`` maps names the function may call to the grader-side callables that
        answer in their place (reference versions). ``cpu_seconds`` bounds the child's CPU
        time (default :attr:`Limits.cpu_seconds`).

        A worker that does not answer as one (no child, or a descriptor that is not a
        socket) is closed, so the next function starts a fresh sandbox.
        """
        if not self.alive:
            raise SandboxError("the worker is not running")
        try:
            self._control.send({"op": "spawn", "function": function, "stubs": sorted(callbacks),
                                "cpu_seconds": int(cpu_seconds or self.limits.cpu_seconds)})
            self._control.sock.settimeout(self.limits.load_seconds)
            data, fds, _, _ = socket.recv_fds(self._control.sock, 1, 1)
        except (OSError, TimeoutError) as exc:
            self.close()
            raise SandboxError(f"the worker did not start a child ({type(exc).__name__})") from None
        sock = None
        if data == b"F" and len(fds) == 1:
            try:
                sock = socket.socket(fileno=fds[0])
            except OSError:  # not a socket at all
                os.close(fds[0])
            else:
                if sock.family != socket.AF_UNIX or sock.type != socket.SOCK_STREAM:
                    sock.close()
                    sock = None
        else:
            for fd in fds:
                os.close(fd)
        if sock is None:
            self.close()
            raise SandboxError("the worker did not start a child")
        return FunctionSession(sock, callbacks, self.limits)
