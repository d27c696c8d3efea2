"""Grading one submitted file against one notebook spec.

The whole pipeline, in order (each step may end the file's grading with a reason):

1. **Read** the file (:func:`dlcheck.extract.read_submission`): its top-level imports,
   definitions and constants, with cell and line numbers; no student code runs here.
   A companion notebook the spec names (the student's own step-by-step notebook, which
   the application builds on) is read too, and loaded first: the file the caller paired
   from the student's submission, else the one beside it (:mod:`autograder.companions`).
   Functions the file imports from a classic helper module that gives them
   (:mod:`autograder.given`), and those of a companion that is not there, are the
   reference's in every run, and the report says so, in a note and on each function
   that calls them.
2. **Load** them into a sandbox (:mod:`autograder.sandbox`), with the classic course's
   helper modules (``autograder/helpers``).
3. **Grade each function** in the spec's order, each in a fresh child of the sandbox:

   a. find it under its name or an earlier course name, and check its signature
      (earlier signatures of the course are called the old way); a function the file is
      given by a classic helper module is not graded: its points follow the student's
      own functions once they are all graded (:func:`autograder.given.score`);
   b. run its checks, in order until one fails, while it calls the submission's own
      versions of the other graded functions (except the spec's ``reference_callees``);
   c. if that fails and it calls other graded functions, run its checks again with
      those answered by the reference solution, and let that run decide
      (:func:`decide`): the function's own code decides its points, so one bug costs one
      function. Every check runs again, whatever the first run did: a check never counts
      less because the student's code raised, died or ran out of time in it. Only the
      grader's own failure (its error, the machine) leaves a file ungraded, to be graded
      again; it never leaves a check out.

   A child that dies or hangs costs that function only; a dead sandbox is restarted.
   The file's time budget (:func:`budget`) bounds all of it.

   A *long* check (one that declares its own time, such as training on the real data)
   runs after the function's other checks passed, in a sandbox of its own, in the
   background (:data:`APART` at a time), while the next functions are graded: the week-4
   application's two trainings run side by side. It runs with the callees the other
   checks passed with, and by the same rule (:func:`decide`): when it fails with the
   submission's own callees, it runs again with the reference's, which decides. Its
   verdict completes the function's when it is done.

   Hidden inputs are drawn from a seed of every piece of student code the grading runs
   (the companion notebooks' too), by meaning: comments and spacing change nothing.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from threadpoolctl import threadpool_limits

from dlcheck import signatures, written
from dlcheck.checks import Check, GradedFunction, GraderError, NotebookSpec
from dlcheck.compare import without_hint
from dlcheck.extract import Submission, SubmissionError, fingerprint, read_submission
from dlcheck.results import SubmissionReport, TestResult
from dlcheck.run import noted, result, run_checks
from dlcheck.text import Text, join, tr
from dlcheck.written import Written

from . import companions, given, helpers, names, recognise, specs
from .random_inputs import seeded_runner
from .reference import Reference, imported, reference_for
from .sandbox import isolation
from .sandbox.isolation import Limits
from .sandbox.sandbox import Defined, Sandbox, SandboxError
from .sandbox.session import FunctionSession
from .secret import DEVELOPMENT_SECRET
from .trials import SandboxTrial

TIERS = ("public", "hidden")

#: How many long checks (training on the real data) of one file run at once, each in a
#: sandbox of its own; a 2-core machine trains two models side by side.
APART = 2


def budget(spec: NotebookSpec, limits: Limits) -> float:
    """The wall time one file may take in all: :attr:`Limits.file_seconds` if set, else
    its notebook's own (:attr:`NotebookSpec.seconds`) plus, for each long check, twice the
    time it declares (it may run again with the reference's callees). A hostile file costs
    that at most; an honest one needs a fraction of it."""
    if limits.file_seconds is not None:
        return limits.file_seconds
    return spec.seconds + 2 * sum(c.seconds or 0 for f in spec.functions for c in f.checks)


def grade_submission(path: Path | str, spec: NotebookSpec, *, secret: bytes = DEVELOPMENT_SECRET,
                     limits: Limits = Limits(), tiers: tuple[str, ...] = TIERS,
                     companions: Mapping[str, Path | None] | None = None) -> SubmissionReport:
    """Grade one file. Never raises for a bad submission: the reason lands in
    ``report.error`` with every function at 0. Raises :class:`GraderError` when the
    grader itself cannot work.

    ``companions`` maps a companion notebook's id to the student's file of it that the
    caller found in the student's submission (``None``: the submission has none); a
    companion it does not name is looked for beside ``path``.
    """
    # The grader's own BLAS runs one thread while it grades: its reference calls answer the
    # sandboxes, which run beside it, and idle BLAS threads spinning in the grader took the
    # CPU from them (one warm week-2 grade under load: 267 s with two threads, 104 s with
    # one). `autograde` sets it for its process too (__main__.py); this also holds for the
    # engine used as a library (a test, a course script, Gradescope's runner).
    with threadpool_limits(limits=1):
        return _grade(Path(path), spec, secret, limits, tiers, companions)


def _grade(path: Path, spec: NotebookSpec, secret: bytes, limits: Limits, tiers: tuple[str, ...],
           companions: Mapping[str, Path | None] | None) -> SubmissionReport:
    report = SubmissionReport(submission=str(path), notebook=spec.id, isolation=isolation.level())
    reference = reference_for(spec)
    try:
        submission = read_submission(path)
    except SubmissionError as exc:
        return _not_graded(report, spec, exc.text)
    given_here = given.given_to(spec, specs.declared(spec), submission)
    found = _companions(spec, path, submission, given_here, companions or {})
    report.notes += found.notes + given.note(path.name, given_here, (f.name for f in spec.functions))
    grading = _Grading(spec, reference, submission, found.statements, secret, limits, tiers, report)
    grading.supplied = {**found.supplied, **{name: _imported(module) for name, module in given_here.items()}}
    grading.given = given_here
    try:
        for fn in spec.functions:
            start = time.perf_counter()
            try:
                report.tests.append(grading.grade(fn))
            except SandboxError as exc:
                return _not_graded(report, spec, tr("the sandbox could not start: {why}",
                                                    "샌드박스를 시작하지 못했습니다: {why}", why=str(exc)))
            except (GraderError, KeyboardInterrupt):
                raise
            except Exception as exc:  # noqa: BLE001 - our bug: the file is regraded, never scored on it
                return _internal_error(report, spec, fn, exc)
            report.seconds[fn.name] = time.perf_counter() - start
        for i, fn in enumerate(spec.functions):  # the long checks still running in the background
            if fn.name in grading.apart:
                try:
                    report.tests[i] = grading.apart[fn.name].result()
                except (GraderError, KeyboardInterrupt):
                    raise
                except Exception as exc:  # noqa: BLE001 - as above
                    return _internal_error(report, spec, fn, exc)
    finally:
        grading.close()
    report.tests = given.score(report.tests, {f: m for f, m in given_here.items() if f in grading.graded_given})
    return report


def _internal_error(report: SubmissionReport, spec: NotebookSpec, fn: GradedFunction,
                    exc: Exception) -> SubmissionReport:
    return _not_graded(report, spec, tr(
        "internal grader error while grading {fn} ({kind}: {detail}); not your fault, please report it",
        "{fn} 함수를 채점하는 중 채점기 내부 오류 ({kind}: {detail}). 여러분의 잘못이 아닙니다. 알려 주세요",
        fn=fn.name, kind=type(exc).__name__, detail=str(exc)[:200]))


def needs_retry(first: TestResult, callees: tuple[str, ...]) -> bool:
    """Whether a run with the submission's own ``callees`` must be followed by one with the
    reference's: whenever it failed (a wrong value, a raise, a crash, a time-out alike)
    and the function calls other graded functions, which may be to blame."""
    return not first.passed and bool(callees)


def decide(fn: GradedFunction, first: TestResult, retried: TestResult | None, callees: tuple[str, ...]) -> TestResult:
    """The verdict of one function's checks from its runs: ``first`` with the submission's
    own ``callees``, ``retried`` with the reference's (``None`` when not needed, see
    :func:`needs_retry`). The run with correct callees decides; its pass says what failed
    with the student's own."""
    if retried is None or first.passed:
        return first
    if not retried.passed:
        return retried
    # What failed with the learner's callees is said without its hint: the hint is about
    # this function's own code, which the run with correct callees has just shown right.
    message = noted(retried.message, tr(
        "graded with correct versions of {callees}; with your own, it failed: {own} What differs comes from "
        "{callees} (or what they call), not from {fn} itself: see their messages.",
        "{callees}의 올바른 버전으로 채점했습니다. 여러분의 버전으로는 실패했습니다: {own} 이 차이는 {fn} 자체가 "
        "아니라 {callees}(또는 그 함수들이 부르는 함수)에서 생깁니다. 해당 함수의 메시지를 보세요.",
        callees=", ".join(callees), fn=fn.name, own=_full_stop(without_hint(first.message))))
    return dataclasses.replace(result(fn, True, message), curves=retried.curves, said=retried.said)


