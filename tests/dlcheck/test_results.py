"""Tests of dlcheck.results: the one report model and its JSON schema (docs/report.md)."""

from __future__ import annotations

import json

import jsonschema
import pytest
import report_schema

from dlcheck.results import SCHEMA, Curve, SubmissionReport, TestResult
from dlcheck.text import Text

COSTS = Curve(Text("cost", "비용"), (0.69, 0.5), (0.69, 0.4), Text("iterations (x100)", "반복 (x100)"))
TESTS = [
    TestResult("test_sigmoid", "sigmoid", 1.0, 1.0, True, Text("2 check(s) passed", "검사 2개 통과")),
    TestResult("test_model", "model", 0.0, 2.0, False, Text("model: cost wrong", "model: cost 틀림"), (COSTS,)),
]
NOTE = Text("hw.ipynb: graded as logistic_regression", "hw.ipynb: logistic_regression 노트북으로 채점")

REPORTS = {
    "graded": SubmissionReport("/tmp/lr.ipynb", "week2/logistic_regression", list(TESTS), isolation="processes",
                               notes=[NOTE]),
    "not graded": SubmissionReport("/tmp/x.ipynb", "?", error=Text("not valid JSON", "JSON 아님")),
    "in a course": SubmissionReport("lr.ipynb", "logistic_regression", list(TESTS), isolation="namespaces",
                                    student="alice", assignment="week2", graded_at="2024-03-01T17:05:12Z",
                                    grader_version="1.0", adjusted=frozenset({"test_model"})),
}


def json_of(report: SubmissionReport, lang: str = "en") -> dict:
    return json.loads(json.dumps(report.to_json(lang)))


@pytest.mark.parametrize("kind", list(REPORTS))
def test_a_report_is_valid_by_the_documented_schema(kind):
    """Is every kind of report the JSON Schema of docs/report.schema.json says it is?"""
    report_schema.validate(json_of(REPORTS[kind]))


def test_the_schema_would_see_an_undocumented_field():
    """Control: does the schema refuse a field it does not document?"""
    data = {**json_of(REPORTS["graded"]), "secret": 1}
    with pytest.raises(jsonschema.ValidationError):
        report_schema.validate(data)


@pytest.mark.parametrize("kind", list(REPORTS))
def test_a_report_comes_back_from_its_json_equal(kind):
    """Does a report read back from its JSON (the gradebook keeps it so) equal it, curves,
    notes, error and course fields included, whatever the language rendered?"""
    for lang in ("en", "ko"):
        assert SubmissionReport.from_json(json_of(REPORTS[kind], lang)) == REPORTS[kind]


def test_messages_are_rendered_in_the_chosen_language_and_kept_in_every_one():
    data = json_of(REPORTS["not graded"], "ko")
    assert data["schema"] == SCHEMA and data["error"] == "JSON 아님"
    assert data["error_messages"] == {"en": "not valid JSON", "ko": "JSON 아님"}
    test = json_of(REPORTS["graded"], "ko")["tests"][1]
    assert test["message"] == "model: cost 틀림" and test["messages"]["en"] == "model: cost wrong"


def test_the_gradebooks_earlier_format_is_still_read():
    """Is a report the gradebook kept before the schema (the file as ``submitted``, each
    message as ``{en, ko}``) read as the same report?"""
    earlier = {
        "scores": {"test_sigmoid": 1.0, "test_model": 0.0},
        "student": "alice", "assignment": "week2", "notebook": "logistic_regression", "submitted": "lr.ipynb",
        "isolation": "namespaces", "grader_version": "1.0", "graded_at": "2024-03-01T17:05:12Z", "error": None,
        "tests": [{"name": t.name, "function": t.function, "score": t.score, "max_score": t.max_score,
                   "passed": t.passed, "message": t.message.as_dict(), "curves": [c.to_json() for c in t.curves]}
                  for t in TESTS],
        "notes": [NOTE.as_dict()],
    }
    want = SubmissionReport("lr.ipynb", "logistic_regression", list(TESTS), isolation="namespaces", notes=[NOTE],
                            student="alice", assignment="week2", graded_at="2024-03-01T17:05:12Z",
                            grader_version="1.0")
    assert SubmissionReport.from_json(earlier) == want


def test_a_report_of_another_version_is_refused():
    with pytest.raises(ValueError, match="dl-autograder/report/2"):
        SubmissionReport.from_json({**json_of(REPORTS["graded"]), "schema": "dl-autograder/report/2"})


def test_what_only_grading_uses_is_not_part_of_a_report():
    """Are the time spent and the notes a message said (kept while grading) left out of
    what makes two reports the same?"""
    said = [TestResult(**{**TESTS[0].__dict__, "said": frozenset({"size-1"})}), TESTS[1]]
    again = SubmissionReport("/tmp/lr.ipynb", "week2/logistic_regression", said, isolation="processes",
                             notes=[NOTE], seconds={"sigmoid": 0.1})
    assert again == REPORTS["graded"]


def test_with_scores_marks_what_an_instructor_changed():
    changed = REPORTS["graded"].with_scores({"test_sigmoid": 1.0, "test_model": 1.5})
    assert changed.score == 2.5 and changed.adjusted == {"test_model"}
    assert REPORTS["graded"].score == 1.0  # a copy
