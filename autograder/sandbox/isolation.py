"""How a sandbox is walled off: the isolation levels, which one this machine offers, the
command that starts a worker behind a level's walls, and its resource limits.

Levels, strongest first (:data:`PROTECTS` says what each one protects); :func:`level`
picks the strongest the machine offers, found by trying each (:func:`trial`, once per
process), and ``$AUTOGRADE_ISOLATION`` may ask for a weaker one:

``namespaces``
    The grader is root. Linux namespaces via util-linux ``unshare``: no network, its own
    PID, IPC and UTS space, and a private, read-only root made of binds of the system and
    Python folders only, so the project (solutions, hidden checks), the course directory,
    other submissions, home folders and the host's ``/tmp`` do not exist in there; what the
    grader keeps under those folders (a pip-installed grader's own package in
    site-packages, :func:`hidden_paths`) is covered by an empty read-only mount. Student
    code runs under a uid of its own (:func:`claim_uid`), with a tmpfs of
    :attr:`Limits.scratch_mb` as its only writable folder besides a small ``/tmp``.
``userns``
    The grader is an ordinary user and the kernel lets it create user namespaces
    (``unshare --user --map-root-user``): the same namespaces and private root, built as
    "root" of the new user namespace, which maps to the grader's own uid outside. Student
    code keeps that uid, with every capability dropped and ``no_new_privs``. A root grader
    asked for this level first becomes a sandbox uid of its own.
``processes``
    Where user namespaces are refused: a separate process with the same resource limits,
    a scratch folder as working directory and a scrubbed environment. Files readable by
    the grader's user stay readable, and the network is open (docs/security.md).

Every level bounds memory (per process), CPU, file size and wall time (:class:`Limits`),
and processes wherever the sandbox's uid is not root (:func:`process_quota`).
"""

from __future__ import annotations

import ctypes
import fcntl
import functools
import itertools
import os
import re
import resource
import shutil
import site
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from dlcheck.checks import GraderError
from dlcheck.text import tr

from .. import memo, project, secret

ENV_VAR = "AUTOGRADE_ISOLATION"
LEVELS = ("namespaces", "userns", "processes")  # strongest first

#: What each level protects, in one line (``autograde doctor``; docs/security.md has the tests).
PROTECTS = {
    "namespaces": tr("private read-only root (no project, course, home or host /tmp; an installed grader's package "
                     "covered), no network, own PID space, own uid per sandbox (process limit per sandbox), bounded "
                     "scratch space",
                     "읽기 전용 개별 루트 (프로젝트, 강좌, 홈, 호스트의 /tmp 없음; 설치된 채점기 패키지는 가려짐), "
                     "네트워크 없음, 별도 PID 공간, 샌드박스마다 별도 uid (샌드박스마다 프로세스 수 제한), 작업 공간 "
                     "크기 제한"),
    "userns": tr("private read-only root (no project, course, home or host /tmp; an installed grader's package "
                 "covered), no network, own PID space, no capabilities; the process limit is per sandbox on "
                 "Linux >= 5.14, bounded scratch space",
                 "읽기 전용 개별 루트 (프로젝트, 강좌, 홈, 호스트의 /tmp 없음; 설치된 채점기 패키지는 가려짐), "
                 "네트워크 없음, 별도 PID 공간, capability 없음; 프로세스 수 제한은 Linux 5.14 이상에서 샌드박스마다, "
                 "작업 공간 크기 제한"),
    "processes": tr("resource limits and a scrubbed environment only: student code runs as the grader's user and "
                    "can read what it can read (solutions, hidden checks, the secret file, other submissions), "
                    "write what it can write, and reach the network",
                    "자원 제한과 정리된 환경 변수뿐입니다: 학생 코드가 채점기 사용자로 실행되어 그 사용자가 읽을 수 "
                    "있는 것(정답, 숨은 검사, 비밀 파일, 다른 제출물)을 읽고, 쓸 수 있는 것을 쓰고, 네트워크에 "
                    "접속할 수 있습니다"),
}

