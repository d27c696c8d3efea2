"""Running a function's checks into a verdict: the words around the checks' own messages
(notes, scores, exceptions), golden in both languages."""

import json

import pytest

from dlcheck.checks import GradedFunction
from dlcheck.compare import note
from dlcheck.results import SubmissionReport
from dlcheck.run import result, run_checks
from dlcheck.text import tr


class Quiet:
    """A trial whose checks call nothing (they note or fail on their own)."""

    def starting(self, check):
        pass


def _function(description_en: str, description_ko: str, body) -> GradedFunction:
    fn = GradedFunction("normalize_rows", points=1)
    fn.public(description_en, description_ko)(body)
    return fn


def test_a_note_after_a_description_is_a_sentence_of_its_own():
    """Does a note follow the list of checks after a full stop, never glued to a closing
    parenthesis ("(no zero rows) Note: ...")?"""
    fn = _function("random matrices (no zero rows)", "무작위 행렬 (0인 행 없음)",
                   lambda t: note(tr("graded normalizeRows.", "normalizeRows를 채점했습니다.")))
    verdict = run_checks(fn, Quiet())
    assert verdict.message.en == "1 check(s) passed: random matrices (no zero rows). Note: graded normalizeRows."
    assert verdict.message.ko == "검사 1개 통과: 무작위 행렬 (0인 행 없음). 참고: normalizeRows를 채점했습니다."


def test_a_note_keyed_once_is_said_once_whatever_the_example():
    """Is a note made on every example of a check, in words naming the example, said once
    (the first example's words)?"""
    def every_example(t):
        for m in (5, 7, 9):
            note(tr("L1 with m = {m} is an array.", "m = {m}인 L1이 배열입니다.", m=m), key="one-value array")

    verdict = run_checks(_function("random vectors", "무작위 벡터", every_example), Quiet())
    assert verdict.message.en == "1 check(s) passed: random vectors. Note: L1 with m = 5 is an array."


@pytest.mark.parametrize("passed", [True, False], ids=["full-marks", "lost"])
def test_scores_are_floats_whether_points_are_lost_or_not(passed):
    """Is a score written 1.0 or 0.0 (and a report's 2.0 or 1.0), never 1 beside 0.0, in
    the JSON report as in Python?"""
    fn = GradedFunction("propagate", points=1)
    report = SubmissionReport("a.py", "week2/logistic_regression",
                              tests=[result(fn, passed, tr("", "")), result(fn, True, tr("", ""))])
    doc = json.loads(json.dumps(report.to_json()))
    assert [type(t["score"]) for t in doc["tests"]] == [float, float]
    assert type(doc["score"]) is float and type(doc["max_score"]) is float


def test_a_note_said_by_the_checks_before_is_not_said_again():
    """When checks run later complete a verdict (a long check run apart), is a note the
    verdict already says (by key) left out, and are the keys said kept with the verdict?"""
    fn = _function("the real data", "실제 데이터", lambda t: note(tr("bool labels.", "bool 레이블."), key=("dtype", "bool")))
    first = run_checks(fn, Quiet())
    assert first.said == {("dtype", "bool")}
    later = run_checks(fn, Quiet(), said=first.said)
    assert later.message.en == "1 check(s) passed: the real data"
