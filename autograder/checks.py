"""How a graded function and its checks are declared, and what a check may ask for.

A check is a plain function ``check(t: Trial) -> None`` that calls the submission through
``t.call`` and raises :class:`CheckFailed` with a student-facing message. It is declared
once and runs in two tiers:

``public``
    Fixed inputs. Students run these (inline in the notebook and with ``pytest``); the
    expected values come from the reference solution, recorded at release time.
``hidden``
    Grader only: randomized inputs drawn by hypothesis from a seed derived from the
    instructor's secret and the submission's code, compared with the reference solution
    live. Hard-coding the public answers does not pass them, and inputs a submission
    leaks through its feedback are not the ones its next version gets.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol


class CheckFailed(AssertionError):
    """A check's verdict that the submission is wrong; ``str()`` is the student message."""


class StudentRaised(Exception):
    """The submitted function raised instead of returning."""

    def __init__(self, type_name: str, message: str, where: str = ""):
        self.type_name, self.message, self.where = type_name, message, where
        super().__init__(f"{type_name}: {message}")


class StudentDied(Exception):
    """The submitted function's process ended or hung; no value came back."""


class Trial(Protocol):
    """What a check sees: the submission, expected values, and the tier it runs in."""

    tier: str  # "public" or "hidden"

    def call(self, *args: Any, **kwargs: Any) -> Any:
        """Call the graded function of the submission; raises StudentRaised / StudentDied."""

    def expect(self, key: str, *args: Any, **kwargs: Any) -> Any:
        """The reference function's value on these arguments (recorded under ``key`` for
        the public tier)."""

    def reference(self, name: str) -> Callable[..., Any]:
        """A reference function by name (hidden tier only)."""

    def for_random_inputs(self, strategy: Any, body: Callable[[Any], None], max_examples: int = 12) -> None:
        """Run ``body`` on inputs drawn from a hypothesis ``strategy`` (hidden tier only)."""


@dataclass(frozen=True)
class Check:
    """One check of a function: a short description (shown to students) and its code."""

    description: str
    run: Callable[[Trial], None]
    tier: str = "public"

    def __repr__(self) -> str:
        return f"Check({self.description!r}, tier={self.tier!r})"


def public(description: str) -> Callable[[Callable[[Trial], None]], Check]:
    """Decorator: a check with fixed inputs that students can run too."""
    return lambda fn: Check(description, fn, "public")


def hidden(description: str) -> Callable[[Callable[[Trial], None]], Check]:
    """Decorator: a grader-only check on randomized inputs."""
    return lambda fn: Check(description, fn, "hidden")


@dataclass(frozen=True)
class GradedFunction:
    """A function students implement, with its points and checks.

    Attributes
    ----------
    name : str
        The function's name in the notebook, as in the classic course.
    params : tuple of str
        Its parameters, in order (the stub's signature; names may differ in a submission).
    points : float
        All-or-nothing: every check passes, or the function earns 0.
    checks : tuple of Check
        Run in order; the first failure decides the message.
    calls : tuple of str
        Other graded functions it calls; while grading it, those run as the reference
        versions, so one bug costs one function's points.
    """

    name: str
    params: tuple[str, ...]
    points: float
    checks: tuple[Check, ...]
    calls: tuple[str, ...] = ()

    @property
    def test_name(self) -> str:
        return f"test_{self.name}"


@dataclass(frozen=True)
class NotebookSpec:
    """One graded notebook: where its sources live and what it grades.

    Paths are relative to the project root.
    """

    id: str                     # "week2/logistic_regression"
    solution: str               # instructor source, e.g. "solutions/week2/logistic_regression.py"
    release: str                # student notebook, e.g. "assignments/week2/logistic_regression.ipynb"
    functions: tuple[GradedFunction, ...]
    helpers: tuple[str, ...] = field(default=())  # classic helper modules supplied to the notebook
    data_files: tuple[str, ...] = field(default=())  # datasets the hidden checks read (see dldata/)

    @property
    def stem(self) -> str:
        return self.id.rsplit("/", 1)[-1]

    @property
    def max_score(self) -> float:
        return sum(f.points for f in self.functions)

    def function(self, name: str) -> GradedFunction:
        return next(f for f in self.functions if f.name == name)


def derive_seed(secret: bytes, *parts: str) -> int:
    """A 32-bit seed from the instructor secret: same secret and check, same inputs."""
    digest = hmac.new(secret, "/".join(parts).encode(), hashlib.sha256).digest()
    return int.from_bytes(digest[:4], "big")
