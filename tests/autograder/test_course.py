"""Tests of autograder.course: a whole nbgrader course graded into a real gradebook."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import report_schema
from nbformat.v4 import new_code_cell, new_notebook
from nbgrader.api import Gradebook

from autograder import gradebook
from autograder.course import CourseError, CourseNotebook, grade_course
from dlcheck.results import SubmissionReport, TestResult
from dlcheck.text import as_text

ASSIGNMENT = "week2"
NOTEBOOKS = {
    "logistic_regression": [("test_sigmoid", 2.0), ("test_propagate", 3.0)],
    "planar": [("test_forward", 5.0)],
}
#: points each student earns, by (student, notebook) and grade cell
SCORES = {
    ("alice", "logistic_regression"): {"test_sigmoid": 2.0, "test_propagate": 3.0},
    ("alice", "planar"): {"test_forward": 0.0},
    ("bob", "logistic_regression"): {"test_sigmoid": 2.0, "test_propagate": 0.0},
}


class FakeGrader:
    """A ``grade_file`` that returns the fixed SCORES and remembers what it was asked."""

    def __init__(self, errors: dict[str, str] | None = None) -> None:
        self.calls: list[tuple[str, str]] = []
        self.errors = errors or {}  # student -> error of their reports

    def __call__(self, path: Path, notebook: str) -> SubmissionReport:
        student = path.parent.parent.name
        self.calls.append((student, notebook))
        maxima = dict(NOTEBOOKS[notebook])
        tests = [
            TestResult(
                name=name,
                function=name.removeprefix("test_"),
                score=score,
                max_score=maxima[name],
                passed=score == maxima[name],
                message=as_text(""),
            )
            for name, score in SCORES.get((student, notebook), dict.fromkeys(maxima, 0.0)).items()
        ]
        return SubmissionReport(str(path), notebook, tests, error=self.errors.get(student))


def write_notebook(path: Path, source: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(new_notebook(cells=[new_code_cell(source)]), path)


@pytest.fixture
def course_dir(tmp_path: Path) -> Path:
    """alice submitted both notebooks, bob one and a scratch notebook."""
    course = tmp_path / "course"
    course.mkdir()
    (course / "nbgrader_config.py").write_text("c = get_config()\n")
    for student, notebook in SCORES:
        write_notebook(
            course / "submitted" / student / ASSIGNMENT / f"{notebook}.ipynb",
            f"def {student}s_{notebook}():\n    pass\n",  # each its own code: graded apart
        )
    write_notebook(course / "submitted" / "bob" / ASSIGNMENT / "scratch.ipynb", "1 + 1\n")
    return course


def dump(course: Path) -> list[str]:
    """Every row of every table of the course's gradebook, as SQL."""
    with sqlite3.connect(course / "gradebook.db") as db:
        return list(db.iterdump())


def run(course: Path, grader: FakeGrader, **kwargs) -> tuple[list[SubmissionReport], list[str]]:
    lines: list[str] = []
    reports = grade_course(course, ASSIGNMENT, grader, NOTEBOOKS, progress=lines.append, **kwargs).reports
    return reports, lines


@pytest.mark.subprocess
@pytest.mark.nbgrader
def test_nbgrader_export_lists_the_scores(course_dir: Path) -> None:
    """Does `nbgrader export` in the course directory list each student's total and the assignment's maximum?"""
    run(course_dir, FakeGrader())

    subprocess.run(
        [str(Path(sys.executable).parent / "nbgrader"), "export"],
        cwd=course_dir, check=True, capture_output=True, timeout=120,
    )

    with open(course_dir / "grades.csv", newline="") as f:
        rows = {row["student_id"]: row for row in csv.DictReader(f)}
    assert {s: (r["assignment"], r["raw_score"], r["score"], r["max_score"]) for s, r in rows.items()} == {
        "alice": ("week2", "5.0", "5.0", "10.0"),
        "bob": ("week2", "2.0", "2.0", "10.0"),
    }


