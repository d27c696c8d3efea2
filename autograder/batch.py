"""Grading many files: several at a time, and the same graded code once.

Both ``autograde grade FILES`` and ``autograde course`` hand their files here as
:class:`Task` s. Two things make a class cheaper than its files one by one:

- **jobs**: up to ``jobs`` files are graded at the same time, each in a worker process
  of its own (its sandboxes are its own too); the reports come back in the tasks' order,
  so whoever records them (the course's gradebook) is one process, and a run says the
  same lines in the same order whatever the number of jobs; or on the workers of a Dask
  cluster, on other machines too (``scheduler``, :mod:`autograder.cluster`), the same way;
- **the same work once**: files whose grading is bound to be the same are graded once,
  and each gets a copy of that report under its own name. Grading reads of a file its
  code's meaning (:meth:`dlcheck.extract.Submission.fingerprint`, which also seeds its
  hidden inputs), its name (notes name it) and the notebooks it is graded with, and
  nothing else; so files equal in these (:func:`same_work`) get the same report. A file
  whose companions are looked for beside it, or that cannot be read, is graded alone.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from dlcheck.extract import SubmissionError, read_submission
from dlcheck.results import SubmissionReport

from . import specs
from .engine import grade_submission
from .sandbox.isolation import Limits


@dataclass(frozen=True)
class Task:
    """One file to grade as a notebook.

    Attributes
    ----------
    path : Path
        The file.
    notebook : str
        What the grading callable knows the notebook by (its id, or a course's name for it).
    companions : dict of str to Path or None, optional
        The files of the notebooks it builds on, by name (``None``: none handed in);
        ``None``: none given (a notebook that builds on none, or looked for beside it).
    """

    path: Path
    notebook: str
    companions: Mapping[str, Path | None] | None = None


GradeFile = Callable[..., SubmissionReport]


@dataclass(frozen=True)
class Grader:
    """Grades one file as a notebook, given by its id or by a name of ``ids`` (a course's
    names for its notebooks), with the student's files of the notebooks it builds on, by
    the same names. Picklable, so worker processes can run it."""

    secret: bytes
    limits: Limits = Limits()
    ids: Mapping[str, str] = dataclasses.field(default_factory=dict)

    def __call__(self, path: Path, notebook: str,
                 companions: Mapping[str, Path | None] | None = None) -> SubmissionReport:
        paired = None if companions is None else {self.ids.get(c, c): p for c, p in companions.items()}
        return grade_submission(path, specs.get(self.ids.get(notebook, notebook)), secret=self.secret,
                                limits=self.limits, companions=paired)


def same_work(task: Task, builds_on_others: bool) -> str | None:
    """A key equal for two tasks exactly when their grading reads the same: the notebook,
    the file's name, its code's fingerprint and its companions' (by name); ``None`` when
    the task is to be graded alone (unreadable, or companions to be looked for beside it)."""
    if builds_on_others and task.companions is None:
        return None
    try:
        parts = [task.notebook, task.path.name, read_submission(task.path).fingerprint()]
        for name, path in sorted((task.companions or {}).items()):
            parts += [name, "-" if path is None else path.name + ":" + read_submission(path).fingerprint()]
    except SubmissionError:
        return None
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _call(grade_file: GradeFile, task: Task) -> SubmissionReport:
    if task.companions is None:
        return grade_file(task.path, task.notebook)
    return grade_file(task.path, task.notebook, task.companions)


def _as_for(report: SubmissionReport, task: Task) -> SubmissionReport:
    """The report of a file graded once, given to another file of the same work (its own
    lists: a caller adding a note to one adds it to that one only)."""
    return dataclasses.replace(report, submission=str(task.path), tests=list(report.tests), notes=list(report.notes),
                               seconds={})


def _kept(report: SubmissionReport) -> SubmissionReport:
    """What the files of the same work are given later: the report as graded, whatever
    the caller does to the one it receives."""
    return dataclasses.replace(report, tests=list(report.tests), notes=list(report.notes))


def grade_many(tasks: list[Task], grade_file: GradeFile, jobs: int = 1,
               builds_on_others: Callable[[str], bool] = lambda notebook: False,
               scheduler: str | None = None) -> Iterator[tuple[SubmissionReport, int | None]]:
    """Grade ``tasks``, ``jobs`` at a time, each distinct work once; yield, in the tasks'
    order, each task's report and, for a task that took another's report, that task's
    index (else ``None``).

    ``grade_file(path, notebook[, companions])`` grades one file; with ``jobs > 1`` it runs
    in worker processes and must be picklable (a module-level function or a dataclass).
    ``builds_on_others(notebook)``: whether the notebook is graded with companions.
    ``scheduler``: the address of a Dask scheduler whose workers grade the files (or
    ``"local"``: a cluster of ``jobs`` worker processes here); ``grade_file`` is then a
    :class:`Grader` (:mod:`autograder.cluster`).
    """
    with started(tasks, grade_file, jobs, builds_on_others, scheduler) as graded:
        yield from graded


@contextlib.contextmanager
def started(tasks: list[Task], grade_file: GradeFile, jobs: int = 1,
            builds_on_others: Callable[[str], bool] = lambda notebook: False,
            scheduler: str | None = None) -> Iterator[Iterator[tuple[SubmissionReport, int | None]]]:
    """:func:`grade_many`, with the grading started on entering (the workers at work while
    the caller does something else; with one job, each file is graded as it is asked for);
    leaving cancels the files not started yet."""
    first: dict[str, int] = {}
    took: list[int | None] = []
    for i, task in enumerate(tasks):
        key = same_work(task, builds_on_others(task.notebook))
        took.append(first.get(key) if key is not None else None)
        if key is not None:
            first.setdefault(key, i)
    own = [i for i, t in enumerate(took) if t is None]
    with _workers(grade_file, jobs, len(own), builds_on_others, scheduler) as submit:
        futures = {i: submit(tasks[i]) for i in own} if submit else {}
        try:
            yield _in_order(tasks, took, futures, grade_file if not submit else None)
        finally:  # an interrupted run: the files not started yet are not graded
            for future in futures.values():
                future.cancel()


def _in_order(tasks: list[Task], took: list[int | None], futures: dict[int, Future[SubmissionReport]],
              grade_here: GradeFile | None) -> Iterator[tuple[SubmissionReport, int | None]]:
    reports: dict[int, SubmissionReport] = {}
    for i, task in enumerate(tasks):
        if took[i] is not None:
            yield _as_for(reports[took[i]], task), took[i]
            continue
        report = futures.pop(i).result() if grade_here is None else _call(grade_here, task)
        reports[i] = _kept(report)
        yield report, None


Submit = Callable[[Task], "Future[SubmissionReport]"]


@contextlib.contextmanager
def _workers(grade_file: GradeFile, jobs: int, distinct: int, builds_on_others: Callable[[str], bool],
             scheduler: str | None) -> Iterator[Submit | None]:
    """Where the ``distinct`` works are graded: ``submit(task)`` returns what has
    ``result()`` and ``cancel()``; ``None``: here, one after the other."""
    if scheduler is not None and distinct:
        from . import cluster  # Dask is imported only for a run that asks for it

        with cluster.connected(scheduler, jobs) as client:
            yield cluster.Sender(client, grade_file, builds_on_others, functools.partial(_call, grade_file)).submit
    elif jobs > 1 and distinct > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, distinct)) as pool:
            yield lambda task: pool.submit(_call, grade_file, task)
    else:
        yield None