_NOBODY = 65534
#: Sandbox users of a root grader: one uid per running sandbox (like isolate's boxes,
#: below systemd's dynamic users), so that RLIMIT_NPROC, which counts a uid's processes
#: machine-wide, bounds each sandbox on its own: a fork bomb in one submission cannot use
#: up the process quota of the submissions graded beside it (``--jobs``).
UID_FIRST, UID_COUNT = 60000, 1000
_uid_turn = itertools.count()


@dataclass(frozen=True)
class Limits:
    """Resource bounds for one submission's sandbox (each function's child inherits them)."""

    memory_mb: int = 3072     # address space per process
    cpu_seconds: int = 60     # CPU time per graded function
    call_seconds: float = 60  # wall time per call
    load_seconds: float = 20  # wall time to start and load the submission
    file_seconds: float | None = None  # wall time for the whole file; None: its notebook's (engine.budget)
    scratch_mb: int = 64      # size of the writable folder (namespace levels)
    file_mb: int = 32         # largest file a process may write
    processes: int = 64       # processes (threads included) of one sandbox, see process_quota()
    message_mb: int = 64      # largest message the grader accepts from the worker
    callback_mb: int = 1024   # memory a reference call made for the sandbox may add to the grader
    shared_mb: int = 128      # arrays the grader keeps per function so that they need not cross again (wire.py)
    threads: int = 1          # BLAS threads of the student's code


# -- which level ----------------------------------------------------------------------------

def level() -> str:
    """The level to grade at: ``$AUTOGRADE_ISOLATION`` if set, else the strongest this
    machine offers. GraderError when the level asked for is unknown or not offered."""
    wanted = os.environ.get(ENV_VAR, "").strip()
    if not wanted:
        return strongest()
    if wanted not in LEVELS:
        raise GraderError(tr("{var}={wanted!r} is not an isolation level; use one of {levels}",
                             "{var}={wanted!r}: 그런 격리 수준은 없습니다. 다음 중 하나를 쓰세요: {levels}",
                             var=ENV_VAR, wanted=wanted, levels=", ".join(LEVELS)))
    failure = trial(wanted)
    if failure is not None:
        raise GraderError(tr("{var}={wanted} asks for an isolation level this machine does not offer ({why}); the "
                             "strongest it offers is {strongest} (see `autograde doctor`)",
                             "{var}={wanted}: 이 컴퓨터에서 쓸 수 없는 격리 수준입니다 ({why}). 쓸 수 있는 가장 강한 "
                             "수준: {strongest} (`autograde doctor` 참고)",
                             var=ENV_VAR, wanted=wanted, why=failure, strongest=strongest()))
    return wanted


def strongest() -> str:
    """The strongest level this machine offers (``processes`` works everywhere)."""
    return next(name for name in LEVELS if trial(name) is None)


def offered() -> dict[str, str | None]:
    """Every level, strongest first, with why it is not offered (None when it is)."""
    return {name: trial(name) for name in LEVELS}


@functools.cache
def trial(name: str) -> str | None:
    """Why level ``name`` does not work here, or None: its requirements, then a real
    sandbox of that level started with ``python -c pass`` (once per process)."""
    missing = _requirements_missing(name)
    if missing or name == "processes":
        return missing
    run_dir = Path(tempfile.mkdtemp(prefix="autograde-trial-"))
    try:
        (run_dir / "worker").mkdir()
        os.chmod(run_dir, 0o755)
        os.chmod(run_dir / "worker", 0o755)
        walls = launch(name, run_dir, [sys.executable, "-I", "-c", "pass"], Limits())
        try:
            done = subprocess.run(walls.command, env=walls.env, cwd=walls.cwd, stdin=subprocess.DEVNULL,
                                  capture_output=True, timeout=30,
                                  preexec_fn=lambda: restrict(Limits(), walls.process_quota))
        finally:
            walls.release()
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"starting it failed: {exc}"
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)
    if done.returncode != 0:
        lines = [line.strip() for line in done.stderr.decode(errors="replace").splitlines()
                 if line.strip() and "dmesg(1)" not in line]  # mount's advice, not the reason
        last = lines[-1].replace(str(run_dir / "root"), "<sandbox root>") if lines else f"exit status {done.returncode}"
        return f"a trial sandbox failed: {last[:300]}"
    return None