def test_progress_and_reports(course_dir: Path) -> None:
    """Does each file get one progress line in sorted order, a notebook outside the assignment a line saying so
    (what it defines included), and a notebook of which no file was recognised a line saying it scores 0, naming
    the files that were not?"""
    grader = FakeGrader()

    lines: list[str] = []
    done = grade_course(course_dir, ASSIGNMENT, grader, NOTEBOOKS, progress=lines.append)

    assert lines == [
        "[1/4] alice/logistic_regression.ipynb 5/5",
        "[2/4] alice/planar.ipynb 0/5",
        "[3/4] bob/logistic_regression.ipynb 2/5",
        "[4/4] bob/scratch.ipynb skipped: not part of this assignment 'week2' "
        "(expected logistic_regression.ipynb, planar.ipynb); it defines no more than a few graded functions of any "
        "notebook",
        "[-] bob/planar.ipynb no file of this notebook was recognised: scratch.ipynb neither named after it nor "
        "defining most of its graded functions: 0/5",
    ]
    assert grader.calls == [("alice", "logistic_regression"), ("alice", "planar"), ("bob", "logistic_regression")]
    assert [(r.notebook, r.score, r.error) for r in done.reports] == [
        ("logistic_regression", 5.0, None),
        ("planar", 0.0, None),
        ("logistic_regression", 2.0, None),
    ]
    assert [(path.name, why.en) for path, why in done.skipped] == [
        ("scratch.ipynb", "not part of this assignment 'week2' (expected logistic_regression.ipynb, planar.ipynb); "
                          "it defines no more than a few graded functions of any notebook")]
    assert (done.not_handed_in, done.not_recognised) == (0, 1)


def test_second_run_grades_nothing_and_writes_nothing(course_dir: Path) -> None:
    """Does running twice leave the gradebook as the first run left it, without calling grade_file again?"""
    run(course_dir, FakeGrader())
    before = dump(course_dir)
    grader = FakeGrader()

    reports, lines = run(course_dir, grader)

    assert grader.calls == []
    assert dump(course_dir) == before
    assert reports == []
    assert lines[:3] == [
        "[1/4] alice/logistic_regression.ipynb 5/5 (unchanged, not regraded)",
        "[2/4] alice/planar.ipynb 0/5 (unchanged, not regraded)",
        "[3/4] bob/logistic_regression.ipynb 2/5 (unchanged, not regraded)",
    ]


def test_changed_file_is_regraded(course_dir: Path) -> None:
    """Is a submission whose content changed since it was recorded graded again, and only it?"""
    run(course_dir, FakeGrader())
    write_notebook(course_dir / "submitted/bob/week2/logistic_regression.ipynb", "# resubmitted\n")
    grader = FakeGrader()

    run(course_dir, grader)

    assert grader.calls == [("bob", "logistic_regression")]


def test_force_regrades_everything(course_dir: Path) -> None:
    """Does force=True grade every file again, and leave the same gradebook when the results are the same?"""
    run(course_dir, FakeGrader())
    before = dump(course_dir)
    grader = FakeGrader()

    run(course_dir, grader, force=True)

    assert grader.calls == [("alice", "logistic_regression"), ("alice", "planar"), ("bob", "logistic_regression")]
    assert dump(course_dir) == before


def _order(course_dir: Path, monkeypatch, **kwargs) -> list[str]:
    """Whether a run started grading ("graded") before it opened the gradebook ("opened")."""
    from autograder import batch

    events: list[str] = []
    started, opened = batch.started, gradebook.opened

    def logged(context, event):
        def enter(*args, **kw):
            events.append(event)
            return context(*args, **kw)
        return enter

    monkeypatch.setattr(batch, "started", logged(started, "graded"))
    monkeypatch.setattr(gradebook, "opened", logged(opened, "opened"))
    run(course_dir, FakeGrader(), **kwargs)
    monkeypatch.undo()
    return events


def test_grading_starts_before_the_gradebook_opens_when_no_file_can_be_skipped(course_dir: Path, monkeypatch) -> None:
    """When no file is recorded with its current content (a first run, every file changed,
    or force), is grading started before the gradebook is opened (so importing nbgrader
    overlaps it), and otherwise only once step 5 has read the gradebook?"""
    assert _order(course_dir, monkeypatch) == ["graded", "opened"]
    assert _order(course_dir, monkeypatch) == ["opened", "graded"]
    assert _order(course_dir, monkeypatch, force=True) == ["graded", "opened"]
    write_notebook(course_dir / "submitted/bob/week2/logistic_regression.ipynb", "# resubmitted\n")
    assert _order(course_dir, monkeypatch) == ["opened", "graded"]  # alice's files may be unchanged
    for notebook in ("alice/week2/logistic_regression", "alice/week2/planar", "bob/week2/logistic_regression"):
        write_notebook(course_dir / f"submitted/{notebook}.ipynb", "# all new\n")
    assert _order(course_dir, monkeypatch) == ["graded", "opened"]


