"""Running a function's checks and turning the outcome into the student's verdict.

Shared by both sides: the grader runs checks through a trial that calls the sandbox, the
self-check through :class:`KernelTrial`, which calls a function object in the student's
own process. Both produce the same messages.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import io
import os
import re
import sysconfig
import traceback
from collections.abc import Callable, Iterable
from typing import Any

from . import signatures, wire
from .checks import Check, CheckFailed, GradedFunction, GraderError, StudentDied, StudentRaised
from .compare import collecting_curves, collecting_notes
from .raised import not_written_note, raised_message
from .results import TestResult
from .text import Text, join, tr
from .written import Stub, Written

#: Runs a random-input check (``check.inputs`` set) on a trial; the grader's hypothesis driver.
RandomInputs = Callable[[Check, Any], None]


def result(fn: GradedFunction, passed: bool, message: Text) -> TestResult:
    """``fn``'s verdict; its scores are floats, lost points or not (10.0 and 7.0, never 10 and 7.0)."""
    return TestResult(fn.test_name, fn.name, float(fn.points) if passed else 0.0, float(fn.points), passed, message)


def noted(message: Text, note: Text) -> Text:
    """``message`` followed by the sentence "Note: ``note``", after a full stop (in each language)."""
    def sentence(text: str, label: str, said: str) -> str:
        return f"{text}{'' if text.rstrip().endswith('.') else '.'} {label}: {said}"
    return Text(sentence(message.en, "Note", note.en), sentence(message.ko, "참고", note.ko))


def run_checks(fn: GradedFunction, trial: Any, checks: Iterable[Check] | None = None, *,
               random_inputs: RandomInputs | None = None, on_pass: Text | None = None,
               written: Written | None = None, stub: Stub | None = None, said: Iterable[object] = ()) -> TestResult:
    """Run ``checks`` (default: all of ``fn``'s) in order; the first failure decides.

    A failure of the student's code (a wrong value, an exception, a dead process) is the
    function's verdict, in words that ``written`` (the function as the learner wrote it)
    and ``stub`` (what its stub asks) make true of it, when they are known. A
    :class:`GraderError`, or a missing module (a dependency of the checks, not of the
    student), is ours and propagates. Curves the checks kept for the feedback
    (:func:`dlcheck.compare.plot_curve`) go with the verdict, pass or fail. Notes whose
    key is in ``said`` were said with this verdict already, by other checks of it.
    """
    with collecting_curves() as curves:
        verdict = _verdict(fn, trial, checks, random_inputs, on_pass, written, stub, said)
    return dataclasses.replace(verdict, curves=tuple(curves)) if curves else verdict


def _verdict(fn: GradedFunction, trial: Any, checks: Iterable[Check] | None, random_inputs: RandomInputs | None,
             on_pass: Text | None, written: Written | None, stub: Stub | None, said: Iterable[object]) -> TestResult:
    checks = list(fn.checks if checks is None else checks)
    with collecting_notes(said) as notes:
        for check in checks:
            trial.starting(check)
            try:
                if check.inputs is None:
                    check.run(trial)
                elif random_inputs is None:
                    raise GraderError(f"{fn.name}: the check {check.description.en!r} draws random inputs, "
                                      "which only the grader can do")
                else:
                    random_inputs(check, trial)
            except CheckFailed as exc:
                return result(fn, False, (not_written_note(fn.name, written, stub) or tr("", ""))
                              + tr("{fn}: {check}: {text}", "{fn}: {check}: {text}",
                                   fn=fn.name, check=check.description, text=exc.text))
            except StudentRaised as exc:
                return result(fn, False, raised_message(fn.name, check.description, exc, written, stub))
            except StudentDied as exc:
                if hasattr(trial, "died"):
                    trial.died = True
                return result(fn, False, tr("{fn}: {check}: no result: {reason}", "{fn}: {check}: 결과 없음: {reason}",
                                            fn=fn.name, check=check.description, reason=exc.reason))
            except GraderError:
                raise
            except ImportError as exc:
                raise GraderError(f"the checks of {fn.name} need the module {exc.name!r}, which is not installed: "
                                  "install the grader's dependencies (make test, or pip install -e .)") from None
            except Exception as exc:  # noqa: BLE001 - a value so odd the check itself choked on it
                return result(fn, False, tr(
                    "{fn}: {check}: a returned value could not be checked ({kind}: {detail}). "
                    "Hint: return the types and shapes the docstring asks for.",
                    "{fn}: {check}: 반환값을 검사할 수 없습니다 ({kind}: {detail}). "
                    "힌트: docstring이 요구하는 타입과 shape을 반환하세요.",
                    fn=fn.name, check=check.description, kind=type(exc).__name__, detail=str(exc)[:200]))
    passed = tr("{n} check(s) passed: {names}", "검사 {n}개 통과: {names}", n=len(checks),
                names=join((c.description for c in checks), "; "))
    for extra in [*notes, *([on_pass] if on_pass else [])]:
        passed = noted(passed, extra)
    return dataclasses.replace(result(fn, True, passed), said=frozenset(notes.keys))


