"""Grading on a Dask cluster: the files of a class graded by the workers of a Dask
scheduler, on as many machines as it has; the gradebook written by this process alone.

``autograde grade|course --scheduler tcp://HOST:8786`` sends each distinct work
(:func:`autograder.batch.same_work`) to the cluster; ``--scheduler local`` starts a cluster
of ``--jobs`` worker processes on this machine. :func:`autograder.batch.grade_many` then
yields the reports in the tasks' order, as it does with a process pool, so a run says and
records the same as one graded here.

What travels to a worker (a :class:`Parcel`): the bytes of the graded file and of the files
it is graded with, under their names and their folders relative to each other (what a
report may say of them), never where they are here; and the :class:`RemoteGrader`: the
limits, the notebooks' names, and a one-way digest of the secret (:func:`autograder.secret.
digest`), never the secret. A worker grades with the secret of its own environment
(``AUTOGRADE_SECRET`` or ``AUTOGRADE_SECRET_FILE``) and refuses to grade when its digest
differs: a grade under another secret would be another grade. So does a worker whose
course project or grader is not the run's (:func:`autograder.project.digest`): another
commit's checks would give other grades.

What stays: a task one of whose files cannot be read as a regular file of its own (a link,
too large, gone) is graded here, where grading reads it first and its report says why.

On a worker, a child process forked from it grades the parcels in its main thread
(:class:`_GradingChild`), where the deadline of the reference calls made for a sandbox
holds, as it does here.

A worker lost mid-run costs nothing: the scheduler gives its tasks to another worker
(Dask's own rescheduling; a task whose workers die ``distributed.scheduler.allowed-failures``
+ 1 times, 4 by default, stops the run with a :class:`GraderError`); each report arrives
once, and only this process records it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import os
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dlcheck.checks import GraderError
from dlcheck.extract import MAX_SUBMISSION_BYTES
from dlcheck.files import NotReadable, read_regular
from dlcheck.results import SubmissionReport

from . import companions as beside_files
from . import project, secret, specs
from .names import safe_name
from .sandbox import isolation

#: ``--scheduler local``: a cluster of worker processes on this machine, started for the run.
LOCAL = "local"
#: How long a run tries to reach the scheduler, then waits for a first worker to join it.
CONNECT_SECONDS, WORKER_WAIT_SECONDS = 10, 60


@dataclass(frozen=True)
class Parcel:
    """One task's files, as a worker rebuilds them in a folder of its own.

    Attributes
    ----------
    notebook : str
        The notebook's name, as the grader knows it.
    path : str
        The graded file, relative to the folder.
    files : tuple of (str, bytes, float)
        Every file: its path relative to the folder, its content and its modification time.
    companions : tuple of (str, str or None), optional
        The files of the notebooks it builds on, by name, relative to the folder (``None``:
        none handed in); ``None``: none given (those it needs are looked for beside it).
    """

    notebook: str
    path: str
    files: tuple[tuple[str, bytes, float], ...]
    companions: tuple[tuple[str, str | None], ...] | None = None


def pack(task: Any, beside: list[Path]) -> Parcel | None:
    """The parcel of ``task`` (a :class:`autograder.batch.Task`), with the files ``beside``
    it that grading would look for there; ``None`` when one of them cannot be read as a
    regular file of its own (the task is then graded here)."""
    given = dict(task.companions) if task.companions is not None else None
    paths = [Path(task.path), *(p for p in (given or {}).values() if p is not None), *beside]
    absolute = [Path(os.path.abspath(p)) for p in paths]
    root = Path(os.path.commonpath([p.parent for p in absolute]))
    try:
        files = tuple(dict.fromkeys((str(p.relative_to(root)), read_regular(p, MAX_SUBMISSION_BYTES),
                                     p.stat().st_mtime) for p in absolute))
    except (NotReadable, OSError):
        return None
    relative = {path: str(p.relative_to(root)) for path, p in zip(paths, absolute, strict=True)}
    return Parcel(task.notebook, relative[Path(task.path)], files,
                  None if given is None else tuple((name, None if p is None else relative[p])
                                                   for name, p in sorted(given.items())))


@dataclass(frozen=True)
class RemoteGrader:
    """Grades a :class:`Parcel` on a worker as ``grader`` (the run's
    :class:`autograder.batch.Grader`, its secret left out) grades a file here, with the
    worker's own secret once its digest is ``secret_digest``, and its own course project
    and grader once their digest is ``project_digest`` (:func:`autograder.project.digest`)."""

    secret_digest: str
    grader: Any
    project_digest: str = ""

    def __call__(self, parcel: Parcel) -> SubmissionReport:
        isolation.shield_grader()  # the secret is in this process: out of the student code's reach
        mine = secret.configured() or secret.DEVELOPMENT_SECRET
        if secret.digest(mine) != self.secret_digest:
            raise GraderError(f"the Dask worker on {os.uname().nodename} (pid {os.getpid()}) has another instructor "
                              f"secret than the run: set {secret.FILE_ENV_VAR} in the environment of `dask worker` "
                              "to a file holding the run's secret")
        if project.digest() != self.project_digest:
            raise GraderError(f"the Dask worker on {os.uname().nodename} (pid {os.getpid()}) has another course project "
                              f"or grader than the run (its project: {project.root()}): start `dask worker` from a "
                              "checkout of the run's commit, with that checkout's virtual environment")
        with _child_lock:
            global _child
            if _child is None:
                _child = _GradingChild()
            try:
                return _child.grade(dataclasses.replace(self.grader, secret=mine), parcel)
            except (EOFError, OSError):
                _child.close()
                _child = None
                raise GraderError(f"the grading process of the Dask worker on {os.uname().nodename} died while "
                                  f"grading a file of {parcel.notebook}") from None


def unpacked(grade: Callable[..., SubmissionReport], parcel: Parcel) -> SubmissionReport:
    """``grade`` (an :class:`autograder.batch.Grader`) of ``parcel``'s files, written in a
    folder of their own for the time it takes."""
    with tempfile.TemporaryDirectory(prefix="autograde-parcel-") as folder:
        for relative, content, mtime in parcel.files:
            path = Path(folder, relative)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            os.utime(path, (mtime, mtime))
        if parcel.companions is None:
            return grade(Path(folder, parcel.path), parcel.notebook)
        return grade(Path(folder, parcel.path), parcel.notebook,
                     {name: None if p is None else Path(folder, p) for name, p in parcel.companions})


class _GradingChild:
    """A child forked from the Dask worker process, which grades the parcels it is sent,
    one at a time, in its main thread, and is kept for the next (with its caches, as a
    process pool's worker is).

    Dask runs a task in a thread of its own, and there a reference call made for a sandbox
    cannot be given its deadline (SIGALRM, :func:`autograder.sandbox.session._deadline_alarm`):
    it would run unbounded, and a file that a local run cuts off would hang the worker. The
    one thread of a forked child is its main thread.
    """

    def __init__(self) -> None:
        here, there = multiprocessing.Pipe()
        self.pid = os.fork()
        if self.pid == 0:
            here.close()
            try:
                _serve(there)
            finally:
                os._exit(0)
        there.close()
        self.connection = here

    def grade(self, grade: Callable[..., SubmissionReport], parcel: Parcel) -> SubmissionReport:
        self.connection.send((grade, parcel))
        ok, outcome = self.connection.recv()
        if not ok:
            raise outcome
        return outcome

    def close(self) -> None:
        self.connection.close()
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


_child: _GradingChild | None = None
_child_lock = threading.Lock()


def _serve(connection: Any) -> None:
    """The child's loop: grade each parcel received, send back the report or what was
    raised, until the worker is gone."""
    isolation.shield_grader()
    while True:
        try:
            grade, parcel = connection.recv()
        except EOFError:
            return
        try:
            outcome: tuple[bool, Any] = (True, unpacked(grade, parcel))
        except Exception as exc:  # noqa: BLE001 - raised again in the worker, as if graded there
            outcome = (False, exc)
        try:
            connection.send(outcome)
        except (BrokenPipeError, ConnectionResetError):
            return
        except Exception:  # noqa: BLE001 - an exception that does not pickle: its text
            connection.send((False, GraderError(f"{type(outcome[1]).__name__}: {outcome[1]}")))


class _Here:
    """A task graded in this process when its report is asked for."""

    def __init__(self, grade: Callable[[], SubmissionReport]) -> None:
        self.grade = grade

    def result(self) -> SubmissionReport:
        return self.grade()

    def cancel(self) -> None:
        pass


class _There:
    """A task graded on the cluster: its report, named after the file here."""

    def __init__(self, future: Any, path: Path) -> None:
        self.future, self.path = future, path

    def result(self) -> SubmissionReport:
        from distributed import KilledWorker

        try:
            report = self.future.result()
        except KilledWorker as exc:
            raise GraderError(f"the Dask workers grading {safe_name(str(self.path))} died while grading it, every "
                              f"time it was given to one ({exc}); what was graded before it is kept") from None
        return dataclasses.replace(report, submission=str(self.path))

    def cancel(self) -> None:
        self.future.cancel()


@dataclass
class Sender:
    """Submits tasks to a Dask ``client`` graded by ``grade_file`` (an
    :class:`autograder.batch.Grader`), as :func:`autograder.batch.grade_many` submits them
    to a pool: ``submit(task)`` returns what has ``result()`` and ``cancel()``."""

    client: Any
    grade_file: Any
    builds_on_others: Callable[[str], bool]
    here: Callable[[Any], SubmissionReport]  # grades a task in this process
    sent: int = 0

    def __post_init__(self) -> None:
        self.remote = RemoteGrader(secret.digest(self.grade_file.secret),
                                   dataclasses.replace(self.grade_file, secret=b""), project.digest())

    def submit(self, task: Any) -> _There | _Here:
        parcel = pack(task, self._beside(task))
        if parcel is None:
            return _Here(lambda: self.here(task))
        # Unique across runs sharing a scheduler; the order and file name for the dashboard.
        key = f"autograde-{self.sent}-{safe_name(Path(task.path).name)}-{uuid.uuid4().hex}"
        self.sent += 1
        return _There(self.client.submit(self.remote, parcel, key=key, pure=False), Path(task.path))

    def _beside(self, task: Any) -> list[Path]:
        """The files grading looks for beside the task's file: the notebooks it builds on,
        when the task names none of them."""
        if task.companions is not None or not self.builds_on_others(task.notebook):
            return []
        spec = specs.get(self.grade_file.ids.get(task.notebook, task.notebook))
        found = (beside_files.beside(Path(task.path), specs.get(c)) for c in spec.companions)
        return [p for p in found if p is not None]


@contextlib.contextmanager
def connected(scheduler: str, jobs: int) -> Iterator[Any]:
    """A Dask client of the scheduler at ``scheduler`` (``tcp://HOST:8786``), once a worker
    has joined it; or, for :data:`LOCAL`, of a cluster of ``jobs`` worker processes here."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise GraderError("--scheduler needs Dask's distributed: pip install 'dl-autograder[dask]'") from None
    with contextlib.ExitStack() as stack:
        if scheduler == LOCAL:
            # Forked from this process, as a process pool's workers are: they start with the
            # grader and the specs loaded (spawned, each imported them for its first file:
            # 0.6 s of a class of 20 on 2 cores).
            stack.enter_context(dask.config.set({"distributed.worker.multiprocessing-method": "fork"}))
            address = stack.enter_context(LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                                       dashboard_address=":0"))
        else:
            address = scheduler
        try:
            client = stack.enter_context(Client(address, timeout=CONNECT_SECONDS))
            client.wait_for_workers(1, timeout=WORKER_WAIT_SECONDS)
        except (OSError, TimeoutError) as exc:
            raise GraderError(f"no Dask scheduler with a worker at {scheduler} ({exc}): start the scheduler "
                              f"(`dask scheduler`) and a worker (`dask worker {scheduler} --nthreads 1`, from the "
                              "course project; see docs/grading.md)") from None
        yield client
