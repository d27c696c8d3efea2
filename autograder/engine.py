"""Grading one submitted file: load it into a sandbox, then grade each function on its own.

Order of work for one file (each step may end the file's grading with a reason):

1. :func:`autograder.extract.read_submission` parses the file (no student code runs).
2. A :class:`~autograder.sandbox.launcher.Sandbox` loads the kept statements.
3. For each graded function: a fresh child of the sandbox, the function's callees
   replaced by reference versions, its checks run in order until one fails.
   A child that dies or hangs costs that function only; a dead sandbox is restarted.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import os
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from . import ROOT
from .checks import Check, CheckFailed, GradedFunction, NotebookSpec, StudentDied, StudentRaised, derive_seed
from .memo import memoized
from .extract import Submission, SubmissionError, parse_python, read_submission
from .results import SubmissionReport, TestResult
from .sandbox import wire
from .sandbox.launcher import Died, FunctionSession, Limits, Raised, Returned, Sandbox, SandboxError

HELPERS_DIR = Path(__file__).resolve().parent / "helpers"
DEFAULT_SECRET = b"autograde-development-secret"


class GraderError(RuntimeError):
    """The grader itself cannot work (missing data, no secret, broken reference)."""


def grading_secret() -> bytes:
    """The instructor secret that seeds hidden inputs: ``$AUTOGRADE_SECRET`` or the file
    named by ``$AUTOGRADE_SECRET_FILE``; a fixed development secret otherwise."""
    if os.environ.get("AUTOGRADE_SECRET"):
        return os.environ["AUTOGRADE_SECRET"].encode()
    if os.environ.get("AUTOGRADE_SECRET_FILE"):
        try:
            return Path(os.environ["AUTOGRADE_SECRET_FILE"]).read_bytes().strip()
        except OSError as exc:
            raise GraderError(f"cannot read AUTOGRADE_SECRET_FILE: {exc}") from None
    return DEFAULT_SECRET


@functools.cache
def reference_namespace(solution: str) -> dict[str, Any]:
    """The instructor solution's functions, run in the grader's own process (trusted)."""
    path = ROOT / solution
    try:
        source = path.read_text()
    except OSError as exc:
        raise GraderError(f"reference solution {path} is missing ({exc.strerror}); grading needs the "
                          "instructor's solutions/ folder") from None
    namespace: dict[str, Any] = {"__name__": "reference", "__digest__": hashlib.sha256(source.encode()).hexdigest()}
    for filename, statement in parse_python([source], prefix="solution").statements:
        try:
            exec(compile(statement, f"{solution}{filename}", "exec"), namespace)
        except ImportError:
            continue  # the notebook's own helper imports (lr_utils, selfcheck)
    return namespace


@functools.cache
def helper_sources(names: tuple[str, ...]) -> dict[str, str]:
    """Source of the classic course's helper modules, as this project supplies them."""
    return {name: (HELPERS_DIR / f"{name}.py").read_text() for name in names}


def _where(frames: list, submission: Submission | None) -> str:
    """'cell 5, line 12: `cost = ...`' for the innermost frame in student code."""
    if not frames:
        return ""
    try:
        filename, lineno, func = frames[-1][0], int(frames[-1][1]), str(frames[-1][2])
    except (TypeError, ValueError, IndexError):
        return ""
    line = submission.line(str(filename), lineno) if submission else ""
    place = f"{str(filename).strip('<>')}, line {lineno}, in {func}"
    return f"{place}: `{line}`" if line else place


@dataclass
class SandboxTrial:
    """A :class:`~autograder.checks.Trial` calling the submission in its sandbox."""

    session: FunctionSession
    function: GradedFunction
    reference_ns: dict[str, Any] | None
    submission: Submission | None
    tier: str = "public"
    secret: bytes = DEFAULT_SECRET
    notebook_id: str = ""
    recorded: dict[str, Any] | None = None  # public expected values, when no reference
    died: bool = False

    def call(self, *args: Any, **kwargs: Any) -> Any:
        outcome = self.session.call(args, kwargs)
        if isinstance(outcome, Returned):
            return outcome.value
        if isinstance(outcome, Raised):
            raise StudentRaised(outcome.type, outcome.message, _where(outcome.frames, self.submission))
        raise StudentDied(outcome.reason)

    def expect(self, key: str, *args: Any, **kwargs: Any) -> Any:
        if self.recorded is not None:
            return copy.deepcopy(self.recorded[f"{self.function.name}/{key}"])
        return self.reference(self.function.name)(*copy.deepcopy(args), **copy.deepcopy(kwargs))

    def reference(self, name: str) -> Callable[..., Any]:
        if self.reference_ns is None:
            raise GraderError("this check needs the reference solution")
        return memoized(name, self.reference_ns[name], self.reference_ns["__digest__"])

    def for_random_inputs(self, strategy: Any, body: Callable[[Any], None], max_examples: int = 12) -> None:
        code = self.submission.fingerprint() if self.submission else ""
        run_random(strategy, body, derive_seed(self.secret, self.notebook_id, self.function.name, body.__name__, code),
                   max_examples)


