"""The grader's :class:`~dlcheck.checks.Trial`: checks call the submission in its sandbox
and ask the reference solution, live, what the answers are."""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from dlcheck.checks import Check, GradedFunction, GraderError, StudentDied, StudentRaised, Training
from dlcheck.extract import Submission
from dlcheck.text import tr

from . import trainings
from .reference import Reference
from .sandbox import supplied
from .sandbox.session import FunctionSession, Raised, Returned


def _where(frames: list, submission: Submission) -> str:
    """```<cell 5>, line 12, in f: `code` ``` for the innermost frame in student code."""
    if not frames:
        return ""
    try:
        filename, lineno, func = str(frames[-1][0]), int(frames[-1][1]), str(frames[-1][2])
    except (TypeError, ValueError, IndexError):
        return ""
    line = submission.line(filename, lineno)
    place = f"{filename.strip('<>')}, line {lineno}, in {func}"
    return f"{place}: `{line}`" if line else place


def _arrays(value: Any) -> Iterator[np.ndarray]:
    """The ndarrays in ``value``'s lists, tuples and dicts."""
    if isinstance(value, np.ndarray):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _arrays(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _arrays(item)


class SandboxTrial:
    """Calls of one graded function in its sandbox child, answers from the reference.

    ``deadline`` (``time.monotonic()`` seconds) is the end of the file's time budget: a
    call gets the per-call limit for its own work and ends by the deadline, whatever the
    reference callees it calls back take (:meth:`FunctionSession.call`).
    """

    def __init__(self, session: FunctionSession, fn: GradedFunction, reference: Reference, submission: Submission,
                 *, call_seconds: float, deadline: float,
                 adapt: Callable[[tuple, dict], tuple[tuple, dict]] | None = None,
                 params: list[str] | None = None, classic: bool = False):
        self.classic = classic  # the classic course's own notebook (see autograder.engine.is_classic)
        self.session, self.fn, self._reference, self.submission = session, fn, reference, submission
        self.call_seconds, self.deadline, self.adapt = call_seconds, deadline, adapt
        self.default_call_seconds = call_seconds
        self.params = params  # the submission's parameter names
        self.check: Check | None = None  # the check running (or the last one run)
        self.died = False

    def starting(self, check: Check) -> None:
        """Called before each check: its calls get the time it declares, if longer."""
        self.call_seconds = max(self.default_call_seconds, check.seconds or 0)
        self.check = check

    def call(self, *args: Any, **kwargs: Any) -> Any:
        return self._call(args, kwargs).value

    def call_with_inputs(self, *args: Any) -> tuple[Any, tuple]:
        """The value, and the arguments after the call (in the order they were passed,
        which an earlier signature's adapter may have changed)."""
        returned = self._call(args, {}, inputs=True)
        inputs = returned.inputs
        if not (isinstance(inputs, list) and len(inputs) == 2 and isinstance(inputs[0], list)):
            raise StudentDied(tr("it sent back something that is not a result (no inputs)",
                                 "결과가 아닌 것을 돌려보냈습니다 (입력 없음)"))
        return returned.value, tuple(inputs[0])

    def call_printed(self, *args: Any, **kwargs: Any) -> tuple[Any, str]:
        """The value, and what the call printed (its first few thousand characters)."""
        returned = self._call(args, kwargs, printed=True)
        return returned.value, returned.printed or ""

    @property
    def parameters(self) -> tuple[str, ...] | None:
        return tuple(self.params) if self.params is not None else None

    def _call(self, args: tuple, kwargs: dict, inputs: bool = False, printed: bool = False) -> Returned:
        if time.monotonic() >= self.deadline:
            raise StudentDied(tr("the file used up its time budget before this call",
                                 "이 호출 전에 파일의 시간 예산을 다 썼습니다"))
        if self.adapt is not None:
            args, kwargs = self.adapt(args, kwargs)
        outcome = self.session.call(args, kwargs, self.call_seconds, inputs=inputs, until=self.deadline,
                                    printed=printed)
        if isinstance(outcome, Returned):
            return outcome
        if isinstance(outcome, Raised):
            raise StudentRaised(outcome.type, outcome.message, _where(outcome.frames, self.submission))
        raise StudentDied(outcome.reason)

    def expect(self, key: str, *args: Any, **kwargs: Any) -> Any:
        return self.reference(*args, **kwargs)

    def reference(self, *args: Any, **kwargs: Any) -> Any:
        """The reference's answer on copies of the arguments (it may write into them), but
        for the large arrays no one can write into (:func:`supplied.supplied`, the real
        data): the cache knows those by a digest made once per array, and a copy would be
        a new one."""
        keep = {id(a): a for a in _arrays((args, kwargs)) if supplied.supplied(a)}
        return self.reference_of(self.fn.name)(*copy.deepcopy(args, dict(keep)), **copy.deepcopy(kwargs, dict(keep)))

    def trained(self, training: Training) -> dict[str, Any]:
        return trainings.facts(training, self._reference)

    def reference_of(self, name: str) -> Callable[..., Any]:
        """The reference ``name``; if it raises on a check's inputs, that is the grader's fault."""
        reference = self._reference.asked(name)

        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                return reference(*args, **kwargs)
            except Exception as exc:
                raise GraderError(f"the reference {name} raised {type(exc).__name__} on a check's inputs: "
                                  f"{str(exc)[:200]}") from exc
        return call