def _requirements_missing(name: str) -> str | None:
    if name == "processes":
        return None
    if sys.platform != "linux":
        return "needs Linux"
    tools = ["unshare", "chroot", "setpriv", "prlimit", "mount"]
    absent = [tool for tool in tools if not shutil.which(tool, path="/usr/sbin:/usr/bin:/sbin:/bin")]
    if absent:
        return f"needs util-linux and coreutils tools not found here: {', '.join(absent)}"
    if name == "namespaces" and os.geteuid() != 0:
        return f"needs root (the grader runs as uid {os.geteuid()})"
    if name == "userns" and os.geteuid() == 0:
        closed = _closed_to_others(read_only_roots())
        if closed:
            return (f"a root grader runs this level as a sandbox uid, which cannot enter {closed} (on the way to "
                    "the Python folders); the namespaces level is stronger anyway")
    return None


def _closed_to_others(paths: list[str]) -> str | None:
    """The first folder on the way to ``paths`` that users other than its owner cannot enter."""
    for path in paths:
        for folder in [*reversed(Path(path).parents), Path(path)]:
            try:
                if not folder.stat().st_mode & 0o001:
                    return str(folder)
            except OSError:
                return str(folder)
    return None


# -- the walls ---------------------------------------------------------------------------------

def read_only_roots() -> list[str]:
    """System and Python folders the worker needs to see (read-only)."""
    roots = {"/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/etc"}
    for path in [sys.base_prefix, sys.prefix, *site.getsitepackages()]:
        roots.add(os.path.realpath(path))
    present = sorted(p for p in roots if os.path.lexists(p))
    # Keep only the outermost of nested folders.
    return [p for p in present if not any(p != q and p.startswith(q.rstrip("/") + "/") for q in present)]


def hidden_paths(roots: list[str]) -> list[str]:
    """What the grader keeps under the read-only ``roots``, to be covered in the sandbox.

    A pip-installed grader lives in site-packages, which the worker needs for NumPy: its
    package holds the hidden checks (``specs/``, with their ``__pycache__``), and an
    installed copy looks for ``solutions/`` and its reference cache beside it
    (:data:`autograder.project.CHECKOUT`). A project, the cache or the secret file may also
    lie under a root (a checkout in ``/usr/local/src``, a secret in ``/etc``), and so may
    their compiled copies under ``sys.pycache_prefix``. Outermost real paths, folders or files.
    """
    package = Path(__file__).resolve().parents[1]  # autograder/, wherever it was imported from
    places = [package, memo.cache_dir()]
    for base in {project.CHECKOUT, project.root()}:
        places += [base / "autograder", base / "solutions", base / ".autograde"]
    if os.environ.get(secret.FILE_ENV_VAR):
        places.append(Path(os.environ[secret.FILE_ENV_VAR]))
    if sys.pycache_prefix:
        places += [Path(sys.pycache_prefix) / os.path.realpath(p).lstrip("/") for p in places]
    bound = [r.rstrip("/") + "/" for r in roots if not os.path.islink(r)]  # a symlinked root is not bound
    found = {os.path.realpath(p) for p in places if os.path.lexists(p)}
    found = {p for p in found if any((p + "/").startswith(r) for r in bound)}
    return sorted(p for p in found if not any(p != q and p.startswith(q + "/") for q in found))


