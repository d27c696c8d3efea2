"""Tests of autograder.feedback: a report as a course keeps it, and the student's HTML page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from autograder import __version__
from autograder.feedback import curve_svg, feedback_path, filed, render_html, write_feedback
from dlcheck.results import Curve, SubmissionReport, TestResult
from dlcheck.text import Text, tr

COSTS = Curve(Text("cost", "비용"), (0.69, 0.5, 0.3), (0.69, 0.4, 0.2), Text("iterations (x100)", "반복 (x100)"))
TESTS = (
    TestResult("test_sigmoid", "sigmoid", 1.0, 1.0, True, Text("2 check(s) passed", "검사 2개 통과")),
    TestResult("test_propagate", "propagate", 0.0, 3.0, False,
               Text("propagate: cost is wrong. Hint: use np.log, not np.log10.",
                    "propagate: cost 값이 틀렸습니다. 힌트: np.log10이 아니라 np.log를 쓰세요.")),
    TestResult("test_model", "model", 2.0, 2.0, True, Text("1 check(s) passed", "검사 1개 통과"), (COSTS,)),
)
FEEDBACK = SubmissionReport("logistic_regression.ko.ipynb", "logistic_regression", list(TESTS), isolation="namespaces",
                            student="alice", assignment="week2", graded_at="2024-03-01T17:05:12Z",
                            grader_version=__version__)


def visible_text(page: str, lang: str) -> str:
    """The page's text as a reader of ``lang`` sees it: the other language's elements removed."""
    other = "ko" if lang == "en" else "en"
    page = re.sub(rf'<(span|div|tspan) class="[^"]*\b{other}" lang="{other}">.*?</\1>', "", page, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_does_the_page_give_the_score_per_function_and_the_reason_for_each_lost_point():
    """Does the page show the total, each function's points, and the lost function's
    message with its hint on a line of its own?"""
    page = render_html(FEEDBACK, "en")
    text = visible_text(page, "en")
    assert "<title>logistic_regression: 3 / 6</title>" in page
    assert "sigmoid 1 / 1 passed" in text and "propagate 0 / 3 failed" in text and "Total 3 / 6" in text
    assert "Where points were lost propagate 0 / 3 propagate: cost is wrong. Hint: use np.log, not np.log10." in text
    assert '<span class="hint"><strong>Hint:</strong> use np.log, not np.log10.</span>' in page


def test_does_the_page_say_who_what_when_and_how_it_was_graded():
    """Does the page name the student, assignment, file, time, grader version and isolation level?"""
    text = visible_text(render_html(FEEDBACK, "en"), "en")
    for fact in ("Student alice", "Assignment week2", "File logistic_regression.ko.ipynb",
                 "Graded at (UTC) 2024-03-01 17:05:12", f"Grader dl-autograder {__version__}",
                 "Isolation level namespaces"):
        assert fact in text


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_is_the_page_in_both_languages_shown_first_in_the_chosen_one(lang):
    """Does the page hold every message in both languages, with the chosen one's switch on?"""
    page = render_html(FEEDBACK, lang)
    assert f'<input type="radio" name="lang" class="lang" id="lang-{lang}" checked>' in page
    assert f'<html lang="{lang}">' in page
    assert "cost is wrong" in page and "cost 값이 틀렸습니다" in page
    assert "점수를 잃은 곳" in visible_text(page, "ko") and "점수를 잃은 곳" not in visible_text(page, "en")


def test_is_the_page_self_contained():
    """Does the page load nothing from elsewhere (no script, stylesheet, image or font link)?"""
    page = render_html(FEEDBACK, "en")
    assert not re.search(r"<script|<link|<img|@import|url\(|src=", page)
    assert not re.search(r'href="(?!#)', page)


