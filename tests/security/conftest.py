"""Fixtures for the adversarial suite: honest functions, hostile submissions, small limits.

A case is a ``.py`` submission written to ``tmp_path``: the honest week-2 functions below
with one of them (usually ``sigmoid``) replaced by a hostile version. Grading it must give
the hostile function 0, leave the honest ones their full marks, return (the grader
survives) and stay under :data:`WALL_BOUND`.

Only the three cheap functions are graded, with small limits, so that one submission
takes about a second and a hostile call at most ``call_seconds``.
"""

from __future__ import annotations

import dataclasses
import os
import textwrap
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from needs import fixture_needs

from autograder.engine import grade_submission
from autograder.sandbox.isolation import Limits, level
from autograder.specs.week2.logistic_regression import notebook as FULL_SPEC
from dlcheck.results import SubmissionReport

#: The cheap functions of week 2; their checks run in well under a second.
GRADED = ("sigmoid", "initialize_with_zeros", "propagate")
SPEC = FULL_SPEC.only(*GRADED)

LIMITS = Limits(memory_mb=1024, cpu_seconds=5, call_seconds=3, load_seconds=10, scratch_mb=16, file_mb=8,
                processes=16, message_mb=64)

#: Seconds to grade one hostile submission: loading (about 0.3 s), one hostile call cut
#: off at ``call_seconds`` (3 s) per hostile function, a fresh sandbox after it, the
#: honest functions (about 1 s), and room for a busy machine.
WALL_BOUND = 20.0

#: Correct versions, written like the reference (solutions/week2/logistic_regression.py).
HONEST = {
    "sigmoid": """
        def sigmoid(z):
            return 1 / (1 + np.exp(-z))
    """,
    "initialize_with_zeros": """
        def initialize_with_zeros(dim):
            w = np.zeros((dim, 1))
            b = 0.0
            return w, b
    """,
    "propagate": """
        def propagate(w, b, X, Y):
            m = X.shape[1]
            A = sigmoid(np.dot(w.T, X) + b)
            cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
            dZ = A - Y
            dw = np.dot(X, dZ.T) / m
            db = float(np.sum(dZ) / m)
            return {"dw": dw, "db": db}, float(np.squeeze(cost))
    """,
}

#: Top-level helpers a hostile function may use: the protocol socket found through
#: /proc/self/fd, and frames written and read on it the way the worker does.
PROTOCOL_HELPERS = """
    def _protocol_socket():
        import os, socket
        for fd in sorted(os.listdir("/proc/self/fd"), key=int):
            try:
                if os.readlink(f"/proc/self/fd/{fd}").startswith("socket:"):
                    return socket.socket(fileno=os.dup(int(fd)))
            except OSError:
                pass

    def _send_frame(sock, message):
        import wire
        frame = wire.encode(message)
        sock.sendall(len(frame).to_bytes(8, "big") + frame)

    def _send_raw(sock, doc):
        import json, struct
        body = json.dumps(doc).encode()
        frame = struct.pack(">I", len(body)) + body + struct.pack(">I", 0)
        sock.sendall(len(frame).to_bytes(8, "big") + frame)

    def _receive_frame(sock):
        import wire
        def exact(n):
            buf = b""
            while len(buf) < n:
                buf += sock.recv(n - len(buf))
            return buf
        return wire.decode(exact(int.from_bytes(exact(8), "big")))
"""

#: The level this run grades at (``AUTOGRADE_ISOLATION`` may choose a weaker one).
LEVEL = level()
#: Levels with namespaces and a private root; the processes level claims none of their walls.
NAMESPACE_LEVELS = ("namespaces", "userns")

_skip_outside_namespaces = pytest.mark.skipif(
    LEVEL not in NAMESPACE_LEVELS,
    reason=f"holds at the namespaces and userns isolation levels; this run is at the {LEVEL} level, "
           "which does not claim this protection (docs/security.md)")


#: Student code of a root grader at the processes level runs as root: nothing bounds it.
ROOT_AT_PROCESSES = LEVEL == "processes" and os.geteuid() == 0

not_root_at_processes = pytest.mark.skipif(
    ROOT_AT_PROCESSES, reason="at the processes level a root grader's student code runs as root, which no "
                              "process limit or permission bounds (docs/security.md); run it as an ordinary user")


def namespace_levels_only(test: Callable) -> Callable:
    """Mark a test ``namespace_levels`` and skip it, with the reason, below the namespace levels."""
    return pytest.mark.namespace_levels(_skip_outside_namespaces(test))


@dataclasses.dataclass
class Graded:
    """A report and how long grading took."""

    report: SubmissionReport
    seconds: float

    @property
    def scores(self) -> dict[str, float]:
        return {t.function: t.score for t in self.report.tests}

    def message(self, function: str) -> str:
        return next(str(t.message) for t in self.report.tests if t.function == function)

    @property
    def text(self) -> str:
        """Everything the report would show anyone: messages and the error."""
        return "\n".join([str(self.report.error or ""), *(str(t.message) for t in self.report.tests)])


def source(hostile: str = "", *, replaces: Iterable[str] = ("sigmoid",), prelude: str = "") -> str:
    """A submission: imports, ``prelude``, the honest functions not in ``replaces``, ``hostile``."""
    replaced = set(replaces)
    parts = ["import numpy as np\n", textwrap.dedent(prelude)]
    parts += [textwrap.dedent(code) for name, code in HONEST.items() if name not in replaced]
    parts.append(textwrap.dedent(hostile))
    return "\n".join(parts)


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """``write(hostile, replaces=..., prelude=..., name=...)``: the submission's path in tmp_path."""
    def write(hostile: str = "", *, replaces: Iterable[str] = ("sigmoid",), prelude: str = "",
              name: str = "submission.py") -> Path:
        path = tmp_path / "submissions" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(source(hostile, replaces=replaces, prelude=prelude))
        return path
    return write


@pytest.fixture
@fixture_needs("grading")
def grade() -> Callable[..., Graded]:
    """``grade(path, spec=SPEC, limits=LIMITS, **kwargs)``, timed."""
    def grade(path: Path, spec=SPEC, limits: Limits = LIMITS, **kwargs) -> Graded:
        start = time.monotonic()
        report = grade_submission(path, spec, limits=limits, **kwargs)
        return Graded(report, time.monotonic() - start)
    return grade


def assert_contained(graded: Graded, hostile: Iterable[str] = ("sigmoid",), bound: float = WALL_BOUND) -> None:
    """The hostile functions got 0, every other function its full marks, within ``bound`` s."""
    hostile = set(hostile)
    report = graded.report
    assert report.error is None, report.error
    assert [t.function for t in report.tests] == [f.name for f in SPEC.functions]
    for t in report.tests:
        if t.function in hostile:
            assert t.score == 0 and not t.passed, f"{t.function} scored: {t.message}"
        else:
            assert t.passed and t.score == t.max_score, f"honest {t.function} lost its points: {t.message}"
    assert graded.seconds < bound, f"grading took {graded.seconds:.1f} s (bound {bound} s)"