def test_interrupted_run_resumes_where_it_stopped(course_dir: Path) -> None:
    """After a run dies on bob's file, does the next run keep alice's recorded results and grade only bob's?"""
    def dies_on_bob(path: Path, notebook: str) -> SubmissionReport:
        if path.parent.parent.name == "bob":
            raise RuntimeError("killed")
        return FakeGrader()(path, notebook)

    with pytest.raises(RuntimeError, match="killed"):
        run(course_dir, dies_on_bob)
    grader = FakeGrader()

    run(course_dir, grader)

    assert grader.calls == [("bob", "logistic_regression")]


def test_failed_grading_is_recorded_and_retried(course_dir: Path) -> None:
    """Is a report with an error recorded with its scores but graded again on the next run?"""
    _, lines = run(course_dir, FakeGrader(errors={"bob": "the sandbox did not start"}))
    assert lines[2] == "[3/4] bob/logistic_regression.ipynb 2/5 error: the sandbox did not start"
    grader = FakeGrader()

    run(course_dir, grader)

    assert grader.calls == [("bob", "logistic_regression")]


def test_submission_timestamp_is_recorded(course_dir: Path) -> None:
    """Is nbgrader's timestamp.txt of a submission stored as that submission's time, in UTC?"""
    (course_dir / "submitted/alice/week2/timestamp.txt").write_text("2024-03-01 17:05:12.5 UTC\n")

    run(course_dir, FakeGrader())

    with Gradebook(gradebook.db_url(course_dir)) as gb:
        assert str(gb.find_submission(ASSIGNMENT, "alice").timestamp) == "2024-03-01 17:05:12.500000"
        assert gb.find_submission(ASSIGNMENT, "bob").timestamp is None


def test_unreadable_timestamp_is_a_warning_not_a_stop(course_dir: Path) -> None:
    """Does a timestamp.txt that is not a time only warn (naming the file, in each language),
    grade everything, and leave that submission without a time, on every rerun too?"""
    path = course_dir / "submitted/alice/week2/timestamp.txt"
    path.write_text("yesterday-ish\n")

    lines: list[str] = []
    reports = grade_course(course_dir, ASSIGNMENT, FakeGrader(), NOTEBOOKS, progress=lines.append).reports
    assert len([r for r in reports if r.error is None]) == 3
    assert any(f"{path} holds 'yesterday-ish', not a timestamp" in line for line in lines)
    with Gradebook(gradebook.db_url(course_dir)) as gb:
        assert gb.find_submission(ASSIGNMENT, "alice").timestamp is None
    from autograder.course import _submission_timestamp

    assert _submission_timestamp(path.parent)[1].ko.startswith(f"{path} 파일의 내용 'yesterday-ish': ")


def test_symlinked_submissions_are_refused_not_followed(course_dir: Path, tmp_path: Path) -> None:
    """Is a submitted notebook that is a symbolic link (to the instructor's source, another
    student's file, or a system file) scored 0 and named, never read?"""
    target = tmp_path / "instructor_source.ipynb"
    write_notebook(target, "# the instructor's answers\n")
    bob = course_dir / "submitted/bob/week2/logistic_regression.ipynb"
    bob.unlink()
    bob.symlink_to(target)
    grader = FakeGrader()
    lines: list[str] = []
    reports = grade_course(course_dir, ASSIGNMENT, grader, NOTEBOOKS, progress=lines.append).reports
    assert ("bob", "logistic_regression") not in grader.calls
    refused = next(r for r in reports if r.submission == str(bob))
    assert refused.score == 0 and "symbolic link" in str(refused.error)
    assert "[3/4] bob/logistic_regression.ipynb not graded: it is a symbolic link; only files of their own are graded" \
        in lines


def test_a_folder_name_cannot_forge_a_progress_line(course_dir: Path) -> None:
    """Is a newline in a student's folder name shown escaped, so it cannot start a line of its own?"""
    write_notebook(course_dir / "submitted" / "eve\n[9 of 9] alice" / ASSIGNMENT / "logistic_regression.ipynb", "x = 1\n")
    lines: list[str] = []
    grade_course(course_dir, ASSIGNMENT, FakeGrader(), NOTEBOOKS, progress=lines.append)
    assert all("\n" not in line for line in lines)
    assert any("eve\\n[9 of 9] alice/logistic_regression.ipynb" in line for line in lines)


@pytest.mark.parametrize(
    ("remove", "assignment", "match"),  # remove: what to delete from the course dir
    [
        (".", ASSIGNMENT, r"no course directory at {course}: expected an nbgrader course directory"),
        ("submitted", ASSIGNMENT,
         r"no submitted/ folder in the course directory {course}: expected {course}/submitted/<student>/week2/\*.ipynb"),
        (None, "week9", r"no submissions of assignment 'week9' in {course}/submitted: .*; assignments found: week2"),
    ],
    ids=["no-course-dir", "no-submitted-folder", "no-such-assignment"],
)
def test_missing_layout_is_a_course_error(
    course_dir: Path, remove: str | None, assignment: str, match: str
) -> None:
    """Does a missing course directory, submitted/ folder or assignment raise a CourseError saying what was expected where?"""
    if remove is not None:
        shutil.rmtree(course_dir / remove)

    with pytest.raises(CourseError, match=match.format(course=re.escape(str(course_dir)))):
        grade_course(course_dir, assignment, FakeGrader(), NOTEBOOKS)