class KernelTrial:
    """A Trial calling a function object in this process: the student's own kernel
    (``check(fn)``), or the reference when release records the public expected values.

    Values pass through the wire format, so checks see what the grader would see.
    ``recorded`` holds the public expected values; with ``record=True`` :meth:`expect`
    computes them with ``fn`` and stores them there instead.
    """

    tier = "public"
    died = False

    def __init__(self, name: str, fn: Callable[..., Any], recorded: dict[str, Any], record: bool = False):
        self.name, self.fn, self.recorded, self.record = name, fn, recorded, record

    def call(self, *args: Any, **kwargs: Any) -> Any:
        try:
            value = self.fn(*copy.deepcopy(args), **copy.deepcopy(kwargs))
        except Exception as exc:  # shown to the student, as the grader would
            frames = traceback.extract_tb(exc.__traceback__)
            last = frames[-1] if frames else None
            where = f"line {last.lineno}, in {last.name}: `{(last.line or '').strip()}`" if last else ""
            raise StudentRaised(type(exc).__name__, str(exc), where) from None
        return wire.decode(wire.encode(value))

    def expect(self, key: str, *args: Any, **kwargs: Any) -> Any:
        if self.record:
            self.recorded[f"{self.name}/{key}"] = self.call(*args, **kwargs)
        return copy.deepcopy(self.recorded[f"{self.name}/{key}"])


