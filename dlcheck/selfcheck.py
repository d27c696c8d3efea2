"""The student's side: the public checks, with the grader's own messages.

* In the notebook: ``check = checker("week2/logistic_regression")`` once, then
  ``check(propagate)`` after each function. It runs in the student's kernel, on their
  own code; a failing check raises AssertionError, so the cell shows as failed.
* From a shell: ``pytest week2`` (``pytest assignments/week2`` in the project) reads each
  notebook of the folder the way the grader does (functions, not cells), runs the kept
  code in this process (it is the student's own) and reports the public checks.

Nothing here needs more than NumPy: no sandbox, no gradebook, no POSIX-only module, so it
runs wherever the learner's Python does (Windows, macOS, Linux).
"""

from __future__ import annotations

import builtins
import contextlib
import linecache
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from . import editions, exercises, signatures, written
from .checks import GradedFunction
from .extract import SubmissionError, read_submission
from .results import SubmissionReport, TestResult
from .run import KernelTrial, noted, result, run_checks
from .text import Text, set_language, tr
from .written import Written


def check_function(exercise: exercises.Exercise, fn: Callable[..., Any], *, name: str | None = None,
                   namespace: dict[str, Any] | None = None, source: Written | None = None) -> TestResult:
    """Run the public checks of ``fn`` (named as in the notebook, or ``name``).

    When it fails and it calls other graded functions of the notebook (found in
    ``namespace``, default ``fn``'s globals) that fail their own checks, the message says
    so: the grader grades each function with correct versions of the others, so the
    callees, not this function, are what to fix first. ``source`` is ``fn`` as written
    (default: read from its source, as a notebook's kernel keeps it).
    """
    graded = exercise.spec.function(name or fn.__name__)
    current = exercise.params.get(graded.name)
    how = signatures.calling(graded, fn.__name__, signatures.parameters(fn), list(current)) if current \
        else signatures.Calling()
    if isinstance(how, Text):
        return result(graded, False, how)
    verdict = run_checks(graded, KernelTrial(graded.name, fn, exercise.expected, adapt=how.adapt), on_pass=how.note,
                         written=source or written.of_function(fn), stub=exercise.stubs.get(graded.name))
    if verdict.passed:
        return verdict
    if how.note is not None:
        verdict = result(graded, False, noted(verdict.message, how.note))
    namespace = getattr(fn, "__globals__", {}) if namespace is None else namespace
    failing = []
    for callee in exercise.calls.get(graded.name, []):
        owner = _owner(exercise, callee)
        other = _defined(owner.spec.function(callee), namespace) if owner else None
        if other is not None and not run_checks(owner.spec.function(callee),
                                                KernelTrial(callee, other, owner.expected)).passed:
            failing.append(callee)
    if not failing:
        return verdict
    return result(graded, False, noted(verdict.message, callees_note(graded.name, failing)))


def callees_note(fn: str, callees: list[str]) -> Text:
    """Why a function may fail only because of the learner's own callees, in the grader's
    words (it grades ``fn`` with correct versions of them)."""
    names = ", ".join(callees)
    if len(callees) == 1:
        return tr("{fn} calls your {callee}, which fails its own checks; fix {callee} first "
                  "(the grader grades {fn} with a correct version of {callee}).",
                  "{fn} 함수는 여러분의 {callee} 함수를 호출하는데, {callee} 함수가 자신의 검사를 통과하지 못합니다. "
                  "{callee}부터 고치세요 (채점기는 {callee}의 올바른 버전으로 {fn} 함수를 채점합니다).",
                  fn=fn, callee=names)
    return tr("{fn} calls your {callees}, which fail their own checks; fix them first "
              "(the grader grades {fn} with correct versions of {callees}).",
              "{fn} 함수는 여러분의 {callees} 함수를 호출하는데, 이 함수들이 자신의 검사를 통과하지 못합니다. "
              "이 함수들부터 고치세요 (채점기는 {callees}의 올바른 버전으로 {fn} 함수를 채점합니다).",
              fn=fn, callees=names)


def _owner(exercise: exercises.Exercise, name: str) -> exercises.Exercise | None:
    """The exercise grading ``name``: this one, or a companion notebook's (the week-4
    application calls the step-by-step functions)."""
    for candidate in (exercise, *(exercises.load(c) for c in exercise.spec.companions)):
        if any(name in f.names for f in candidate.spec.functions):
            return candidate
    return None


def _defined(fn: GradedFunction, namespace: dict[str, Any]) -> Callable[..., Any] | None:
    for name in fn.names:
        if callable(namespace.get(name)):
            return namespace[name]
    return None