# -- what students and nbgrader's tools receive --------------------------------------------

def test_each_graded_notebook_gets_a_feedback_page_and_an_autograded_copy(course_dir: Path) -> None:
    """After a run, does each graded notebook have its feedback page (named after the file
    handed in) and its marked copy in autograded/, each beside the nbgrader files
    release_feedback reads?"""
    folder = course_dir / "submitted/alice/week2"
    (folder / "timestamp.txt").write_text("2024-03-01 17:05:12.5 UTC\n")
    (folder / "submission_secret.txt").write_text("s3cret\n")

    run(course_dir, FakeGrader())

    page = course_dir / "feedback/alice/week2/logistic_regression.html"
    assert "<title>logistic_regression: 5 / 5</title>" in page.read_text()
    copy = nbformat.read(course_dir / "autograded/alice/week2/logistic_regression.ipynb", as_version=4)
    assert {c.metadata.nbgrader["grade_id"] for c in copy.cells if "nbgrader" in c.metadata} == {
        "sigmoid", "test_sigmoid", "propagate", "test_propagate"}
    for where in ("feedback", "autograded"):
        assert (course_dir / where / "alice/week2/submission_secret.txt").read_text() == "s3cret\n"
        assert (course_dir / where / "alice/week2/timestamp.txt").is_file()
    assert sorted(p.name for p in (course_dir / "feedback/bob/week2").iterdir()) == ["logistic_regression.html"]


def test_a_notebook_not_handed_in_scores_zero_not_needs_grading(course_dir: Path) -> None:
    """Is bob's planar notebook, which he did not hand in, scored 0 and not left for
    manual grading (so his assignment is not listed as needing grading)?"""
    run(course_dir, FakeGrader())

    with Gradebook(gradebook.db_url(course_dir)) as gb:
        planar = gb.find_submission_notebook("planar", ASSIGNMENT, "bob")
        assert [(g.auto_score, g.needs_manual_grade) for g in planar.grades] == [(0.0, False)]
        assert [c.comment for c in planar.comments] == [
            "no file of this notebook was recognised: scratch.ipynb neither named after it nor defining most of its "
            "graded functions"]
        assert gb.find_submission(ASSIGNMENT, "bob").needs_manual_grade is False


def test_scores_replaced_by_another_tool_are_said_and_regraded(course_dir: Path) -> None:
    """If another tool (nbgrader autograde) replaced our scores since the last run, does the
    next run say so, with the change, and grade the file again instead of calling it
    unchanged?"""
    run(course_dir, FakeGrader())
    with Gradebook(gradebook.db_url(course_dir)) as gb:
        gb.find_grade("test_propagate", "logistic_regression", ASSIGNMENT, "alice").auto_score = 1.0
        gb.db.commit()
    grader = FakeGrader()

    _, lines = run(course_dir, grader)

    assert grader.calls == [("alice", "logistic_regression")]
    assert lines[0] == ("[1/4] alice/logistic_regression.ipynb its scores were changed in the gradebook since "
                        "autograde wrote them, by another tool (nbgrader autograde?): test_propagate 3 -> 1; "
                        "total 5 -> 3; grading it again")
    assert lines[1] == "[1/4] alice/logistic_regression.ipynb 5/5"
    with gradebook.opened(course_dir) as gb:
        assert gradebook.recorded(gb, ASSIGNMENT)["alice", "logistic_regression"].score == 5.0


def test_a_manual_score_reaches_the_feedback_without_regrading(course_dir: Path) -> None:
    """After an instructor changes a score in formgrader, does the next run rewrite the
    student's page with it (marked as changed) without grading the file again?"""
    run(course_dir, FakeGrader())
    with Gradebook(gradebook.db_url(course_dir)) as gb:
        gb.find_grade("test_propagate", "logistic_regression", ASSIGNMENT, "bob").manual_score = 2.0
        gb.db.commit()
    grader = FakeGrader()

    run(course_dir, grader)

    assert grader.calls == []
    page = (course_dir / "feedback/bob/week2/logistic_regression.html").read_text()
    assert "<title>logistic_regression: 4 / 5</title>" in page and "changed by your instructor" in page


