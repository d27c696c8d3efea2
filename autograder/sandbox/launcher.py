"""Starting, talking to and killing the sandboxed worker, from the grader's side.

Two isolation levels, chosen once per machine (:func:`isolation`):

``namespaces``
    Linux namespaces via util-linux ``unshare``: no network, its own PID and IPC space, and
    a private root made of read-only binds of the system and Python directories only, so
    the project, solutions, hidden checks, the course directory, other submissions, home
    folders and ``/tmp`` do not exist in there. Student code runs as ``nobody`` when the
    grader is root, with a 64 MB tmpfs as its only writable folder.
``processes``
    Where namespaces are not allowed: a separate process with resource limits, a scratch
    folder as working directory and a scrubbed environment. Files readable by the grader's
    user stay readable (README, "Security").

Both levels bound memory, CPU, processes, file size and wall time, and in both the
worker can only send data (:mod:`.wire`). Whatever the worker sends is untrusted: a frame
that does not decode, a reply that is not one, a descriptor that is not a socket or a
reference call that would run past the call's deadline ends that call (or the sandbox),
never the grader. See docs/security.md for what each level does and does not protect.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import itertools
import os
import resource
import shutil
import signal
import site
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from . import wire

_HERE = Path(__file__).resolve().parent
_NOBODY = 65534
#: Sandbox users at the namespaces level: one uid per running sandbox (like isolate's
#: boxes, below systemd's dynamic users), so that RLIMIT_NPROC, which counts a uid's
#: processes machine-wide, bounds each sandbox on its own: a fork bomb in one submission
#: cannot use up the process quota of the submissions graded beside it (``--jobs``).
_UID_FIRST, _UID_COUNT = 60000, 1000
_uid_turn = itertools.count()
#: Longest text kept from a Raised reply (type, message, printed output).
_TYPE_KEEP, _MESSAGE_KEEP, _STDOUT_KEEP = 100, 2000, 8192


@dataclass(frozen=True)
class Limits:
    """Resource bounds for one submission's worker (each function's child inherits them)."""

    memory_mb: int = 3072     # address space per process
    cpu_seconds: int = 60     # CPU time per graded function
    call_seconds: float = 60  # wall time per call
    load_seconds: float = 20  # wall time to start and load the submission
    scratch_mb: int = 64      # size of the writable folder (namespaces level)
    file_mb: int = 32         # largest file a process may write
    processes: int = 64       # processes of the sandbox user (namespaces level, as root)
    message_mb: int = 64      # largest message the grader accepts from the worker


class SandboxError(RuntimeError):
    """The worker could not be started or stopped answering as a worker must."""


@dataclass
class Returned:
    value: Any
    stdout: str = ""


@dataclass
class Raised:
    type: str
    message: str
    frames: list
    stdout: str = ""


@dataclass
class Died:
    """The call ended without an answer: time-out, crash, exit, or garbage on the channel."""

    reason: str


Outcome = Returned | Raised | Died


class _Channel:
    def __init__(self, sock: socket.socket, limit: int = wire.MAX_MESSAGE_BYTES):
        self.sock = sock
        self.limit = min(limit, wire.MAX_MESSAGE_BYTES)

    def send(self, message: Any) -> None:
        frame = wire.encode(message)
        self.sock.sendall(len(frame).to_bytes(8, "big") + frame)

    def receive(self, deadline: float) -> Any:
        size = int.from_bytes(self._exact(8, deadline), "big")
        if size > self.limit:
            raise wire.WireError(f"a message of {size} bytes (the limit is {self.limit})")
        frame = self._exact(size, deadline)
        try:
            return wire.decode(frame)
        except wire.WireError:
            raise
        except (ValueError, LookupError, TypeError, ArithmeticError, struct.error, RecursionError) as exc:
            # A frame forged by student code (written to the socket directly) must not
            # reach the grader as anything but "not a result".
            raise wire.WireError(f"a malformed message ({type(exc).__name__})") from None

    def _exact(self, n: int, deadline: float) -> bytes:
        buf = bytearray()
        while len(buf) < n:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            self.sock.settimeout(left)
            chunk = self.sock.recv(min(n - len(buf), 1 << 22))
            if not chunk:
                raise EOFError
            buf += chunk
        return bytes(buf)


def _can_unshare(args: list[str]) -> bool:
    try:
        return subprocess.run(["unshare", *args, "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@functools.cache
def isolation() -> str:
    """The strongest isolation level this machine allows: ``namespaces`` or ``processes``."""
    if os.environ.get("AUTOGRADE_ISOLATION") == "processes":
        return "processes"
    if sys.platform == "linux" and shutil.which("unshare") and shutil.which("chroot"):
        ns = ["--net", "--mount", "--pid", "--ipc", "--fork"]
        if os.geteuid() == 0 and shutil.which("setpriv") and _can_unshare(ns):
            return "namespaces"
    return "processes"


def _read_only_roots() -> list[str]:
    """System and Python folders the worker needs to see (read-only)."""
    roots = {"/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/etc"}
    for path in [sys.base_prefix, sys.prefix, *site.getsitepackages()]:
        roots.add(os.path.realpath(path))
    present = sorted(p for p in roots if os.path.lexists(p))
    # Keep only the outermost of nested folders.
    return [p for p in present if not any(p != q and p.startswith(q.rstrip("/") + "/") for q in present)]


_NAMESPACE_SCRIPT = r"""
set -e
R="$1"; WORKER="$2"; SCRATCH_MB="$3"; BOX_UID="$4"; shift 4
mount --make-rprivate /
mount -t tmpfs -o size=8m,mode=0755 sandbox-root "$R"
# A private /tmp first: the Python folders bound below may live under /tmp (a CI checkout).
mkdir -p "$R/tmp"; mount -t tmpfs -o "size=4m,mode=1777,nosuid,nodev" tmp "$R/tmp"
for p in $READ_ONLY; do
  if [ -L "$p" ]; then mkdir -p "$R$(dirname "$p")"; ln -s "$(readlink "$p")" "$R$p"
  else mkdir -p "$R$p"; mount --rbind "$p" "$R$p"; mount -o remount,bind,ro,nosuid "$R$p"; fi