#: Run by ``/bin/sh`` inside fresh namespaces: build the private root, then drop every
#: privilege (``$BECOME``: setpriv's options) and run the worker. Arguments: root folder,
#: worker folder, scratch size in MB, process quota, then the worker's environment
#: (``K=V``) and command. ``$HIDDEN``: :func:`hidden_paths`, one a line.
NAMESPACE_SCRIPT = r"""
set -e
R="$1"; WORKER="$2"; SCRATCH_MB="$3"; NPROC="$4"; shift 4
mount --make-rprivate /
mount -t tmpfs -o size=8m,mode=0755 sandbox-root "$R"
# A private /tmp first: the Python folders bound below may live under /tmp (a CI checkout).
mkdir -p "$R/tmp"; mount -t tmpfs -o "size=4m,mode=1777,nosuid,nodev" tmp "$R/tmp"
for p in $READ_ONLY; do
  if [ -L "$p" ]; then mkdir -p "$R$(dirname "$p")"; ln -s "$(readlink "$p")" "$R$p"
  else mkdir -p "$R$p"; mount --rbind "$p" "$R$p"; mount -o remount,bind,ro,nosuid "$R$p"; fi
done
# Cover what the grader keeps in there: an empty read-only tmpfs over a folder, /dev/null over a file.
while IFS= read -r p; do
  if [ -z "$p" ]; then continue; fi
  if [ -d "$R$p" ]; then mount -t tmpfs -o ro,size=4k,mode=0555,nosuid,nodev,noexec hidden "$R$p"
  else mount --bind /dev/null "$R$p"; fi
done <<HIDDEN_PATHS
$HIDDEN
HIDDEN_PATHS
mkdir -p "$R/dev" "$R/proc" "$R/box" "$R/worker"
for n in null zero random urandom; do touch "$R/dev/$n"; mount --bind "/dev/$n" "$R/dev/$n"; done
mount -t proc -o nosuid,nodev,noexec proc "$R/proc"
mount -t tmpfs -o "size=${SCRATCH_MB}m,mode=0777,nosuid,nodev" box "$R/box"
mount --bind "$WORKER" "$R/worker"; mount -o remount,bind,ro "$R/worker"
mount -o remount,bind,ro "$R"
exec prlimit --nproc="$NPROC:$NPROC" chroot "$R" /usr/bin/setpriv $BECOME -- /usr/bin/env -i -C /box "$@"
"""

#: setpriv's options that take every capability away (inherited, ambient, bounding set)
#: and forbid gaining any back through set-uid files.
_NO_PRIVILEGES = "--inh-caps=-all --ambient-caps=-all --bounding-set=-all --no-new-privs"


@dataclass
class Walls:
    """How to start a program behind a level's walls: ``subprocess.Popen(command, env=env,
    cwd=cwd, preexec_fn=lambda: restrict(limits, process_quota))``, then :meth:`release`."""

    command: list[str]
    env: dict[str, str]
    cwd: str
    process_quota: int | None = None  # RLIMIT_NPROC to set before exec (processes level)
    uid_lock: int | None = None       # held while the sandbox uid is in use

    def release(self) -> None:
        """Give the sandbox uid back (once the sandbox's processes are gone)."""
        if self.uid_lock is not None:
            os.close(self.uid_lock)
            self.uid_lock = None


def launch(name: str, run_dir: Path, program: list[str], limits: Limits,
           env: dict[str, str] | None = None) -> Walls:
    """Start ``program`` at level ``name``, its environment exactly ``env``.

    ``run_dir`` holds the folder ``worker`` (readable by everyone), which ``program``
    sees as ``/worker`` at the namespace levels; the private root is built in
    ``run_dir/root``, the processes level's scratch folder is ``run_dir/box``. Paths in
    ``program`` are resolved by the caller with :func:`worker_folder`.
    """
    env = worker_env(limits.threads) if env is None else env
    if name == "processes":
        scratch = run_dir / "box"
        scratch.mkdir()
        return Walls(program, env, str(scratch), process_quota=process_quota(name, limits))
    (run_dir / "root").mkdir()
    roots = read_only_roots()
    hidden = hidden_paths(roots)
    if any("\n" in p for p in hidden):  # one a line in the script
        raise GraderError(f"cannot hide a path holding a line break from the sandbox: {hidden!r}")
    setup_env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "READ_ONLY": " ".join(roots), "HIDDEN": "\n".join(hidden)}
    namespaces = ["--net", "--mount", "--pid", "--ipc", "--uts", "--fork", "--kill-child=SIGKILL", "--mount-proc"]
    script = ["--", "/bin/sh", "-c", NAMESPACE_SCRIPT, "sandbox", str(run_dir / "root"), str(run_dir / "worker"),
              str(limits.scratch_mb), str(process_quota(name, limits)), *[f"{k}={v}" for k, v in env.items()],
              *program]
    if name == "namespaces":
        uid, lock = claim_uid()
        setup_env["BECOME"] = f"--reuid={uid} --regid={uid} --clear-groups {_NO_PRIVILEGES}"
        return Walls(["unshare", *namespaces, *script], setup_env, "/", uid_lock=lock)
    setup_env["BECOME"] = _NO_PRIVILEGES
    command = ["unshare", "--user", "--map-root-user", *namespaces, *script]
    if os.geteuid() != 0:
        return Walls(command, setup_env, "/")
    # A root grader's sandbox would be the real root in there (no process limit, root's
    # files readable): the user namespace is made by a sandbox uid instead.
    uid, lock = claim_uid()
    return Walls(["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", *command], setup_env, "/",
                 uid_lock=lock)


