"""How a sandbox is walled off: the isolation level, its identity and its resource limits.

Levels, strongest first; :func:`level` picks the strongest the machine allows, once:

``namespaces``
    The grader is root. Linux namespaces via util-linux ``unshare``: no network, its own
    PID, IPC and UTS space, and a private root made of read-only binds of the system and
    Python folders only, so the project (solutions, hidden checks), the course directory,
    other submissions, home folders and the host's ``/tmp`` do not exist in there. Student
    code runs under a uid of its own (:func:`claim_uid`), with a 64 MB tmpfs as its only
    writable folder.
``processes``
    Where namespaces are not allowed: a separate process with the same resource limits,
    a scratch folder as working directory and a scrubbed environment. Files readable by
    the grader's user stay readable, and the network is open (README, "Security").

Every level bounds memory, CPU, processes, file size and wall time (:class:`Limits`).
"""

from __future__ import annotations

import fcntl
import functools
import itertools
import os
import resource
import shutil
import site
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "AUTOGRADE_ISOLATION"
LEVELS = ("namespaces", "processes")

_NOBODY = 65534
#: Sandbox users at the namespaces level: one uid per running sandbox (like isolate's
#: boxes, below systemd's dynamic users), so that RLIMIT_NPROC, which counts a uid's
#: processes machine-wide, bounds each sandbox on its own: a fork bomb in one submission
#: cannot use up the process quota of the submissions graded beside it (``--jobs``).
UID_FIRST, UID_COUNT = 60000, 1000
_uid_turn = itertools.count()


@dataclass(frozen=True)
class Limits:
    """Resource bounds for one submission's sandbox (each function's child inherits them)."""

    memory_mb: int = 3072     # address space per process
    cpu_seconds: int = 60     # CPU time per graded function
    call_seconds: float = 60  # wall time per call
    load_seconds: float = 20  # wall time to start and load the submission
    file_seconds: float = 900  # wall time for the whole file (every function, every call)
    scratch_mb: int = 64      # size of the writable folder (namespaces level)
    file_mb: int = 32         # largest file a process may write
    processes: int = 64       # processes of the sandbox user (namespaces level, as root)
    message_mb: int = 64      # largest message the grader accepts from the worker
    callback_mb: int = 1024   # memory a reference call made for the sandbox may add to the grader
    threads: int = 1          # BLAS threads of the student's code


def _can_unshare(args: list[str]) -> bool:
    try:
        return subprocess.run(["unshare", *args, "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@functools.cache
def level() -> str:
    """The strongest isolation level this machine allows (``$AUTOGRADE_ISOLATION`` may
    ask for a weaker one)."""
    wanted = os.environ.get(ENV_VAR, "").strip()
    if wanted == "processes":
        return "processes"
    if sys.platform == "linux" and shutil.which("unshare") and shutil.which("chroot"):
        ns = ["--net", "--mount", "--pid", "--ipc", "--fork"]
        if os.geteuid() == 0 and shutil.which("setpriv") and _can_unshare(ns):
            return "namespaces"
    return "processes"


def read_only_roots() -> list[str]:
    """System and Python folders the worker needs to see (read-only)."""
    roots = {"/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/etc"}
    for path in [sys.base_prefix, sys.prefix, *site.getsitepackages()]:
        roots.add(os.path.realpath(path))
    present = sorted(p for p in roots if os.path.lexists(p))
    # Keep only the outermost of nested folders.
    return [p for p in present if not any(p != q and p.startswith(q.rstrip("/") + "/") for q in present)]


#: Run by ``/bin/sh`` inside fresh namespaces: build the private root, then become the
#: sandbox user and run the worker. Arguments: root folder, worker folder, scratch size
#: in MB, uid, then the worker's environment (``K=V``) and command.
NAMESPACE_SCRIPT = r"""
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


def claim_uid() -> tuple[int, int | None]:
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
    for i in range(UID_COUNT):
        uid = UID_FIRST + (start + i) % UID_COUNT
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


def apply_limits(limits: Limits, isolation_level: str) -> None:
    """Set the resource limits of the calling process (run between fork and exec)."""
    mb = 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_mb * mb,) * 2)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_mb * mb,) * 2)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds * 20,) * 2)
    if isolation_level == "namespaces":  # counted for the sandbox's own uid only; root ignores it
        resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes,) * 2)


def worker_env(threads: int = 1) -> dict[str, str]:
    """The worker's whole environment (nothing of the grader's, so no secret)."""
    n = str(max(1, threads))
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONHASHSEED": "0",
           "PYTHONDONTWRITEBYTECODE": "1", "OPENBLAS_NUM_THREADS": n, "OMP_NUM_THREADS": n,
           "MKL_NUM_THREADS": n, "MPLBACKEND": "Agg"}
    # Some CPUs need these for correct OpenBLAS results (see the machine notes).
    env.update({k: v for k, v in os.environ.items() if k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")})
    return env