def run_random(strategy: Any, body: Callable[[Any], None], seed: int, max_examples: int) -> None:
    """Run ``body`` on hypothesis-drawn inputs, reproducibly from ``seed``; the first
    failure (not hypothesis's replay of it) is the one reported."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed

    failures: list[BaseException] = []

    @hypothesis_seed(seed)
    @settings(max_examples=max_examples, database=None, deadline=None, derandomize=False,
              phases=[Phase.generate], suppress_health_check=list(HealthCheck), report_multiple_bugs=False,
              print_blob=False)
    @given(strategy)
    def property_(inputs: Any) -> None:
        try:
            body(inputs)
        except (CheckFailed, StudentRaised, StudentDied) as exc:
            failures.append(exc)
            raise

    try:
        property_()
    except BaseException:  # noqa: BLE001 - hypothesis wraps or replays; our first failure decides
        if failures:
            raise failures[0] from None
        raise


def _result(fn: GradedFunction, passed: bool, message: str) -> TestResult:
    return TestResult(fn.test_name, fn.name, fn.points if passed else 0.0, fn.points, passed, message)


def _signature_problem(fn: GradedFunction, params: list[str] | None) -> str | None:
    if params is None:
        return None
    if any(p.startswith("*") for p in params):
        return None
    if len(params) < len(fn.params):
        expected = ", ".join(fn.params)
        return (f"{fn.name} takes ({', '.join(params)}) but is called as {fn.name}({expected}). "
                f"Hint: keep the signature of the stub: def {fn.name}({expected}).")
    return None


def grade_function(sandbox: Sandbox, spec: NotebookSpec, fn: GradedFunction, submission: Submission | None, *,
                   tiers: tuple[str, ...], secret: bytes, reference_ns: dict[str, Any] | None,
                   recorded: dict[str, Any] | None = None) -> TestResult:
    """Grade one function of a loaded submission: all its checks pass, or 0 points."""

    if fn.name not in sandbox.functions:
        note = ""
        if submission and submission.syntax_errors:
            cell, error = next(iter(submission.syntax_errors.items()))
            note = f" ({cell.strip('<>')} has a syntax error at {error}; fix it so the definition is read)"
        return _result(fn, False, f"{fn.name} is not defined in the submission{note}. "
                             f"Hint: define it as def {fn.name}({', '.join(fn.params)}): in a code cell.")
    problem = _signature_problem(fn, sandbox.functions.get(fn.name))
    if problem:
        return _result(fn, False, problem)
    stubs = {name: memoized(name, reference_ns[name], reference_ns["__digest__"]) for name in fn.calls} \
        if reference_ns else {}
    checks = [c for c in fn.checks if c.tier in tiers]
    try:
        session = sandbox.open(fn.name, stubs)
    except SandboxError as exc:
        return _result(fn, False, f"{fn.name} could not be run: {exc}")
    with session:
        trial = SandboxTrial(session, fn, reference_ns, submission, "public", secret, spec.id, recorded)
        result_ = run_checks(fn, checks, trial)
    if not result_.passed and trial.died:
        sandbox.close()  # whatever it left running goes; the next function gets a fresh sandbox
    return result_


def run_checks(fn: GradedFunction, checks: list[Check], trial: Any) -> TestResult:
    """Run ``checks`` in order on one function; the first failure decides the message."""

    for check in checks:
        trial.tier = check.tier
        try:
            check.run(trial)
        except CheckFailed as exc:
            return _result(fn, False, f"{fn.name}: {check.description}: {exc}")
        except StudentRaised as exc:
            return _result(fn, False, _raised_message(fn, check.description, exc))
        except StudentDied as exc:
            trial.died = True
            return _result(fn, False, f"{fn.name}: {check.description}: no result: {exc}")
        except Exception as exc:  # noqa: BLE001 - a value so odd the check itself choked on it
            return _result(fn, False, f"{fn.name}: {check.description}: a returned value could not be checked "
                                      f"({type(exc).__name__}: {str(exc)[:200]}). Hint: return the types and "
                                      "shapes the docstring asks for.")
    return _result(fn, True, f"passed {len(checks)} checks: " + "; ".join(c.description for c in checks))


def _raised_message(fn: GradedFunction, description: str, exc: StudentRaised) -> str:
    if exc.type_name == "NotImplementedError":
        return (f"{fn.name} is not implemented yet (it raises NotImplementedError). "
                f"Hint: replace the `raise NotImplementedError` line in {fn.name} with your code.")
    where = f" at {exc.where}" if exc.where else ""
    text = f"{fn.name}: {description}: it raised {exc.type_name}{where}: {exc.message}"
    if exc.type_name in ("SystemExit", "KeyboardInterrupt"):
        text += ". Hint: a graded function must return a value, not stop the program."
    elif exc.type_name == "ValueError" and "shapes" in exc.message and "not aligned" in exc.message:
        text += ". Hint: check the shapes you multiply; np.dot(w.T, X) needs w of shape (n_x, 1)."
    return text


def grade_submission(path: Path | str, spec: NotebookSpec, *, tiers: tuple[str, ...] = ("public", "hidden"),
                     secret: bytes | None = None, limits: Limits = Limits(),
                     recorded: dict[str, Any] | None = None) -> SubmissionReport:
    """Grade one file against one notebook spec. Never raises for a bad submission:
    the reason lands in ``report.error`` with every function at 0."""
    report = SubmissionReport(submission=str(path), notebook=spec.id)
    reference_ns = reference_namespace(spec.solution) if recorded is None else None
    secret = grading_secret() if secret is None else secret

    def zero_all(reason: str) -> SubmissionReport:
        report.error = reason
        report.tests = [TestResult(f.test_name, f.name, 0.0, f.points, False, f"not graded: {reason}")
                        for f in spec.functions]
        return report

    try:
        submission = read_submission(Path(path))
    except SubmissionError as exc:
        return zero_all(str(exc))
    helpers = helper_sources(spec.helpers)
    sandbox: Sandbox | None = None
    try:
        for fn in spec.functions:
            if sandbox is None or not sandbox.alive:
                if sandbox is not None:
                    sandbox.close()
                sandbox = Sandbox(submission.statements, helpers, limits)
                start = time.perf_counter()
                try:
                    sandbox.start()
                except SandboxError as exc:
                    return zero_all(str(exc))
                report.seconds["start sandbox"] = report.seconds.get("start sandbox", 0.0) + time.perf_counter() - start
            start = time.perf_counter()
            try:
                result = grade_function(sandbox, spec, fn, submission, tiers=tiers, secret=secret,
                                        reference_ns=reference_ns, recorded=recorded)
            except (GraderError, KeyboardInterrupt):
                raise
            except Exception as exc:  # noqa: BLE001 - a grader bug must not take the batch down
                sandbox.close()
                result = _result(fn, False, f"{fn.name}: internal grader error, please report it "
                                            f"({type(exc).__name__}: {str(exc)[:200]})")
            report.tests.append(result)
            report.seconds[fn.name] = time.perf_counter() - start
    finally:
        if sandbox is not None:
            sandbox.close()
    return report