#: Where code that is not the learner's lives: this package, and the installed libraries
#: (NumPy raising inside np.squeeze(None) is reported at the learner's line that called it).
_NOT_THE_LEARNERS = tuple(os.path.normcase(os.path.realpath(p)) + os.sep for p in {
    os.path.dirname(os.path.abspath(__file__)),
    *(sysconfig.get_paths()[k] for k in ("stdlib", "platstdlib", "purelib", "platlib"))})


_CELL = re.compile(r"^<((?:[\w.-]+ )?cell \d+)>$")


def where_in_traceback(tb: Any) -> str:
    """``line N, in f: `code``` for the innermost frame of a traceback in the student's code
    ("" when none is: the call itself was refused, as the grader's worker reports it)."""
    frames = [f for f in traceback.extract_tb(tb)
              if not os.path.normcase(os.path.realpath(f.filename)).startswith(_NOT_THE_LEARNERS)]
    last = frames[-1] if frames else None
    if last is None:
        return ""
    cell = _CELL.match(last.filename)  # a notebook's cell, read as the grader reads it: named as it names it
    place = f"{cell.group(1)}, line {last.lineno}, in {last.name}" if cell else f"line {last.lineno}, in {last.name}"
    return f"{place}: `{last.line.strip()}`" if last.line and last.line.strip() else place


class KernelTrial:
    """A trial calling a function object in this process: the student's own kernel
    (``check(fn)``), or the reference when release records the public expected values.

    Values pass through the wire format, so checks see what the grader would see.
    ``recorded`` holds the public expected values, keyed ``"<function>/<key>"``; with
    ``record=True`` :meth:`expect` computes them with ``fn`` and stores them instead.
    """

    #: The self-check runs in this course's notebooks (``check(fn)``, ``pytest weekN``).
    classic = False

    def __init__(self, name: str, fn: Callable[..., Any], recorded: dict[str, Any], record: bool = False,
                 adapt: Callable[[tuple, dict], tuple[tuple, dict]] | None = None):
        self.name, self.fn, self.recorded, self.record = name, fn, recorded, record
        self.adapt = adapt  # calls in an earlier signature of the course (see dlcheck.signatures)

    def starting(self, check: Check) -> None:
        """Nothing to prepare: in the learner's kernel a call takes the time it takes."""

    def call(self, *args: Any, **kwargs: Any) -> Any:
        return self._call(*self._adapted(copy.deepcopy(args), copy.deepcopy(kwargs)))

    def _adapted(self, args: tuple, kwargs: dict) -> tuple[tuple, dict]:
        return self.adapt(args, kwargs) if self.adapt is not None else (args, kwargs)

    def _call(self, args: tuple, kwargs: dict) -> Any:
        try:
            value = self.fn(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - shown to the student, as the grader would show it
            raise StudentRaised(type(exc).__name__, str(exc), where_in_traceback(exc.__traceback__)) from None
        return wire.decode(wire.encode(value))

    def call_with_inputs(self, *args: Any) -> tuple[Any, tuple]:
        """The value, and the arguments after the call (in the order they were passed,
        which an earlier signature's adapter may have changed)."""
        args, kwargs = self._adapted(copy.deepcopy(args), {})
        value = self._call(args, kwargs)
        return value, tuple(wire.decode(wire.encode(list(args))))

    def call_printed(self, *args: Any, **kwargs: Any) -> tuple[Any, str]:
        """The value, and what the call printed (kept from the learner's output here too)."""
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            value = self.call(*args, **kwargs)
        return value, out.getvalue()[:4000]

    @property
    def parameters(self) -> tuple[str, ...] | None:
        names = signatures.parameters(self.fn)  # as the grader's worker reports them
        return tuple(names) if names is not None else None

    def expect(self, key: str, *args: Any, **kwargs: Any) -> Any:
        if self.record:
            self.recorded[f"{self.name}/{key}"] = self.call(*args, **kwargs)
        try:
            return copy.deepcopy(self.recorded[f"{self.name}/{key}"])
        except KeyError:
            raise GraderError(f"no recorded expected value {self.name}/{key}: reinstall the course package "
                              "(instructors: run `autograde release`)") from None

    def reference(self, *args: Any, **kwargs: Any) -> Any:
        raise GraderError("hidden checks cannot run in the student's kernel")

    def reference_of(self, name: str) -> Callable[..., Any]:
        raise GraderError("hidden checks cannot run in the student's kernel")

    def trained(self, training: Any) -> dict[str, Any]:
        raise GraderError("hidden checks cannot run in the student's kernel")