done
mkdir -p "$R/dev" "$R/proc" "$R/box" "$R/tmp" "$R/worker"
for n in null zero random urandom; do touch "$R/dev/$n"; mount --bind "/dev/$n" "$R/dev/$n"; done
mount -t proc -o nosuid,nodev,noexec proc "$R/proc"
mount -t tmpfs -o "size=${SCRATCH_MB}m,mode=0777,nosuid,nodev" box "$R/box"
mount --bind "$WORKER" "$R/worker"; mount -o remount,bind,ro "$R/worker"
exec chroot "$R" /usr/bin/setpriv --reuid="$BOX_UID" --regid="$BOX_UID" --clear-groups --no-new-privs -- \
  /usr/bin/env -i -C /box "$@"
"""


def _claim_uid() -> tuple[int, int | None]:
    """A sandbox uid that no other sandbox on this machine holds, and the descriptor of
    the lock that holds it (released by closing it, or when the grader dies).

    Falls back to ``nobody`` (whose process quota is then shared) when none is free.
    """
    folder = Path(tempfile.gettempdir()) / "autograde-uids"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return _NOBODY, None
    # Start elsewhere each time, so a uid whose last processes are still being torn
    # down is not the next one handed out.
    start = os.getpid() * 7 + next(_uid_turn)
    for i in range(_UID_COUNT):
        uid = _UID_FIRST + (start + i) % _UID_COUNT
        try:
            fd = os.open(folder / str(uid), os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            continue
        return uid, fd
    return _NOBODY, None


class _CallbackOvertime(BaseException):
    """A reference function, run for the sandbox, passed the call's deadline."""


@contextlib.contextmanager
def _deadline_alarm(seconds: float):
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