def test_is_what_a_student_wrote_shown_as_text_never_as_markup():
    """Can an exception message or file name from the submission inject HTML into the page?"""
    evil = TestResult("test_sigmoid", "sigmoid", 0.0, 1.0, False,
                      Text("sigmoid: it raised ValueError: <script>alert(1)</script>",
                           "sigmoid: ValueError: <script>alert(1)</script>"))
    fb = SubmissionReport('"><img src=x onerror=alert(1)>.ipynb', "logistic_regression", [evil], student="eve",
                          assignment="week2")
    page = render_html(fb, "en")
    assert "<script>alert" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_is_a_file_that_could_not_be_graded_explained():
    """Does a file that could not be graded at all get the reason, not a list of failures?"""
    fb = SubmissionReport("logistic_regression.ipynb", "logistic_regression", list(TESTS[:1]),
                          error=Text("the file is not valid JSON", "올바른 JSON이 아닙니다"), student="bob", assignment="week2")
    text = visible_text(render_html(fb, "en"), "en")
    assert "Not graded the file is not valid JSON" in text
    assert "What was checked" not in text


def test_does_a_curve_become_an_inline_svg_of_both_series():
    """Is a kept curve drawn inline: two polylines (the student's solid, the reference's
    dashed) with one point per value, the title and the legend in both languages?"""
    svg = curve_svg(COSTS)
    lines = re.findall(r'<polyline [^>]*points="([^"]+)"', svg)
    assert len(lines) == 2 and all(len(points.split()) == 3 for points in lines)
    assert 'stroke-dasharray="6 4" points=' in svg
    assert all(word in svg for word in ("cost", "비용", "yours", "여러분", "reference", "정답"))
    assert svg in render_html(FEEDBACK, "en")


def test_a_flat_curve_does_not_divide_by_zero():
    """Is a curve whose values are all equal still drawn?"""
    assert "<polyline" in curve_svg(Curve(Text("c", "c"), (0.5, 0.5), (0.5, 0.5), Text("x", "x")))


def test_does_a_score_changed_by_the_instructor_show_as_such():
    """With the gradebook's scores (a manual 1.5 for propagate), does the page show them,
    marked as changed by the instructor?"""
    fb = FEEDBACK.with_scores({"test_sigmoid": 1.0, "test_propagate": 1.5, "test_model": None})
    assert fb.score == 4.5 and fb.adjusted == {"test_propagate"}
    assert "propagate 1.5 / 3 failed (changed by your instructor)" in visible_text(render_html(fb, "en"), "en")


def test_is_the_page_named_after_the_file_handed_in(tmp_path: Path):
    """Is the page feedback/<student>/<assignment>/<file stem>.html (the name nbgrader's
    exchange releases it under), written with no temporary file left?"""
    path = write_feedback(tmp_path, FEEDBACK, "ko")
    assert path == feedback_path(tmp_path, FEEDBACK) == tmp_path / "feedback/alice/week2/logistic_regression.ko.html"
    assert sorted(p.name for p in path.parent.iterdir()) == ["logistic_regression.ko.html"]


def test_a_filed_report_keeps_what_grading_said_and_says_whose_it_is():
    """Does a report filed for a course keep its tests and isolation level, named by its
    file's name, whose it is, and when and by which grader it was graded?"""
    r = SubmissionReport("/course/submitted/alice/week2/lr.ipynb", "week2/logistic_regression", list(TESTS),
                         isolation="processes")
    fb = filed(r, student="alice", assignment="week2", notebook="logistic_regression")
    assert (fb.submission, fb.notebook, fb.student, fb.assignment, fb.tests, fb.isolation, fb.grader_version) == (
        "lr.ipynb", "logistic_regression", "alice", "week2", list(TESTS), "processes", __version__)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", fb.graded_at)


def test_are_the_notes_of_a_report_shown_under_the_scores_and_kept():
    """Does a note the grader made for the whole file (which notebook a renamed file was
    graded as, whose step-by-step functions were used) reach the page, under the scores,
    in both languages, and survive the gradebook's JSON?"""
    note = Text("hw.ipynb: graded as logistic_regression", "hw.ipynb: logistic_regression 노트북으로 채점")
    r = SubmissionReport("/c/submitted/alice/week2/hw.ipynb", "week2/logistic_regression", list(TESTS), notes=[note])
    fb = filed(r, student="alice", assignment="week2", notebook="logistic_regression")
    assert fb.notes == [note]
    assert SubmissionReport.from_json(json.loads(json.dumps(fb.to_json()))) == fb
    for lang, text in (("en", note.en), ("ko", note.ko)):
        shown = visible_text(render_html(fb, lang), lang)
        assert f"{tr('Total', '합계').render(lang)} 3 / 6 {text} " in shown