def worker_folder(name: str, run_dir: Path) -> str:
    """Where the program started by :func:`launch` finds ``run_dir/worker``."""
    return str(run_dir / "worker") if name == "processes" else "/worker"


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


# -- resource limits ---------------------------------------------------------------------------

_PR_SET_DUMPABLE, _PR_SET_NO_NEW_PRIVS = 4, 38  # prctl(2) options

def process_quota(name: str, limits: Limits) -> int | None:
    """RLIMIT_NPROC for a sandbox at level ``name`` (None: not set).

    The kernel counts a limit against the processes and threads of the sandbox's real
    uid; since Linux 5.14, inside a user namespace, against those of that namespace only.
    So a sandbox with a uid (namespaces) or a user namespace (userns) of its own gets
    :attr:`Limits.processes`. At the processes level the sandbox shares the grader's uid:
    it gets what that uid runs now plus :attr:`Limits.processes`, so a fork bomb stops
    there while the grader, which keeps its own higher limit, can still fork; sandboxes
    graded side by side share that quota. Root is not bounded by RLIMIT_NPROC at all.
    """
    if name == "namespaces" or (name == "userns" and (os.geteuid() == 0 or nproc_per_user_namespace())):
        return limits.processes
    if os.geteuid() == 0:
        return None
    return _tasks_of(os.getuid()) + limits.processes


def nproc_per_user_namespace() -> bool:
    """Does the kernel count RLIMIT_NPROC per user namespace (Linux 5.14 and later)?"""
    found = re.match(r"(\d+)\.(\d+)", os.uname().release)
    return found is not None and (int(found[1]), int(found[2])) >= (5, 14)


def _tasks_of(uid: int) -> int:
    """Processes and threads whose real uid is ``uid``, machine-wide (as RLIMIT_NPROC counts)."""
    count = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/status") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
            if int(fields["Uid"].split()[0]) == uid:
                count += int(fields["Threads"])
        except (OSError, KeyError, ValueError):
            continue  # gone meanwhile
    return count


def restrict(limits: Limits, process_quota: int | None) -> None:
    """Set the resource limits of the calling process, and forbid it and its children to
    gain privileges through set-uid files or file capabilities (run between fork and exec)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    mb = 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_mb * mb,) * 2)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_mb * mb,) * 2)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds * 20,) * 2)
    if process_quota is not None:
        resource.setrlimit(resource.RLIMIT_NPROC, (process_quota,) * 2)


def worker_env(threads: int = 1) -> dict[str, str]:
    """The worker's whole environment (nothing of the grader's, so no secret)."""
    n = str(max(1, threads))
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONHASHSEED": "0",
           "PYTHONDONTWRITEBYTECODE": "1", "OPENBLAS_NUM_THREADS": n, "OMP_NUM_THREADS": n,
           "MKL_NUM_THREADS": n, "MPLBACKEND": "Agg"}
    # Some CPUs need these for correct OpenBLAS results (see the machine notes).
    env.update({k: v for k, v in os.environ.items() if k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")})
    return env


def shield_grader() -> None:
    """Make the grader process non-dumpable: processes of the same uid (student code at
    the processes level) can then neither ptrace it nor read its ``/proc/<pid>/environ``
    or memory, where the instructor secret lives. Kept by fork (the pool workers), reset
    by exec (the sandbox). Without effect where prctl is unavailable."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)
    except (OSError, AttributeError):
        pass