def _full_stop(text: Text) -> Text:
    """``text`` ending in a full stop, in each language."""
    return Text(*(t if t.rstrip().endswith(".") else t.rstrip() + "." for t in (text.en, text.ko)))


def is_classic(spec: NotebookSpec, reference: Reference, statements: list[tuple[str, str]]) -> bool:
    """Whether a submission is the classic course's own notebook rather than this course's:
    it imports a helper module of the notebook (``testCases``, ``public_tests``) that this
    course's notebook does not import. Its content decides, not its file name: a renamed
    copy is still what it is, and a file keeps a classic name in a class of either kind."""
    own = set(spec.helpers) - reference.modules
    return bool(own & imported(statements))


def _and_then(first: Text, then: Text) -> Text:
    """A verdict completed by checks run later: "...; and 1 check(s) passed: ...", or, after
    a message ending in a sentence of its own (a note), "... And 1 check(s) passed: ..."."""
    def joined(text: str, after: str, sentence: str, said: str) -> str:
        return f"{text} {sentence} {said}" if text.rstrip().endswith(".") else f"{text}{after} {said}"
    return Text(joined(first.en, "; and", "And", then.en), joined(first.ko, "; 그리고", "그리고", then.ko))


def _not_graded(report: SubmissionReport, spec: NotebookSpec, reason: Text) -> SubmissionReport:
    report.error = reason
    report.tests = [result(f, False, tr("not graded: {why}", "채점하지 못함: {why}", why=reason))
                    for f in spec.functions]
    return report


