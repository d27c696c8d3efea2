"""What grading produces: one result per graded function, one report per submission.

These are plain data, shared by the CLI (table and ``--json``), the nbgrader gradebook
writer and the student self-check. The JSON field names are a contract other tools
depend on (see README, "Command line").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


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
    message : str
        For a failure: the check, expected vs got, and a hint. For a pass: what was checked.
    """

    __test__ = False  # not a pytest test class

    name: str
    function: str
    score: float
    max_score: float
    passed: bool
    message: str


@dataclass
class SubmissionReport:
    """Everything graded in one submitted file.

    ``error`` is set when the file could not be graded at all (unreadable, not a
    notebook, the sandbox could not start); its tests then all score zero.
    """

    submission: str
    notebook: str
    tests: list[TestResult] = field(default_factory=list)
    error: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)  # where the time went (not in JSON)

    @property
    def score(self) -> float:
        return sum(t.score for t in self.tests)

    @property
    def max_score(self) -> float:
        return sum(t.max_score for t in self.tests)

    def to_json(self) -> dict:
        out = {
            "submission": self.submission,
            "notebook": self.notebook,
            "score": self.score,
            "max_score": self.max_score,
            "tests": [asdict(t) for t in self.tests],
        }
        if self.error is not None:
            out["error"] = self.error
        return out
