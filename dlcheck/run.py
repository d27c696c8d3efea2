"""Running a function's checks and turning the outcome into the student's verdict.

Shared by both sides: the grader runs checks through a trial that calls the sandbox, the
self-check through :class:`KernelTrial`, which calls a function object in the student's
own process. Both produce the same messages.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import traceback
from collections.abc import Callable, Iterable
from typing import Any

from . import signatures, wire
from .checks import Check, CheckFailed, GradedFunction, GraderError, StudentDied, StudentRaised
from .compare import collecting_curves, collecting_notes
from .results import TestResult
from .text import Text, as_text, join, tr

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
               random_inputs: RandomInputs | None = None, on_pass: Text | None = None) -> TestResult:
    """Run ``checks`` (default: all of ``fn``'s) in order; the first failure decides.

    A failure of the student's code (a wrong value, an exception, a dead process) is the
    function's verdict. A :class:`GraderError`, or a missing module (a dependency of the
    checks, not of the student), is ours and propagates. Curves the checks kept for the
    feedback (:func:`dlcheck.compare.plot_curve`) go with the verdict, pass or fail.
    """
    with collecting_curves() as curves:
        verdict = _verdict(fn, trial, checks, random_inputs, on_pass)
    return dataclasses.replace(verdict, curves=tuple(curves)) if curves else verdict


def _verdict(fn: GradedFunction, trial: Any, checks: Iterable[Check] | None, random_inputs: RandomInputs | None,
             on_pass: Text | None) -> TestResult:
    checks = list(fn.checks if checks is None else checks)
    with collecting_notes() as notes:
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
                return result(fn, False, tr("{fn}: {check}: {text}", "{fn}: {check}: {text}",
                                            fn=fn.name, check=check.description, text=exc.text))
            except StudentRaised as exc:
                return result(fn, False, raised_message(fn.name, check.description, exc))
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
    return result(fn, True, passed)


_NAME_ERROR = re.compile(r"name '(\w+)' is not defined")


_RAISED_IN = re.compile(r"line \d+, in (\w+)")


def raised_message(function: str, description: Text, exc: StudentRaised) -> Text:
    """The verdict for a function that raised ``exc`` during a check, with a hint when
    the exception is one beginners meet (an untouched stub, a leftover ``None``, ...)."""
    raiser = _RAISED_IN.search(exc.where)
    if exc.type_name == "NotImplementedError" and raiser and raiser.group(1) != function:
        return tr("{fn}: {check}: {stub}, which {fn} calls, is not implemented yet (it raises NotImplementedError). "
                  "Hint: implement {stub} first.",
                  "{fn}: {check}: {fn}이(가) 호출하는 {stub}이(가) 아직 구현되지 않았습니다 (NotImplementedError 발생). "
                  "힌트: {stub}부터 구현하세요.", fn=function, check=description, stub=raiser.group(1))
    if exc.type_name == "NotImplementedError":
        return tr("{fn} is not implemented yet (it raises NotImplementedError). "
                  "Hint: replace the `raise NotImplementedError` line in {fn} with your code.",
                  "{fn}이(가) 아직 구현되지 않았습니다 (NotImplementedError 발생). "
                  "힌트: {fn} 안의 `raise NotImplementedError` 줄을 여러분의 코드로 바꾸세요.", fn=function)
    where = as_text(exc.where)
    text = tr("{fn}: {check}: it raised {kind}{at}: {message}", "{fn}: {check}: {kind} 예외가 발생했습니다{at}: {message}",
              fn=function, check=description, kind=exc.type_name,
              at=tr(" at {w}", " (위치 {w})", w=where) if exc.where else "", message=exc.message)
    name_error = _NAME_ERROR.search(exc.message) if exc.type_name == "NameError" else None
    if exc.type_name in ("SystemExit", "KeyboardInterrupt"):
        hint = tr("a graded function must return a value, not stop the program.",
                  "채점되는 함수는 프로그램을 멈추지 말고 값을 반환해야 합니다.")
    elif exc.type_name == "TypeError" and "NoneType" in exc.message:
        hint = tr("{fn} looks unfinished: a value is still None, as in the template's `... = None` lines. "
                  "Replace each None with your code.",
                  "{fn}이(가) 아직 완성되지 않은 것 같습니다: 템플릿의 `... = None`처럼 아직 None인 값이 있습니다. "
                  "각 None을 여러분의 코드로 바꾸세요.", fn=function)
    elif name_error and f"{name_error.group(1)}(" in exc.where:
        hint = tr("{name} is called but not defined: define it in a code cell of the notebook (when a function is "
                  "graded, only the notebook's imports, functions and constants exist).",
                  "{name}을(를) 호출하지만 정의되어 있지 않습니다: 노트북의 코드 셀에 정의하세요 (채점할 때는 노트북의 "
                  "import, 함수, 상수만 존재합니다).", name=name_error.group(1))
    elif name_error:
        hint = tr("when a function is graded, only the notebook's imports, functions and constants exist; "
                  "variables made by running other cells (like {name}) do not. Compute {name} inside {fn} "
                  "from its arguments (for example from X.shape), or fix the name if it is a typo.",
                  "채점할 때는 노트북의 import, 함수, 상수만 존재하고, 다른 셀을 실행해서 만든 변수({name} 등)는 "
                  "없습니다. {name}을(를) {fn} 안에서 인자로부터 계산하세요 (예: X.shape). 오타라면 이름을 고치세요.",
                  name=name_error.group(1), fn=function)
    elif exc.type_name == "ValueError" and "not aligned" in exc.message:
        hint = tr("check the shapes you multiply: np.dot(A, B) needs A's columns to match B's rows.",
                  "곱하는 배열의 shape을 확인하세요: np.dot(A, B)는 A의 열 수와 B의 행 수가 같아야 합니다.")
    else:
        return text
    return text + tr(". Hint: {hint}", ". 힌트: {hint}", hint=hint)


def where_in_traceback(tb: Any) -> str:
    """``line N, in f: `code``` for the innermost frame of a traceback in the student's code."""
    frames = traceback.extract_tb(tb)
    last = frames[-1] if frames else None
    return f"line {last.lineno}, in {last.name}: `{(last.line or '').strip()}`" if last else ""


class KernelTrial:
    """A trial calling a function object in this process: the student's own kernel
    (``check(fn)``), or the reference when release records the public expected values.

    Values pass through the wire format, so checks see what the grader would see.
    ``recorded`` holds the public expected values, keyed ``"<function>/<key>"``; with
    ``record=True`` :meth:`expect` computes them with ``fn`` and stores them instead.
    """

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