def _worker_env() -> dict[str, str]:
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONHASHSEED": "0",
           "PYTHONDONTWRITEBYTECODE": "1", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
           "MKL_NUM_THREADS": "1", "MPLBACKEND": "Agg"}
    # Some CPUs need these for correct OpenBLAS results (see the machine notes).
    env.update({k: v for k, v in os.environ.items() if k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")})
    return env


class Sandbox:
    """One submission's worker: start it with the submission's statements, then open a
    :class:`FunctionSession` per graded function. Use as a context manager."""

    def __init__(self, statements: list[tuple[str, str]], helpers: dict[str, str], limits: Limits = Limits()):
        self.statements = statements
        self.helpers = helpers
        self.limits = limits
        self.level = isolation()
        self.functions: dict[str, list[str] | None] = {}
        self.load_errors: list[str] = []
        self._proc: subprocess.Popen | None = None
        self._control: _Channel | None = None
        self._run_dir: Path | None = None
        self._uid_lock: int | None = None

    # -- lifecycle -------------------------------------------------------------------
    def __enter__(self) -> "Sandbox":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self) -> None:
        self._run_dir = Path(tempfile.mkdtemp(prefix="autograde-"))
        worker_dir = self._run_dir / "worker"
        worker_dir.mkdir()
        for name in ("worker.py", "wire.py"):
            shutil.copyfile(_HERE / name, worker_dir / name)
        os.chmod(self._run_dir, 0o755)
        os.chmod(worker_dir, 0o755)
        ours, theirs = socket.socketpair()
        fd = theirs.fileno()
        python = [sys.executable, "-I"]
        if self.level == "namespaces":
            (self._run_dir / "root").mkdir()
            env = _worker_env()
            uid, self._uid_lock = _claim_uid()
            cmd = ["unshare", "--net", "--mount", "--pid", "--ipc", "--uts", "--fork",
                   "--kill-child=SIGKILL", "--mount-proc", "--", "/bin/sh", "-c", _NAMESPACE_SCRIPT, "sandbox",
                   str(self._run_dir / "root"), str(worker_dir), str(self.limits.scratch_mb), str(uid),
                   *[f"{k}={v}" for k, v in env.items()], *python, "/worker/worker.py", str(fd)]
            popen_env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "READ_ONLY": " ".join(_read_only_roots())}
            cwd = "/"
        else:
            scratch = self._run_dir / "box"
            scratch.mkdir()
            cmd = [*python, str(worker_dir / "worker.py"), str(fd)]
            popen_env, cwd = _worker_env(), str(scratch)
        try:
            self._proc = subprocess.Popen(
                cmd, env=popen_env, cwd=cwd, pass_fds=[fd], stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
                preexec_fn=self._apply_limits)
        except OSError as exc:
            raise SandboxError(f"could not start the worker: {exc}") from None
        finally:
            theirs.close()
        self._control = _Channel(ours, self.limits.message_mb * 1024 * 1024)
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
        # The reply may be forged by the submission's top-level code (a class body or a
        # default argument runs at load time): keep only what has the documented shape.
        functions = reply.get("functions")
        self.functions = {
            name: params for name, params in (functions.items() if isinstance(functions, dict) else ())
            if isinstance(name, str)
            and (params is None or (isinstance(params, list) and all(isinstance(p, str) for p in params)))}
        errors = reply.get("errors")
        self.load_errors = [str(e)[:300] for e in errors[:50]] if isinstance(errors, list) else []

    def _apply_limits(self) -> None:  # runs in the child between fork and exec
        mb = 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (self.limits.memory_mb * mb,) * 2)
        resource.setrlimit(resource.RLIMIT_FSIZE, (self.limits.file_mb * mb,) * 2)
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_CPU, (self.limits.cpu_seconds * 20,) * 2)
        if self.level == "namespaces":  # counted for the sandbox's own uid only; root ignores it
            resource.setrlimit(resource.RLIMIT_NPROC, (self.limits.processes,) * 2)

    def _stderr_tail(self) -> str:
        """The last line the worker's start-up wrote to stderr (only once it has exited)."""
        if self._proc is None or self._proc.stderr is None or self._proc.poll() is None:
            return ""
        lines = self._proc.stderr.read(64_000).decode(errors="replace").strip().splitlines()
        return lines[-1][:300] if lines else ""

    def close(self) -> None:
        """Kill the worker and everything it started; remove its folder."""
        if self._control is not None:
            self._control.sock.close()
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
        if self._uid_lock is not None:
            os.close(self._uid_lock)
            self._uid_lock = None

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None and self._control is not None

    # -- per-function children ---------------------------------------------------------
    def open(self, function: str, stubs: dict[str, Callable[..., Any]]) -> "FunctionSession":
        """A fresh child of the loaded submission for grading ``function``.

        ``stubs`` maps names the function may call to the grader-side callables that
        answer in their place (reference versions).

        A worker that does not answer as one (no child, or a descriptor that is not a
        socket) is closed, so the next function starts a fresh sandbox.
        """
        if not self.alive:
            raise SandboxError("the worker is not running")
        try:
            self._control.send({"op": "spawn", "function": function, "stubs": sorted(stubs),
                                "cpu_seconds": self.limits.cpu_seconds})
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
        return FunctionSession(sock, stubs, self.limits)