def checker(notebook_id: str, lang: str | None = None) -> Callable[[Callable[..., Any]], None]:
    """``check(fn)`` for a notebook: prints what passed, or raises AssertionError with the
    grader's message. ``lang`` ("ko" or "en") chooses the language of the messages."""
    if lang is not None:
        set_language(lang)
    exercise = exercises.load(notebook_id)

    def check(fn: Callable[..., Any]) -> None:
        verdict = check_function(exercise, fn)
        if not verdict.passed:
            raise AssertionError(str(verdict.message))
        print(tr("PASSED {fn}: {what}. The grader also runs hidden checks on random inputs.",
                 "통과 {fn}: {what}. 채점기는 무작위 입력으로 숨은 검사도 실행합니다.",
                 fn=fn.__name__, what=verdict.message))

    return check


def grade_notebook(path: Path, notebook_id: str) -> SubmissionReport:
    """The public checks of every graded function defined in a notebook (or .py) file,
    run here on the file's kept code, as the grader reads it."""
    exercise = exercises.load(notebook_id)
    report = SubmissionReport(submission=str(path), notebook=notebook_id)
    try:
        submission = read_submission(Path(path), own=False)
    except SubmissionError as exc:
        report.error = exc.text
        report.tests = [result(f, False, tr("not graded: {why}", "채점하지 못함: {why}", why=exc.text))
                        for f in exercise.spec.functions]
        return report
    namespace = _run_kept_code(submission.statements, Path(path).resolve().parent)
    with _lines_of(submission.cells):
        for graded in exercise.spec.functions:
            fn = _defined(graded, namespace)
            if fn is None:
                report.tests.append(result(graded, False, written.not_defined(graded.name, exercise.params.get(graded.name, []))))
            else:
                report.tests.append(check_function(exercise, fn, name=graded.name, namespace=namespace,
                                                   source=written.in_statements(submission.statements, fn.__name__)))
    return report


@contextlib.contextmanager
def _lines_of(cells: dict[str, str]) -> Iterator[None]:
    """The cells' sources where tracebacks look lines up (``<cell N>`` is no file), so that a
    message quotes the line that raised, as the grader's does."""
    entries = {name: (len(source), None, source.splitlines(True), name) for name, source in cells.items()}
    linecache.cache.update(entries)
    try:
        yield
    finally:
        for name, entry in entries.items():
            if linecache.cache.get(name) is entry:
                del linecache.cache[name]


def _run_kept_code(statements: list[tuple[str, str]], folder: Path) -> dict[str, Any]:
    """Run the kept statements one by one (a failing one is skipped, as in the grader),
    with the notebook's folder importable for its helper modules.

    Those modules are imported afresh from the folder, and forgotten afterwards, so that
    two weeks' helpers of the same name (checked in one pytest run) never mix.
    """
    namespace: dict[str, Any] = {"__name__": "__notebook__", "__builtins__": builtins}
    helpers = {path.stem for path in folder.glob("*.py") if path.stem != "conftest" and not path.stem.startswith("test_")}
    for name in helpers:
        sys.modules.pop(name, None)
    sys.path.insert(0, str(folder))
    try:
        for filename, source in statements:
            try:
                exec(compile(source, filename, "exec"), namespace)
            except Exception:  # noqa: BLE001 - a failing top-level line costs nothing, as in the grader
                continue
    finally:
        sys.path.remove(str(folder))
        for name in helpers:
            sys.modules.pop(name, None)
    return namespace


def exercises_in(folder: Path) -> list[tuple[Path, str]]:
    """``(notebook file, exercise id)`` for each notebook of ``folder`` that is an exercise:
    ``<week>/<stem>.ipynb``, or its Korean edition ``<stem>.ko.ipynb``.

    A learner works in one edition and leaves the other untouched, so of the editions of
    one exercise only those whose code differs from the untouched student copy are
    listed; when none does, the first (the English one, when it is there).
    """
    folder = Path(folder).resolve()
    known = set(exercises.available())
    of_exercise: dict[str, list[Path]] = {}
    for path in sorted(folder.glob("*.ipynb")):
        notebook_id = f"{folder.name}/{editions.stem(path.name)}"
        if notebook_id in known:
            of_exercise.setdefault(notebook_id, []).append(path)
    found = []
    for notebook_id, paths in of_exercise.items():
        untouched = exercises.load(notebook_id).untouched
        changed = [p for p in paths if not untouched or _fingerprint(p) != untouched]
        found += [(path, notebook_id) for path in changed or paths[:1]]
    return found


def _fingerprint(path: Path) -> str | None:
    try:
        return read_submission(path, own=False).fingerprint()
    except SubmissionError:
        return None  # unreadable: it was changed, and checking it says why
