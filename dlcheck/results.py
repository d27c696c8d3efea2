"""What grading produces: one result per graded function, one report per submission.

Plain data, shared by the grader (table, ``--json``, the gradebook, feedback) and the
student self-check. The JSON field names are a contract other tools depend on (README,
"Command line"); messages are rendered in the chosen language, and ``messages`` holds
every language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .text import Text, as_text


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
        Points earned and available. A function earns all its points or none.
    passed : bool
        Whether every check of the function passed.
    message : Text
        For a failure: the check, expected vs got, and a hint. For a pass: what was checked.
    curves : tuple of Curve
        What the checks kept to draw in the feedback (not part of the JSON report).
    said : frozenset
        The keys of the notes its message says (see :func:`dlcheck.compare.note`), so that
        checks completing the verdict later (run apart) say none of them again (not in JSON).
    """

    __test__ = False  # not a pytest test class

    name: str
    function: str
    score: float
    max_score: float
    passed: bool
    message: Text
    curves: tuple[Curve, ...] = ()
    said: frozenset = frozenset()

    def to_json(self, lang: str | None = None) -> dict:
        return {"name": self.name, "function": self.function, "score": self.score, "max_score": self.max_score,
                "passed": self.passed, "message": self.message.render(lang), "messages": self.message.as_dict()}


@dataclass
class SubmissionReport:
    """Everything graded in one submitted file.

    ``error`` is set when the file could not be graded at all (unreadable, not a
    notebook, the sandbox could not start); its tests then all score zero. ``isolation``
    is the sandbox level it was graded at (None for the student's own self-check).
    ``notes`` say, for the whole file, what the grader decided on the learner's behalf:
    which notebook a renamed file was graded as, which step-by-step notebook was used
    with it or why none was, which functions the course's helper modules gave it.
    """

    submission: str
    notebook: str
    tests: list[TestResult] = field(default_factory=list)
    error: Text | None = None
    isolation: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)  # where the time went (not in JSON)
    notes: list[Text] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.error is not None:
            self.error = as_text(self.error)

    @property
    def score(self) -> float:
        return sum(t.score for t in self.tests)

    @property
    def max_score(self) -> float:
        return sum(t.max_score for t in self.tests)

    def to_json(self, lang: str | None = None) -> dict:
        out = {
            "submission": self.submission,
            "notebook": self.notebook,
            "score": self.score,
            "max_score": self.max_score,
            "isolation": self.isolation,
            "tests": [t.to_json(lang) for t in self.tests],
            "notes": [{"message": n.render(lang), "messages": n.as_dict()} for n in self.notes],
        }
        if self.error is not None:
            out["error"] = self.error.render(lang)
        return out