def test_a_deleted_feedback_page_is_written_again_without_regrading(course_dir: Path) -> None:
    """Is a feedback page or autograded copy removed since (nbgrader autograde --force
    removes autograded/) written again from the gradebook on the next run?"""
    run(course_dir, FakeGrader())
    page = course_dir / "feedback/alice/week2/logistic_regression.html"
    before = page.read_text()
    page.unlink()
    shutil.rmtree(course_dir / "autograded/alice")
    grader = FakeGrader()

    run(course_dir, grader)

    assert grader.calls == [] and page.read_text() == before
    assert (course_dir / "autograded/alice/week2/logistic_regression.ipynb").is_file()


# -- file names ---------------------------------------------------------------------------------

CLASSIC = {"logistic_regression": CourseNotebook("logistic_regression", NOTEBOOKS["logistic_regression"],
                                                 ("Logistic_Regression_with_a_Neural_Network_mindset", "W2A2")),
           "planar": CourseNotebook("planar", NOTEBOOKS["planar"], ("Planar_data_classification_with_one_hidden_layer",))}


def test_classic_file_names_are_graded_without_renaming(tmp_path: Path) -> None:
    """Is a file named as in the classic course (with a version suffix) graded as its
    notebook, its feedback named after the file and its autograded copy after the notebook?"""
    course = tmp_path / "course"
    write_notebook(course / "submitted/alice/W2A2/Logistic_Regression_with_a_Neural_Network_mindset_v6a.ipynb", "x\n")
    grader = FakeGrader()

    lines: list[str] = []
    grade_course(course, "W2A2", grader, {"logistic_regression": CLASSIC["logistic_regression"]},
                 progress=lines.append)

    assert grader.calls == [("alice", "logistic_regression")]
    assert (course / "feedback/alice/W2A2/Logistic_Regression_with_a_Neural_Network_mindset_v6a.html").is_file()
    assert (course / "autograded/alice/W2A2/logistic_regression.ipynb").is_file()


def test_a_file_matching_no_notebook_says_what_would_match(course_dir: Path) -> None:
    """Does the line for a file of no notebook list the names that would have matched,
    classic names included?"""
    skipped = grade_course(course_dir, ASSIGNMENT, FakeGrader(), CLASSIC).skipped
    [why] = [why for path, why in skipped if path.name == "scratch.ipynb"]
    assert why.en == (
        "not part of this assignment 'week2' (expected logistic_regression.ipynb "
        "(or Logistic_Regression_with_a_Neural_Network_mindset*.ipynb), planar.ipynb "
        "(or Planar_data_classification_with_one_hidden_layer*.ipynb)); it defines no more than a few graded "
        "functions of any notebook")


def fingerprint(path: Path) -> str:
    from dlcheck.extract import read_submission

    return read_submission(path).fingerprint()


def _edition(folder: Path, name: str, source: str, mtime: int) -> Path:
    write_notebook(folder / name, source)
    os.utime(folder / name, (mtime, mtime))
    return folder / name


def test_an_untouched_edition_is_passed_over_even_when_newer(tmp_path: Path) -> None:
    """When a student hands in the English edition untouched (and newer) and the Korean one
    edited (both were released), is only the edited one graded, the other listed with why?"""
    course = tmp_path / "course"
    folder = course / "submitted/alice/week2"
    stub = _edition(folder, "logistic_regression.ipynb", "def sigmoid(z):\n    raise NotImplementedError\n", 2000)
    _edition(folder, "logistic_regression.ko.ipynb", "def sigmoid(z):\n    return z\n", 1000)
    books = {"logistic_regression": CourseNotebook("logistic_regression", NOTEBOOKS["logistic_regression"],
                                                   released=frozenset({fingerprint(stub)}))}
    asked: list[str] = []

    def grader(path: Path, notebook: str) -> SubmissionReport:
        asked.append(path.name)
        return FakeGrader()(path, notebook)

    lines: list[str] = []
    done = grade_course(course, ASSIGNMENT, grader, books, progress=lines.append)

    assert asked == ["logistic_regression.ko.ipynb"]
    assert lines[0] == ("[1/2] alice/logistic_regression.ipynb not graded: an untouched copy of the released "
                        "notebook; logistic_regression.ko.ipynb is graded")
    assert [path.name for path, _ in done.skipped] == ["logistic_regression.ipynb"]
    assert (course / "feedback/alice/week2/logistic_regression.ko.html").is_file()


