"""What grading produces: one result per graded function, one report per submission.

Plain data, shared by the grader and the student self-check. :class:`SubmissionReport`
is the one report model: the table, the CSV, Gradescope's results, the gradebook's rows
and the feedback page are all rendered from it, and its JSON (``autograde grade
--json``, and the report the gradebook keeps per notebook) is one versioned schema,
:data:`SCHEMA`, documented in ``docs/report.md``. Every message is there rendered in
the chosen language, and in every language beside it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from .text import Text, as_text

#: The report JSON's schema and version (``docs/report.md``, ``docs/report.schema.json``).
#: A report without it is the grader's earlier gradebook format, still read.
SCHEMA = "dl-autograder/report/1"


def _text_json(text: Text, lang: str | None) -> dict[str, Any]:
    return {"message": text.render(lang), "messages": text.as_dict()}


def _text_from(data: Any) -> Text:
    """A Text from ``{"message", "messages": {en, ko}}``, or (earlier format) ``{en, ko}``."""
    if isinstance(data, dict) and "messages" in data:
        data = data["messages"]
    return Text(data["en"], data["ko"])


@dataclass(frozen=True)
class Curve:
    """Two series a check kept for the feedback to draw, e.g. the submission's cost every
    100 iterations against the reference's (see :func:`dlcheck.compare.plot_curve`).

    Attributes
    ----------
    title : Text
        What is drawn, e.g. "cost every 100 iterations on the cat data".
    got, want : tuple of float
        The submission's values and the reference's, one per step of ``x_label``.
    x_label : Text
        What one step is, e.g. "iterations (x100)".
    """

    title: Text
    got: tuple[float, ...]
    want: tuple[float, ...]
    x_label: Text

    def to_json(self) -> dict:
        return {"title": self.title.as_dict(), "got": list(self.got), "want": list(self.want),
                "x_label": self.x_label.as_dict()}

    @classmethod
    def from_json(cls, data: dict) -> Curve:
        return cls(Text(**data["title"]), tuple(data["got"]), tuple(data["want"]), Text(**data["x_label"]))


@dataclass(frozen=True)
class TestResult:
    """The outcome of grading one function of a submission.

    Attributes
    ----------
    name : str
        The test's id, ``"test_<function>"``; also the nbgrader grade cell id.
    function : str
        The graded function, e.g. ``"propagate"``.
    score, max_score : float
        Points earned and available. A function earns all its points or none (an
        instructor's manual score in the gradebook aside).
    passed : bool
        Whether every check of the function passed.
    message : Text
        For a failure: the check, expected vs got, and a hint. For a pass: what was checked.
    curves : tuple of Curve
        What the checks kept to draw in the feedback page.
    said : frozenset
        The keys of the notes its message says (see :func:`dlcheck.compare.note`), so that
        checks completing the verdict later (run apart) say none of them again (not in
        JSON, not compared).
    """

    __test__ = False  # not a pytest test class

    name: str
    function: str
    score: float
    max_score: float
    passed: bool
    message: Text
    curves: tuple[Curve, ...] = ()
    said: frozenset = field(default=frozenset(), compare=False)

    def to_json(self, lang: str | None = None) -> dict:
        return {"name": self.name, "function": self.function, "score": self.score, "max_score": self.max_score,
                "passed": self.passed, **_text_json(self.message, lang), "curves": [c.to_json() for c in self.curves]}

    @classmethod
    def from_json(cls, data: dict) -> TestResult:
        message = data["messages"] if "messages" in data else data["message"]
        return cls(data["name"], data["function"], data["score"], data["max_score"], data["passed"],
                   _text_from(message), tuple(Curve.from_json(c) for c in data.get("curves", ())))


@dataclass
class SubmissionReport:
    """Everything graded in one submitted file.

    ``error`` is set when the file could not be graded at all (unreadable, not a
    notebook, the sandbox could not start); its tests then all score zero. ``isolation``
    is the sandbox level it was graded at (None for the student's own self-check).
    ``notes`` say, for the whole file, what the grader decided on the learner's behalf:
    which notebook a renamed file was graded as, which step-by-step notebook was used
    with it or why none was, which functions the course's helper modules gave it.

    A report graded in a course (:mod:`autograder.course`) also says whose it is
    (``student``, ``assignment``; ``submission`` is then the file's name), when it was
    graded and by which grader version, and which scores an instructor changed since
    (``adjusted``, see :meth:`with_scores`).
    """

    submission: str
    notebook: str
    tests: list[TestResult] = field(default_factory=list)
    error: Text | None = None
    isolation: str | None = None
    seconds: dict[str, float] = field(default_factory=dict, compare=False)  # where the time went (not in JSON)
    notes: list[Text] = field(default_factory=list)
    student: str | None = None
    assignment: str | None = None
    graded_at: str = ""  # ISO 8601 UTC
    grader_version: str | None = None
    adjusted: frozenset[str] = frozenset()  # test ids

    def __post_init__(self) -> None:
        if self.error is not None:
            self.error = as_text(self.error)

    @property
    def score(self) -> float:
        return sum(t.score for t in self.tests)

    @property
    def max_score(self) -> float:
        return sum(t.max_score for t in self.tests)

    def with_scores(self, scores: dict[str, float | None]) -> SubmissionReport:
        """A copy whose scores are ``scores`` (test id -> score: the gradebook's, a manual
        score from formgrader included); the tests whose score differs are marked adjusted."""
        tests, adjusted = [], set()
        for t in self.tests:
            now = scores.get(t.name)
            if now is not None and now != t.score:
                tests.append(dataclasses.replace(t, score=float(now)))
                adjusted.add(t.name)
            else:
                tests.append(t)
        return dataclasses.replace(self, tests=tests, adjusted=frozenset(adjusted))

    def to_json(self, lang: str | None = None) -> dict:
        """The report in the schema :data:`SCHEMA`, messages rendered in ``lang``."""
        return {
            "schema": SCHEMA,
            "submission": self.submission,
            "notebook": self.notebook,
            "student": self.student,
            "assignment": self.assignment,
            "score": self.score,
            "max_score": self.max_score,
            "error": None if self.error is None else self.error.render(lang),
            "error_messages": None if self.error is None else self.error.as_dict(),
            "isolation": self.isolation,
            "grader_version": self.grader_version,
            "graded_at": self.graded_at,
            "adjusted": sorted(self.adjusted),
            "tests": [t.to_json(lang) for t in self.tests],
            "notes": [_text_json(n, lang) for n in self.notes],
        }

    @classmethod
    def from_json(cls, data: dict) -> SubmissionReport:
        """A report from :meth:`to_json`'s JSON, or from the gradebook's earlier format
        (no ``schema``; ``submitted`` for the file, each message as ``{en, ko}``).

        Raises KeyError, TypeError or ValueError on data that is neither.
        """
        if "schema" in data and data["schema"] != SCHEMA:
            raise ValueError(f"a report of schema {data['schema']!r}; this grader reads {SCHEMA!r}")
        error = data.get("error_messages", data.get("error"))
        return cls(
            submission=data["submission"] if "schema" in data else data["submitted"],
            notebook=data["notebook"],
            tests=[TestResult.from_json(t) for t in data["tests"]],
            error=None if error is None else _text_from(error),
            isolation=data.get("isolation"),
            notes=[_text_from(n) for n in data.get("notes", ())],
            student=data.get("student"),
            assignment=data.get("assignment"),
            graded_at=data.get("graded_at", ""),
            grader_version=data.get("grader_version"),
            adjusted=frozenset(data.get("adjusted", ())),
        )