@dataclass
class _Companions:
    """What the grading of one file takes from its companion notebooks.

    Attributes
    ----------
    statements : list of (filename, source)
        The kept statements of the companion files found, loaded before the file's own.
    notes : list of Text
        For the report: which file was used for each companion, or why none was.
    supplied : dict of str to Text
        Each companion function the reference answers in every run (its notebook is not
        there, or could not be read), with why, for the message of a function calling it.
    """

    statements: list[tuple[str, str]] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)
    supplied: dict[str, Text] = field(default_factory=dict)


def _companions(spec: NotebookSpec, path: Path, submission: Submission, given_here: dict[str, str],
                paired: Mapping[str, Path | None]) -> _Companions:
    """The companion notebooks of ``spec`` for the file at ``path``: the file ``paired``
    names for a companion, else the one beside ``path``; none for a companion whose every
    function the file is given by a classic helper module."""
    out = _Companions()
    own = recognise.defined(submission)
    for companion in map(specs.get, spec.companions):
        functions = [f for f in companion.declared if f.name not in given_here and not set(f.names) & own]
        if not functions:
            continue
        where = tr("in your submission", "제출물에서") if companion.id in paired else \
            tr("beside {file}", "{file} 옆에서", file=path.name)
        file = paired[companion.id] if companion.id in paired else companions.beside(path, companion)
        stem = companion.stem
        if file is None:
            why = tr("no {stem} notebook of yours was found {where}", "{where} 여러분의 {stem} 노트북을 찾지 못했습니다",
                     stem=stem, where=where)
            out.notes.append(tr(
                "{file} was graded with the grader's own versions of the {stem} functions, because {why} (looked "
                "for {patterns}, or a notebook defining most of its graded functions). Hand it in with {file} so "
                "that your own functions are used; they are graded in their own notebook.",
                "{why} (찾아본 파일: {patterns}, 또는 그 채점 함수를 절반 이상 정의한 노트북). 그래서 {file} 파일은 "
                "채점기가 가진 {stem} 함수로 채점했습니다. 여러분의 함수가 쓰이도록 {file} 파일과 함께 제출하세요. "
                "그 함수들은 그 노트북에서 따로 채점합니다.",
                file=path.name, stem=stem, why=why, patterns=", ".join(names.file_patterns(companion))))
        else:
            name = companions.shown(file, path)
            try:
                out.statements += read_submission(file, prefix=f"{stem} cell").statements
            except SubmissionError as exc:
                why = tr("{name}, your {stem} notebook, could not be read ({why})",
                         "여러분의 {stem} 노트북인 {name} 파일을 읽을 수 없습니다 ({why})", name=name, stem=stem, why=exc.text)
                out.notes.append(tr("{file} was graded with the grader's own versions of the {stem} functions: {why}.",
                                    "{file} 파일은 채점기가 가진 {stem} 함수로 채점했습니다: {why}.",
                                    file=path.name, stem=stem, why=why))
            else:
                out.notes.append(tr(
                    "{file} was graded with your {stem} functions, from {name}; where one of them fails, the "
                    "grader's correct version is used instead, and the function's message says so.",
                    "{file} 파일은 {name}에 있는 여러분의 {stem} 함수로 채점했습니다. 그중 틀린 함수가 있으면 대신 "
                    "채점기의 올바른 버전을 쓰고, 해당 함수의 메시지에서 알려 줍니다.", file=path.name, stem=stem, name=name))
                continue
        out.supplied.update({f.name: why for f in functions})
    return out