@pytest.mark.parametrize(("chosen", "shown"), [(None, "ko"), ("en", "en")], ids=["edition", "chosen"])
def test_a_korean_editions_feedback_opens_in_korean(course_dir: Path, monkeypatch, chosen, shown) -> None:
    """Does the feedback page (and the marked copy's comments) of a Korean edition open in
    Korean, while an English edition's follows the usual choice, unless a language was chosen?"""
    monkeypatch.delenv("AUTOGRADE_LANG", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    folder = course_dir / "submitted/alice/week2"
    (folder / "logistic_regression.ipynb").rename(folder / "logistic_regression.ko.ipynb")
    run(course_dir, FakeGrader(), lang=chosen)
    korean = (course_dir / "feedback/alice/week2/logistic_regression.ko.html").read_text()
    english = (course_dir / "feedback/bob/week2/logistic_regression.html").read_text()
    assert f'<html lang="{shown}">' in korean and '<html lang="en">' in english


def test_of_several_edited_copies_only_the_newest_is_graded(tmp_path: Path) -> None:
    """When a student hands in several edited copies of one notebook, is only the newest
    graded (never the best of them: each copy draws other hidden inputs), the others listed
    as not graded, and the score recorded the newest one's?"""
    course = tmp_path / "course"
    folder = course / "submitted/alice/week2"
    for i, name in enumerate(["logistic_regression.ipynb", "logistic_regression (2).ipynb",
                              "logistic_regression.ko.ipynb"]):
        _edition(folder, name, f"def sigmoid(z):\n    return z  # copy {i}\n", 1000 + (i == 1) * 500)

    def grader(path: Path, notebook: str) -> SubmissionReport:
        points = 0.0 if "(2)" in path.name else 2.0  # the newest copy is the worst one
        tests = [TestResult("test_sigmoid", "sigmoid", points, 2.0, points == 2.0, as_text("")),
                 TestResult("test_propagate", "propagate", 0.0, 3.0, False, as_text(""))]
        return SubmissionReport(str(path), notebook, tests)

    lines: list[str] = []
    done = grade_course(course, ASSIGNMENT, grader, {"logistic_regression": NOTEBOOKS["logistic_regression"]},
                        progress=lines.append)

    assert [Path(r.submission).name for r in done.reports] == ["logistic_regression (2).ipynb"]
    assert sorted(path.name for path, _ in done.skipped) == ["logistic_regression.ipynb",
                                                             "logistic_regression.ko.ipynb"]
    assert "[1/3] alice/logistic_regression (2).ipynb 0/5" in lines
    assert ("[2/3] alice/logistic_regression.ipynb not graded: one file of a notebook is graded: "
            "logistic_regression (2).ipynb, the newest edited one") in lines
    with gradebook.opened(course) as gb:
        assert gradebook.recorded(gb, ASSIGNMENT)["alice", "logistic_regression"].score == 0.0


def test_a_notebook_withdrawn_since_scores_zero_and_leaves_formgrader(course_dir: Path) -> None:
    """If a student's resubmission no longer holds a notebook graded before, is it scored 0
    and its autograded copy removed (formgrader would list it otherwise)?"""
    run(course_dir, FakeGrader())
    (course_dir / "submitted/alice/week2/logistic_regression.ipynb").unlink()

    _, lines = run(course_dir, FakeGrader())

    assert "[-] alice/logistic_regression.ipynb not handed in: 0/5" in lines
    assert not (course_dir / "autograded/alice/week2/logistic_regression.ipynb").exists()
    with gradebook.opened(course_dir) as gb:
        final = gradebook.final_scores(gb, ASSIGNMENT, "alice", "logistic_regression")
    assert final == {
        "test_sigmoid": 0.0, "test_propagate": 0.0}


# -- names, functions and companions: what learners of the classic course hand in ----------

from autograder import ROOT, specs  # noqa: E402
from autograder.course import course_notebook  # noqa: E402

PLANAR = specs.get("week3/planar_data_classification")
STEP = specs.get("week4/deep_network_step_by_step")
APP = specs.get("week4/deep_network_application")
#: Notebooks in the classic course's shape, written by this project (examples/): never a learner's code.
CLASSIC_PLANAR = ROOT / "examples/week3/classic_course.ipynb"
CLASSIC_STEP = ROOT / "examples/week4/step_by_step/classic_course.ipynb"
OWN_APP = ROOT / "examples/week4/application/correct/deep_network_application.ipynb"


class Recorder:
    """A ``grade_file`` that scores every function full and remembers each call, with the
    companion files it was given."""

    def __init__(self, books: dict[str, CourseNotebook]) -> None:
        self.books = books
        self.calls: list[tuple[str, str, str, dict | None]] = []

    def __call__(self, path: Path, notebook: str, companions: dict | None = None) -> SubmissionReport:
        student = path.parts[path.parts.index("submitted") + 1]
        self.calls.append((student, notebook, path.name, companions))
        tests = [TestResult(t, t.removeprefix("test_"), p, p, True, as_text("")) for t, p in self.books[notebook].cells]
        return SubmissionReport(str(path), notebook, tests)


def _week(assignment: str, *spec_list) -> dict[str, CourseNotebook]:
    books = {s.stem: course_notebook(s) for s in spec_list}
    for s in spec_list:
        used = tuple(books.get(specs.get(c).stem) or course_notebook(specs.get(c)) for c in s.companions)
        books[s.stem] = CourseNotebook(**{**books[s.stem].__dict__, "companions": used})
    return books


def _copy(source: Path, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(source.read_bytes())
    return dest


def test_downloaded_and_renamed_week3_notebooks_are_graded_not_called_missing(tmp_path: Path) -> None:
    """Are Coursera's download name (``+`` for spaces), a numbered rename and a name that says
    nothing (recognised by the functions it defines, said on a progress line and in a note)
    each graded as the planar notebook; and does a student whose only file is recognised as
    nothing get a 0 that says so, not 'not handed in'?"""
    course = tmp_path / "course"
    sub = course / "submitted"
    _copy(CLASSIC_PLANAR, sub / "alice/W3A1/Planar+data+classification+with+one+hidden+layer+v5.ipynb")
    _copy(CLASSIC_PLANAR, sub / "bob/W3A1/a1_planar_data_classification_with_one_hidden_layer.ipynb")
    _copy(CLASSIC_PLANAR, sub / "carol/W3A1/homework 3.ipynb")
    write_notebook(sub / "dave/W3A1/notes.ipynb", "print('hello')\n")
    books = _week("W3A1", PLANAR)
    grader = Recorder(books)
    lines: list[str] = []
    done = grade_course(course, "W3A1", grader, books, progress=lines.append)
    assert [(student, name) for student, _, name, _ in grader.calls] == [
        ("alice", "Planar+data+classification+with+one+hidden+layer+v5.ipynb"),
        ("bob", "a1_planar_data_classification_with_one_hidden_layer.ipynb"), ("carol", "homework 3.ipynb")]
    assert ("[3/4] carol/homework 3.ipynb its name means no notebook; it defines 8 of the 8 graded functions of "
            "planar_data_classification, so it is taken for planar_data_classification") in lines
    assert done.reports[2].notes[0].en.startswith("homework 3.ipynb: its name means no notebook; it defines 8 of")
    assert lines[-1] == ("[-] dave/planar_data_classification.ipynb no file of this notebook was recognised: "
                         "notes.ipynb neither named after it nor defining most of its graded functions: 0/12")
    assert (done.not_handed_in, done.not_recognised) == (0, 1)
    page = (course / "feedback/carol/W3A1/homework 3.html").read_text()
    assert "it defines 8 of the 8 graded functions of planar_data_classification" in page


def test_one_file_per_notebook_holds_for_files_recognised_by_their_functions(tmp_path: Path) -> None:
    """Is a renamed copy, recognised by its functions, one more file of its notebook: the
    newest file graded, the other listed, never both?"""
    course = tmp_path / "course"
    folder = course / "submitted/alice/W3A1"
    named = _copy(CLASSIC_PLANAR, folder / "Planar_data_classification_with_one_hidden_layer.ipynb")
    renamed = _copy(CLASSIC_PLANAR, folder / "my copy.ipynb")
    nb = json.loads(renamed.read_text())
    nb["cells"].append({"cell_type": "code", "id": "added", "metadata": {}, "source": "def helper():\n    return 1\n",
                        "outputs": [], "execution_count": None})
    renamed.write_text(json.dumps(nb))
    os.utime(named, (1000, 1000))
    books = _week("W3A1", PLANAR)
    grader = Recorder(books)
    done = grade_course(course, "W3A1", grader, books)
    assert [name for _, _, name, _ in grader.calls] == ["my copy.ipynb"]
    assert [(p.name, why.en) for p, why in done.skipped] == [
        ("Planar_data_classification_with_one_hidden_layer.ipynb",
         "one file of a notebook is graded: my copy.ipynb, the newest edited one")]


def test_week4_notebooks_in_sibling_folders_are_paired(tmp_path: Path) -> None:
    """With the step-by-step notebook in ``W4A1/`` under a name that says nothing and the
    application in ``W4A2/`` under Coursera's name, are both graded (week4), the
    application with that step-by-step file; and with the application's assignment alone
    (W4A2), is the step-by-step file used with it, listed as not graded there?"""
    course = tmp_path / "course"
    alice = course / "submitted/alice"
    for assignment in ("week4", "W4A2"):
        step = _copy(CLASSIC_STEP, alice / assignment / "W4A1/a1_building_your_deep_neural_network.ipynb")
        _copy(OWN_APP, alice / assignment / "W4A2/Deep+Neural+Network+-+Application+v8.ipynb")
        books = _week(assignment, *([STEP, APP] if assignment == "week4" else [APP]))
        grader = Recorder(books)
        lines: list[str] = []
        grade_course(course, assignment, grader, books, progress=lines.append)
        graded = {notebook: (name, companions) for _, notebook, name, companions in grader.calls}
        assert graded["deep_network_application"] == ("Deep+Neural+Network+-+Application+v8.ipynb",
                                                      {"deep_network_step_by_step": step})
        if assignment == "week4":
            assert graded["deep_network_step_by_step"] == ("a1_building_your_deep_neural_network.ipynb", None)
        else:
            assert set(graded) == {"deep_network_application"}
            assert ("[1/2] alice/W4A1/a1_building_your_deep_neural_network.ipynb not graded in 'W4A2': used as the "
                    "deep_network_step_by_step notebook of deep_network_application") in lines


def test_a_step_by_step_notebook_handed_in_later_regrades_the_application(tmp_path: Path) -> None:
    """When a student adds the step-by-step notebook after the application was graded
    without it, is the application graded again, now with it (its record covers both files)?"""
    course = tmp_path / "course"
    folder = course / "submitted/alice/week4"
    _copy(OWN_APP, folder / "deep_network_application.ipynb")
    books = _week("week4", STEP, APP)
    grader = Recorder(books)
    grade_course(course, "week4", grader, books)
    assert grader.calls[-1][3] == {"deep_network_step_by_step": None}
    grade_course(course, "week4", grader, books)
    assert len(grader.calls) == 1  # unchanged: not graded again
    step = _copy(CLASSIC_STEP, folder / "deep_network_step_by_step.ipynb")
    grade_course(course, "week4", grader, books)
    assert [(notebook, companions) for _, notebook, _, companions in grader.calls[1:]] == [
        ("deep_network_application", {"deep_network_step_by_step": step}), ("deep_network_step_by_step", None)]


def test_the_walk_below_a_students_folder_follows_no_link_and_no_hidden_folder(tmp_path: Path) -> None:
    """Are notebooks in subfolders found, while a symbolic link to another student's folder
    and Jupyter's hidden ``.ipynb_checkpoints`` are not looked into?"""
    course = tmp_path / "course"
    bob = course / "submitted/bob/W3A1"
    _copy(CLASSIC_PLANAR, bob / "deep/er/Planar_data_classification_with_one_hidden_layer.ipynb")
    alice = course / "submitted/alice/W3A1"
    _copy(CLASSIC_PLANAR, alice / ".ipynb_checkpoints/Planar_data_classification_with_one_hidden_layer-checkpoint.ipynb")
    (alice / "bobs").symlink_to(bob / "deep", target_is_directory=True)
    from autograder.course import find_files

    files, beyond = find_files(course, "W3A1")
    assert [f.label for f in files] == ["[1/1] bob/deep/er/Planar_data_classification_with_one_hidden_layer.ipynb"]


def test_the_report_kept_per_notebook_is_the_documented_one(course_dir: Path) -> None:
    """Is what the gradebook keeps for each notebook (graded, not graded, or not handed in:
    none) a report of the schema in docs/report.md, whose student it says?"""
    (course_dir / "submitted" / "carol" / ASSIGNMENT).mkdir(parents=True)
    (course_dir / "submitted" / "carol" / ASSIGNMENT / "logistic_regression.ipynb").write_text("not json")
    run(course_dir, FakeGrader(errors={"carol": "not valid JSON"}))

    with sqlite3.connect(course_dir / "gradebook.db") as db:
        kept = db.execute("SELECT student, notebook, report FROM autograder_report").fetchall()
    reports = {(student, notebook): json.loads(report) for student, notebook, report in kept}
    assert reports["bob", "planar"] == {"missing": True}
    graded = {key: report for key, report in reports.items() if "missing" not in report}
    assert set(graded) == {("alice", "logistic_regression"), ("alice", "planar"), ("bob", "logistic_regression"),
                           ("carol", "logistic_regression")}
    for (student, _), report in graded.items():
        report_schema.validate(report)
        assert report["student"] == student
    assert graded["carol", "logistic_regression"]["error"] == "not valid JSON"