class FunctionSession:
    """Calls of one graded function, each answered by the sandboxed child."""

    def __init__(self, sock: socket.socket, stubs: dict[str, Callable[..., Any]], limits: Limits):
        self._channel = _Channel(sock, limits.message_mb * 1024 * 1024)
        self._stubs = stubs
        self._limits = limits
        self.dead: str | None = None  # why the child can no longer answer

    def call(self, args: tuple = (), kwargs: dict | None = None, seconds: float | None = None) -> Outcome:
        if self.dead:
            return Died(self.dead)
        deadline = time.monotonic() + (seconds or self._limits.call_seconds)
        try:
            self._channel.send({"op": "call", "args": list(args), "kwargs": kwargs or {}})
            while True:
                reply = self._channel.receive(deadline)
                if not isinstance(reply, dict):
                    raise wire.WireError("not a message")
                op = reply.get("op")
                if op == "callback":
                    self._channel.send(self._answer_callback(reply, deadline))
                elif op == "return":
                    return Returned(reply.get("value"), str(reply.get("stdout", ""))[:_STDOUT_KEEP])
                elif op == "raise":
                    frames = reply.get("frames") if isinstance(reply.get("frames"), list) else []
                    return Raised(str(reply.get("type"))[:_TYPE_KEEP], str(reply.get("message"))[:_MESSAGE_KEEP],
                                  frames[-8:], str(reply.get("stdout", ""))[:_STDOUT_KEEP])
                else:
                    raise wire.WireError("unknown message")
        except TimeoutError:
            self.dead = f"it did not return within {seconds or self._limits.call_seconds:g} s (infinite loop?)"
        except _CallbackOvertime:
            self.dead = (f"it did not return within {seconds or self._limits.call_seconds:g} s "
                         "(including the functions it called)")
        except (EOFError, ConnectionError):
            self.dead = "the process running it ended during the call (os._exit, a crash, or a resource limit)"
        except (wire.WireError, OSError, ValueError) as exc:
            self.dead = f"it sent back something that is not a result ({exc})"
        self.close()
        return Died(self.dead)

    def _answer_callback(self, request: dict, deadline: float) -> dict:
        """Run the reference ``request["function"]`` on the student's arguments, within
        what is left of the call's wall time (student-chosen arguments, such as
        ``num_iterations=10**9``, must not hang the grader)."""
        name = request.get("function")
        fn = self._stubs.get(name) if isinstance(name, str) else None
        if fn is None:
            return {"op": "raise", "type": "NameError", "message": f"{name!r} is not available"[:200]}
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        try:
            with _deadline_alarm(left):
                value = fn(*request.get("args", []), **request.get("kwargs", {}))
            return {"op": "return", "value": value}
        except Exception as exc:  # the reference rejected what the student passed it
            return {"op": "raise", "type": type(exc).__name__, "message": f"{name}: {exc}"[:500]}

    def close(self) -> None:
        self._channel.sock.close()

    def __enter__(self) -> "FunctionSession":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