def _imported(module: str) -> Text:
    return tr("your notebook imports them from {module}, the classic course's helper module",
              "노트북이 클래식 코스의 도우미 모듈 {module}에서 가져오는 함수입니다", module=module)


@dataclass
class _Found:
    """How a graded function is found in the submission."""

    name: str              # the name it is defined under
    defined: Defined
    adapt: Callable[[tuple, dict], tuple[tuple, dict]] | None = None
    notes: list[Text] = field(default_factory=list)  # said with the verdict: which name or signature was graded
    written: Written | None = None  # its source, read (for the words of a failure)
    said: frozenset = frozenset()  # keys of the notes its verdict says already (checks run apart say them once)

    @property
    def note(self) -> Text | None:
        return join(self.notes, " ") if self.notes else None


class _Grading:
    """The state of one file's grading: its sandbox, restarted when it dies, and its budget."""

    def __init__(self, spec: NotebookSpec, reference: Reference, submission: Submission,
                 companions: list[tuple[str, str]], secret: bytes, limits: Limits, tiers: tuple[str, ...],
                 report: SubmissionReport):
        self.spec, self.reference, self.submission = spec, reference, submission
        self.declared = specs.declared(spec)  # with the companions' functions, which this notebook calls
        self.statements = companions + submission.statements
        self.fingerprint = fingerprint(self.statements)  # every piece of student code the grading runs
        self.classic = is_classic(spec, reference, submission.statements)
        self.secret, self.limits, self.tiers, self.report = secret, limits, tiers, report
        self.seconds = budget(spec, limits)
        self.deadline = time.monotonic() + self.seconds
        #: callees the reference answers in every run, with why (given by a helper module, or
        #: their companion notebook is not there); set by grade_submission
        self.supplied: dict[str, Text] = {}
        self.given: dict[str, str] = {}  # function -> the classic helper module that gives it
        self.graded_given: set[str] = set()  # given functions this notebook grades (scored at the end)
        self.sandbox: Sandbox | None = None
        self.served = 0  # children the running sandbox has started
        self.apart: dict[str, Future] = {}  # function -> its final verdict, once its long checks ran apart
        self._pool: ThreadPoolExecutor | None = None
        self._apart_sandboxes: set[Sandbox] = set()

    def close(self) -> None:
        if self.sandbox is not None:
            self.sandbox.close()
            self.sandbox = None
        for sandbox in list(self._apart_sandboxes):  # an interrupted run: their calls end with them
            sandbox.close()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _new_sandbox(self) -> Sandbox:
        return Sandbox(self.statements, helpers.sources(specs.helpers(self.spec)), self.limits)

    def _running_sandbox(self) -> Sandbox:
        if self.sandbox is None or not self.sandbox.alive:
            if self.sandbox is not None:
                self.sandbox.close()
            start = time.perf_counter()
            sandbox = self._new_sandbox()
            sandbox.start()
            self.sandbox, self.served = sandbox, 0
            self.report.seconds["start sandbox"] = self.report.seconds.get("start sandbox", 0.0) \
                + time.perf_counter() - start
        return self.sandbox

    def _open(self, sandbox: Sandbox, function: str, callbacks: dict[str, Callable[..., Any]],
              cpu_seconds: float) -> FunctionSession:
        """A child of ``sandbox`` for ``function``. When that is the running sandbox, a worker
        that served earlier functions and no longer answers (one of them killed it on its
        way out) is started afresh once, so the next function does not pay for it."""
        if sandbox is not self.sandbox:  # a sandbox of its own, for long checks run apart
            return sandbox.open(function, callbacks, cpu_seconds=cpu_seconds)
        served = self.served
        try:
            session = sandbox.open(function, callbacks, cpu_seconds=cpu_seconds)
        except SandboxError:
            if not served:
                raise
            session = self._running_sandbox().open(function, callbacks, cpu_seconds=cpu_seconds)
        self.served += 1
        return session

    # -- step 3 --------------------------------------------------------------------------
    def grade(self, fn: GradedFunction) -> TestResult:
        if time.monotonic() >= self.deadline:
            return result(fn, False, tr("not graded: the file used up its time budget of {s:g} s before {fn}",
                                        "채점하지 못함: {fn} 전에 파일의 시간 예산 {s:g}초를 다 썼습니다",
                                        s=self.seconds, fn=fn.name))
        if fn.name in self.given:
            self.graded_given.add(fn.name)
            return given.placeholder(fn, self.given[fn.name])
        found = self._find(fn, self._running_sandbox().functions)
        if isinstance(found, TestResult):
            return found
        checks = [c for c in fn.checks if c.tier in self.tiers]
        long = [c for c in checks if c.seconds]
        callees = self._callees(fn, found)
        verdict, answered = self._decided(fn, found, [c for c in checks if c not in long], callees)
        if verdict.passed and long:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=APART, thread_name_prefix="long-check")
            self.apart[fn.name] = self._pool.submit(self._run_apart, fn, found, long, verdict, answered)
        return self._said(fn, found, verdict)  # with long checks, for now: the final verdict comes with them

    def _always(self, fn: GradedFunction) -> tuple[str, ...]:
        """Callees the reference answers in every run of ``fn``: its spec's, then those
        supplied for the whole file."""
        return (*fn.reference_callees, *(n for n in self.supplied if n != fn.name and n not in fn.reference_callees))

    def _said(self, fn: GradedFunction, found: _Found, verdict: TestResult) -> TestResult:
        """``verdict`` whose message begins by saying which callees ``fn`` calls were the
        grader's in every run, and why."""
        calls = set(self.reference.calls.get(fn.name, ())) | {
            g.name for g in self.declared if set(g.names) & found.defined.names}
        why: dict[Text, list[str]] = {}
        for name, reason in self.supplied.items():
            if name in calls and name != fn.name:
                why.setdefault(reason, []).append(name)
        if not why:
            return verdict
        said = join([tr("Graded with the grader's {callees} ({why}).", "채점기의 {callees} 함수로 채점했습니다 ({why}).",
                        callees=", ".join(names_), why=reason) for reason, names_ in why.items()], " ")
        return dataclasses.replace(verdict, message=said + tr(" ", " ") + verdict.message)

    def _decided(self, fn: GradedFunction, found: _Found, checks: list[Check], callees: tuple[str, ...],
                 sandbox: Sandbox | None = None) -> tuple[TestResult, tuple[str, ...]]:
        """The verdict of ``checks`` by :func:`decide`, and the callees the reference
        answered in the run that decided it. A first run that may be followed by another
        gets half of the time left, so a slow but correct callee that runs it out of time
        leaves the run with the reference's callees the time to decide."""
        left = self.deadline - time.monotonic()
        always = self._always(fn)
        first = self._run(fn, found, checks, always, sandbox,
                          deadline=self.deadline - left / 2 if callees else self.deadline)
        if not needs_retry(first, callees):
            return first, always
        answered = (*always, *callees)
        retried = self._run(fn, found, checks, answered, sandbox)
        return decide(fn, first, retried, callees), answered

    def _find(self, fn: GradedFunction, functions: dict[str, Defined]) -> _Found | TestResult:
        name = next((n for n in fn.names if n in functions), None)
        params = list(self.reference.params[fn.name])
        if name is None:
            detail = fn.missing
            if self.submission.syntax_errors:
                cell, error = next(iter(self.submission.syntax_errors.items()))
                detail = tr("{cell} has a syntax error at {error}; fix it so the definition is read",
                            "{cell}의 {error}에 문법 오류가 있습니다. 정의를 읽을 수 있도록 고치세요",
                            cell=cell.strip("<>"), error=error)
            return result(fn, False, written.not_defined(fn.name, params, detail))
        found = _Found(name, functions[name], written=written.in_statements(self.statements, name))
        if name != fn.name:
            found.notes.append(tr("graded {alias}, the course's earlier name for {fn}.",
                                  "{fn}의 예전 이름인 {alias} 함수를 채점했습니다.", alias=name, fn=fn.name))
        how = signatures.calling(fn, name, found.defined.params, params)
        if isinstance(how, Text):
            return result(fn, False, how)
        found.adapt = how.adapt
        if how.note is not None:
            found.notes.append(how.note)
        return found

    def _earlier_results(self, callee: GradedFunction) -> int | None:
        """How many results the notebook's own ``callee`` returns, when that is one of the
        course's earlier counts (``callee.earlier_results``): the reference answering for it
        returns as many, so the code that unpacks them runs (one mistake, one function)."""
        if not callee.earlier_results:
            return None
        own = next((w for w in (written.in_statements(self.statements, n) for n in callee.names) if w), None)
        return own.returns_tuple_of if own is not None and own.returns_tuple_of in callee.earlier_results else None

    def _callees(self, fn: GradedFunction, found: _Found) -> tuple[str, ...]:
        """Graded functions ``fn`` calls, in the reference or in the student's own code."""
        named = set(self.reference.calls.get(fn.name, ()))
        named |= {g.name for g in self.declared if set(g.names) & found.defined.names}
        return tuple(g.name for g in self.declared
                     if g.name in named and g.name != fn.name and g.name not in self._always(fn))

    def _run_apart(self, fn: GradedFunction, found: _Found, checks: list[Check], passed: TestResult,
                   answered: tuple[str, ...]) -> TestResult:
        """Run the long ``checks`` in a sandbox of their own, with the callees answered as
        in the run that ``passed`` the other checks (the submission's own first, when that
        one did); the function's final verdict."""
        start = time.perf_counter()
        sandbox = self._new_sandbox()
        self._apart_sandboxes.add(sandbox)
        # The verdict so far already says what was accepted (an earlier name or signature, its notes).
        found = dataclasses.replace(found, notes=[], said=passed.said)
        try:
            sandbox.start()
            if answered == self._always(fn):
                verdict, _ = self._decided(fn, found, checks, self._callees(fn, found), sandbox)
            else:
                verdict = self._run(fn, found, checks, answered, sandbox)
        except SandboxError as exc:
            verdict = result(fn, False, tr("{fn} could not be run: {why}", "{fn} 함수를 실행할 수 없습니다: {why}",
                                           fn=fn.name, why=str(exc)))
        finally:
            sandbox.close()
            self._apart_sandboxes.discard(sandbox)
            self.report.seconds[f"{fn.name}, apart"] = time.perf_counter() - start
        if not verdict.passed:
            return self._said(fn, found, verdict)
        return self._said(fn, found, dataclasses.replace(verdict, message=_and_then(passed.message, verdict.message)))

    def _run(self, fn: GradedFunction, found: _Found, checks: list[Check], answered_by_reference: tuple[str, ...],
             sandbox: Sandbox | None = None, deadline: float | None = None) -> TestResult:
        """Run ``checks`` in a fresh child of ``sandbox`` (default: the file's) where
        ``answered_by_reference`` are the reference's, by ``deadline`` (default: the file's)."""
        if sandbox is not None and not sandbox.alive:  # one of its own, closed after a run that died
            sandbox.close()
            sandbox.start()
        verdict, trial = self._verdict(sandbox or self._running_sandbox(), fn, found, checks, answered_by_reference,
                                       deadline or self.deadline)
        if trial is not None and trial.died:  # whatever it left running goes; the next run gets a fresh sandbox
            if sandbox is None:
                self.close_sandbox()
            else:
                sandbox.close()
        return verdict

    def close_sandbox(self) -> None:
        if self.sandbox is not None:
            self.sandbox.close()
            self.sandbox = None

    def _verdict(self, sandbox: Sandbox, fn: GradedFunction, found: _Found, checks: list,
                 answered_by_reference: tuple[str, ...], deadline: float) -> tuple[TestResult, SandboxTrial | None]:
        """Run ``checks`` in a fresh child of ``sandbox``; the verdict and the trial (None
        when the child could not start)."""
        callbacks: dict[str, Callable[..., Any]] = {}
        for name in answered_by_reference:
            callee = next(g for g in self.declared if name in g.names)
            for alias in callee.names:
                callbacks[alias] = self.reference.for_callback(callee, self._earlier_results(callee))
        try:
            # A check that declares its own time (training on real data) adds it to the child's CPU time.
            session = self._open(sandbox, found.name, callbacks,
                                 cpu_seconds=self.limits.cpu_seconds + sum(c.seconds or 0 for c in checks))
        except SandboxError as exc:
            return result(fn, False, tr("{fn} could not be run: {why}", "{fn} 함수를 실행할 수 없습니다: {why}",
                                        fn=fn.name, why=str(exc))), None
        with session:
            trial = SandboxTrial(session, fn, self.reference, self.submission, call_seconds=self.limits.call_seconds,
                                 deadline=deadline, adapt=found.adapt, params=found.defined.params, classic=self.classic)
            verdict = run_checks(fn, trial, checks, on_pass=found.note,
                                 random_inputs=seeded_runner(self.secret, self.spec.id, fn.name, self.fingerprint),
                                 written=found.written, stub=self.reference.stubs.get(fn.name), said=found.said)
        if not verdict.passed and found.note is not None:
            verdict = result(fn, False, noted(verdict.message, found.note))
        return verdict, trial

