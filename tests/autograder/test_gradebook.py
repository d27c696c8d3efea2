"""Tests of autograder.gradebook against nbgrader's real Gradebook (sqlite in tmp_path)."""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from nbgrader.api import Gradebook
from sqlalchemy import event
from sqlalchemy.orm import Session

from autograder import gradebook
from autograder.gradebook import GradebookError, Recorded, ensure_assignment, record, record_missing, recorded
from dlcheck.results import SubmissionReport, TestResult
from dlcheck.text import Text

ASSIGNMENT = "week2"
NOTEBOOKS = {"logistic_regression": [("test_sigmoid", 2.0), ("test_propagate", 3.0)]}


def result(name: str, score: float, max_score: float) -> TestResult:
    return TestResult(
        name=name,
        function=name.removeprefix("test_"),
        score=score,
        max_score=max_score,
        passed=score == max_score,
        message=Text(f"{name}: the English message", f"{name}: 한국어 메시지"),
    )


FULL = [result("test_sigmoid", 2, 2), result("test_propagate", 3, 3)]
PARTIAL = [result("test_sigmoid", 2, 2), result("test_propagate", 0, 3)]


@pytest.fixture(scope="module")
def made_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A course directory whose gradebook ensure_assignment made for week2/logistic_regression."""
    course = tmp_path_factory.mktemp("made-once") / "course"
    course.mkdir()
    with gradebook.opened(course) as gb:
        ensure_assignment(gb, ASSIGNMENT, NOTEBOOKS)
    return course


@pytest.fixture
def course(made_once: Path, tmp_path: Path) -> Path:
    """A copy of ``made_once`` of the test's own: the same file, without making a gradebook
    per test (a quarter of a second each; ``test_fresh_gradebook_*`` makes one)."""
    return shutil.copytree(made_once, tmp_path / "course")


@pytest.fixture
def gb(course: Path) -> Iterator[Gradebook]:
    """The test's gradebook, open."""
    with gradebook.opened(course) as opened:
        yield opened


def report(tests: list[TestResult]) -> SubmissionReport:
    """A report of ``tests``, as the engine makes one."""
    return SubmissionReport("logistic_regression.ipynb", "logistic_regression", list(tests))


def dump(course: Path) -> list[str]:
    """Every row of every table of the course's gradebook, as SQL."""
    with sqlite3.connect(course / "gradebook.db") as db:
        return list(db.iterdump())


def grades(course: Path, student: str, notebook: str = "logistic_regression") -> dict:
    """grade cell name -> (auto_score, manual_score, needs_manual_grade) of one submission."""
    with Gradebook(gradebook.db_url(course)) as gb:
        submitted = gb.find_submission_notebook(notebook, ASSIGNMENT, student)
        return {
            g.name: (g.auto_score, g.manual_score, g.needs_manual_grade) for g in submitted.grades
        }


def test_record_sets_auto_scores(course: Path, gb: Gradebook) -> None:
    """Does each result's score land in the student's Grade of the cell with its name, not flagged for manual grading?"""
    record(gb, ASSIGNMENT, "alice", "logistic_regression", report(PARTIAL), sha256="aa")

    assert grades(course, "alice") == {
        "test_sigmoid": (2.0, None, False),
        "test_propagate": (0.0, None, False),
    }
    with Gradebook(gradebook.db_url(course)) as gb:
        submission = gb.find_submission(ASSIGNMENT, "alice")
        assert (submission.score, submission.max_score) == (2.0, 5.0)


def test_record_twice_changes_nothing(course: Path, gb: Gradebook) -> None:
    """Does recording the same results again leave every row of the gradebook as it was?"""
    record(gb, ASSIGNMENT, "alice", "logistic_regression", report(PARTIAL), sha256="aa")
    before = dump(course)

    record(gb, ASSIGNMENT, "alice", "logistic_regression", report(PARTIAL), sha256="aa")

    assert dump(course) == before


def test_record_replaces_previous_scores(course: Path, gb: Gradebook) -> None:
    """Does a new recording replace the old scores, and leave a cell with no result ungraded rather than stale?"""
    record(gb, ASSIGNMENT, "alice", "logistic_regression", report(FULL), sha256="aa")

    record(gb, ASSIGNMENT, "alice", "logistic_regression", report([result("test_sigmoid", 0, 2)]))

    assert grades(course, "alice") == {
        "test_sigmoid": (0.0, None, False),
        "test_propagate": (None, None, True),
    }


@pytest.mark.parametrize(
    ("tests", "match"),
    [
        ([result("test_softmax", 1, 1)], r"'test_softmax' has no grade cell in week2/logistic_regression"),
        ([result("test_sigmoid", 2, 4)], r"out of 4 points but grade cell .*test_sigmoid is out of 2"),
        ([result("test_sigmoid", 3, 2)], r"scores 3, outside \[0, 2\]"),
        ([result("test_sigmoid", 2, 2)] * 2, r"two results named 'test_sigmoid'"),
    ],
    ids=["unknown-cell", "other-max-score", "score-above-max", "duplicate"],
)
def test_record_rejects_results_the_gradebook_does_not_know(
    course: Path, gb: Gradebook, tests: list[TestResult], match: str
) -> None:
    """Is a result that does not match a grade cell an error that names it, with nothing written?"""
    before = dump(course)

    with pytest.raises(GradebookError, match=match):
        record(gb, ASSIGNMENT, "alice", "logistic_regression", report(tests), sha256="aa")

    assert dump(course) == before


@pytest.mark.parametrize(
    ("assignment", "notebook", "match"),
    [
        ("week9", "logistic_regression", r"no assignment 'week9'; call ensure_assignment first"),
        (ASSIGNMENT, "planar", r"no notebook 'planar' in assignment 'week2' \(it has \['logistic_regression'\]\)"),
    ],
    ids=["assignment", "notebook"],
)
def test_record_needs_ensure_assignment(gb: Gradebook, assignment: str, notebook: str, match: str) -> None:
    """Does recording into an assignment or notebook the gradebook lacks say to call ensure_assignment?"""
    with pytest.raises(GradebookError, match=match):
        record(gb, assignment, "alice", notebook, report(FULL))


@pytest.mark.parametrize("student", ["alice", "bob"], ids=["existing-student", "new-student"])
def test_interrupted_record_leaves_gradebook_unchanged(
    course: Path, gb: Gradebook, monkeypatch: pytest.MonkeyPatch, student: str
) -> None:
    """Does an exception halfway through record roll back every row it had added or changed?"""
    record(gb, ASSIGNMENT, "alice", "logistic_regression", report(PARTIAL), sha256="aa")
    before = dump(course)
    calls = []
    real = gradebook._set_auto_score

    def fail_on_second_grade(grade, auto_score):
        calls.append(auto_score)
        if len(calls) == 2:
            raise KeyboardInterrupt("killed")
        real(grade, auto_score)

    monkeypatch.setattr(gradebook, "_set_auto_score", fail_on_second_grade)

    with pytest.raises(KeyboardInterrupt):
        record(gb, ASSIGNMENT, student, "logistic_regression", report(FULL), sha256="bb")

    assert len(calls) == 2
    assert dump(course) == before


def test_recorded_lists_complete_results_with_their_hash(course: Path, gb: Gradebook) -> None:
    """Does recorded list a notebook with its file hash and scores only when every cell has a score and a hash was given?"""
    record(gb, ASSIGNMENT, "alice", "logistic_regression", report(PARTIAL), sha256="aa")
    record(gb, ASSIGNMENT, "bob", "logistic_regression", report(FULL[:1]), sha256="bb")  # incomplete
    record(gb, ASSIGNMENT, "carol", "logistic_regression", report(FULL), sha256=None)  # failed grading

    assert recorded(gb, ASSIGNMENT) == {
        ("alice", "logistic_regression"): Recorded(
            sha256="aa", scores={"test_propagate": 0.0, "test_sigmoid": 2.0},
            max_scores={"test_propagate": 3.0, "test_sigmoid": 2.0},
            written={"test_propagate": 0.0, "test_sigmoid": 2.0}, report=report(PARTIAL))
    }
    assert recorded(gb, ASSIGNMENT)["alice", "logistic_regression"].score == 2.0


def test_new_grade_cell_makes_notebooks_unrecorded(course: Path, gb: Gradebook) -> None:
    """Does adding a grade cell send every recorded notebook back for grading, and can it then be recorded?"""
    record(gb, ASSIGNMENT, "alice", "logistic_regression", report(FULL), sha256="aa")
    cells = NOTEBOOKS["logistic_regression"] + [("test_optimize", 4.0)]

    ensure_assignment(gb, ASSIGNMENT, {"logistic_regression": cells})

    assert recorded(gb, ASSIGNMENT) == {}
    record(gb, ASSIGNMENT, "alice", "logistic_regression", report(FULL + [result("test_optimize", 4, 4)]), sha256="aa")
    assert recorded(gb, ASSIGNMENT)["alice", "logistic_regression"].score == 9.0


def test_changed_points_make_notebooks_unrecorded(course: Path, gb: Gradebook) -> None:
    """Does changing a grade cell's points forget the recorded hashes of that notebook?"""
    record(gb, ASSIGNMENT, "alice", "logistic_regression", report(FULL), sha256="aa")

    ensure_assignment(gb, ASSIGNMENT, {"logistic_regression": [("test_sigmoid", 1.0), ("test_propagate", 3.0)]})

    assert recorded(gb, ASSIGNMENT) == {}


def test_declaring_an_unchanged_assignment_again_commits_nothing(course: Path, gb: Gradebook) -> None:
    """Does a course run after the first, declaring what the gradebook holds, leave it
    untouched (nbgrader's update_or_create_* each commit), and does a solution cell another
    tool removed still come back?"""
    commits = []
    listener = commits.append
    event.listen(Session, "after_commit", listener)
    try:
        ensure_assignment(gb, ASSIGNMENT, NOTEBOOKS)
        assert commits == []
        with sqlite3.connect(course / "gradebook.db") as db:
            gone = db.execute("SELECT id FROM base_cell WHERE name = 'propagate'").fetchone()
            db.execute("DELETE FROM solution_cells WHERE id = ?", gone)
            db.execute("DELETE FROM base_cell WHERE id = ?", gone)
        gb.db.expire_all()
        ensure_assignment(gb, ASSIGNMENT, NOTEBOOKS)
        assert commits
    finally:
        event.remove(Session, "after_commit", listener)
    assert "propagate" in {c.name for c in gb.find_notebook("logistic_regression", ASSIGNMENT).solution_cells}


def test_ensure_assignment_refuses_to_drop_a_grade_cell(course: Path, gb: Gradebook) -> None:
    """Is a function removed from the assignment an error naming its grade cell, rather than points nobody grades?"""
    with pytest.raises(GradebookError, match=r"no longer defines: week2/logistic_regression/test_propagate;"):
        ensure_assignment(gb, ASSIGNMENT, {"logistic_regression": [("test_sigmoid", 2.0)]})


def test_ensure_assignment_refuses_to_drop_a_notebook(course: Path, gb: Gradebook) -> None:
    """Is a notebook removed from the assignment an error naming its grade cells?"""
    with pytest.raises(
        GradebookError,
        match=r"no longer defines: week2/logistic_regression/test_propagate, week2/logistic_regression/test_sigmoid;",
    ):
        ensure_assignment(gb, ASSIGNMENT, {"planar": [("test_forward", 5.0)]})


def test_notebook_added_after_a_submission_can_be_recorded(course: Path, gb: Gradebook) -> None:
    """Can a notebook added to the assignment after a student's submission was created be recorded for that student?"""
    record(gb, ASSIGNMENT, "alice", "logistic_regression", report(FULL), sha256="aa")

    ensure_assignment(gb, ASSIGNMENT, {**NOTEBOOKS, "planar": [("test_forward", 5.0)]})
    record(gb, ASSIGNMENT, "alice", "planar", report([result("test_forward", 5, 5)]), sha256="pp")

    assert grades(course, "alice", "planar") == {"test_forward": (5.0, None, False)}
    assert set(recorded(gb, ASSIGNMENT)) == {("alice", "logistic_regression"), ("alice", "planar")}


def test_record_keeps_manual_scores(course: Path, gb: Gradebook) -> None:
    """Does recording keep a grader's manual score, and keep that grade flagged for review as nbgrader does?"""
    record(gb, ASSIGNMENT, "alice", "logistic_regression", report(PARTIAL), sha256="aa")
    with Gradebook(gradebook.db_url(course)) as other:
        other.find_grade("test_propagate", "logistic_regression", ASSIGNMENT, "alice").manual_score = 1.5
        other.db.commit()

    record(gb, ASSIGNMENT, "alice", "logistic_regression", report(PARTIAL), sha256="aa")

    assert grades(course, "alice")["test_propagate"] == (0.0, 1.5, True)


def test_record_sets_submission_timestamp(course: Path, gb: Gradebook) -> None:
    """Is the submission time given to record stored in UTC on the student's submission?"""
    record(gb, ASSIGNMENT, "alice", "logistic_regression", report(FULL), timestamp="2024-03-01T18:05:00+01:00")

    with Gradebook(gradebook.db_url(course)) as other:
        assert str(other.find_submission(ASSIGNMENT, "alice").timestamp) == "2024-03-01 17:05:00"


def test_fresh_gradebook_without_alembic_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Can a gradebook be created when the venv is not activated (nbgrader runs the `alembic` command)?"""
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))

    with gradebook.opened(tmp_path) as gb:
        ensure_assignment(gb, ASSIGNMENT, NOTEBOOKS)

    assert (tmp_path / "gradebook.db").is_file()


def test_missing_course_dir_is_named(tmp_path: Path) -> None:
    """Does a course directory that does not exist give an error naming it, instead of an sqlite error?"""
    with pytest.raises(GradebookError, match=re.escape(f"no course directory at {tmp_path / 'nope'}")):
        with gradebook.opened(tmp_path / "nope"):
            pass


def comments(course: Path, student: str, notebook: str = "logistic_regression") -> dict:
    """solution cell name -> auto_comment of one submission."""
    with Gradebook(gradebook.db_url(course)) as gb:
        submitted = gb.find_submission_notebook(notebook, ASSIGNMENT, student)
        return {c.name: c.auto_comment for c in submitted.comments}


def test_each_function_gets_a_solution_cell_whose_comment_is_its_message(course: Path, gb: Gradebook) -> None:
    """Does each graded function have a solution cell named after it, whose comment is the
    function's points and message (what formgrader and nbgrader's feedback show)?"""
    record(gb, ASSIGNMENT, "alice", "logistic_regression", report(PARTIAL), sha256="aa")

    assert comments(course, "alice") == {
        "sigmoid": "sigmoid: 2/2. test_sigmoid: the English message",
        "propagate": "propagate: 0/3. test_propagate: the English message",
    }


def test_comments_follow_the_language(course: Path, gb: Gradebook) -> None:
    """Are the comments written in the chosen language?"""
    from dlcheck.text import set_language

    set_language("ko")
    record(gb, ASSIGNMENT, "alice", "logistic_regression", report(PARTIAL), sha256="aa")

    assert comments(course, "alice")["propagate"] == "propagate: 0/3. test_propagate: 한국어 메시지"


def test_scores_replaced_by_another_tool_are_seen(course: Path, gb: Gradebook) -> None:
    """When another tool (nbgrader autograde) replaces a score we wrote, does recorded say
    which cell changed, from what to what?"""
    record(gb, ASSIGNMENT, "alice", "logistic_regression", report(FULL), sha256="aa")
    assert recorded(gb, ASSIGNMENT)["alice", "logistic_regression"].changed_by_others == {}
    with Gradebook(gradebook.db_url(course)) as other:
        other.find_grade("test_propagate", "logistic_regression", ASSIGNMENT, "alice").auto_score = 1.0
        other.db.commit()

    again = recorded(gb, ASSIGNMENT)["alice", "logistic_regression"]

    assert again.changed_by_others == {"test_propagate": (3.0, 1.0)}
    assert (again.score, again.written) == (3.0, {"test_sigmoid": 2.0, "test_propagate": 3.0})


MISSING = "not submitted"


def test_a_notebook_not_handed_in_scores_zero_not_needs_grading(course: Path, gb: Gradebook) -> None:
    """Is a notebook the student did not hand in scored 0 (not flagged for manual grading),
    with a comment saying why, and is marking it again a no-op?"""
    ensure_assignment(gb, ASSIGNMENT, {**NOTEBOOKS, "planar": [("test_forward", 5.0)]})
    record(gb, ASSIGNMENT, "alice", "logistic_regression", report(FULL), sha256="aa")

    assert record_missing(gb, ASSIGNMENT, "alice", "planar", MISSING) is True
    before = dump(course)
    assert record_missing(gb, ASSIGNMENT, "alice", "planar", MISSING) is False

    assert dump(course) == before
    assert grades(course, "alice", "planar") == {"test_forward": (0.0, None, False)}
    assert comments(course, "alice", "planar") == {"forward": MISSING}
    with Gradebook(gradebook.db_url(course)) as gb:
        assert gb.find_submission(ASSIGNMENT, "alice").needs_manual_grade is False


def test_a_notebook_deleted_after_grading_forgets_its_hash(course: Path, gb: Gradebook) -> None:
    """If a graded notebook disappears from the submission, is its score 0 and its
    recorded hash forgotten (so handing it in again grades it)?"""
    record(gb, ASSIGNMENT, "alice", "logistic_regression", report(FULL), sha256="aa")

    record_missing(gb, ASSIGNMENT, "alice", "logistic_regression", MISSING)

    assert recorded(gb, ASSIGNMENT) == {}
    assert grades(course, "alice") == {"test_sigmoid": (0.0, None, False), "test_propagate": (0.0, None, False)}


def test_assignment_scores_lists_each_student_and_notebook(course: Path, gb: Gradebook) -> None:
    """Does assignment_scores give every student of the gradebook a score per notebook
    (None where there is no submission), manual scores winning?"""
    ensure_assignment(gb, ASSIGNMENT, {**NOTEBOOKS, "planar": [("test_forward", 5.0)]})
    record(gb, ASSIGNMENT, "alice", "logistic_regression", report(PARTIAL), sha256="aa")
    record_missing(gb, ASSIGNMENT, "alice", "planar", MISSING)
    with Gradebook(gradebook.db_url(course)) as other:
        other.add_student("dave")
        other.find_grade("test_propagate", "logistic_regression", ASSIGNMENT, "alice").manual_score = 1.5
        other.db.commit()

    rows = gradebook.assignment_scores(gb, ASSIGNMENT)

    assert [(r.student, r.notebooks, r.score, r.max_score) for r in rows] == [
        ("alice", {"logistic_regression": 3.5, "planar": 0.0}, 3.5, 10.0),
        ("dave", {"logistic_regression": None, "planar": None}, 0.0, 10.0),
    ]


def test_the_files_not_graded_are_those_of_the_last_run(gb: Gradebook) -> None:
    """Does record_listed keep each (student, file, why) in both languages, replacing the
    previous run's list of the assignment, once per file?"""
    why = Text("a symbolic link", "심볼릭 링크")
    gradebook.record_listed(gb, ASSIGNMENT, [("bob", "old.ipynb", why)])
    gradebook.record_listed(gb, ASSIGNMENT, [("bob", "W4A1/x.ipynb", why), ("alice", "y.ipynb", why),
                                             ("alice", "y.ipynb", why)])

    assert gradebook.listed(gb, ASSIGNMENT) == [("alice", "y.ipynb", why), ("bob", "W4A1/x.ipynb", why)]
    assert gradebook.listed(gb, "week3") == []


def test_the_code_fingerprints_are_kept_with_the_report(gb: Gradebook) -> None:
    """Does record keep the graded code's fingerprints beside the report, and a missing
    notebook say so, as kept_reports reads them?"""
    code = {"fingerprint": "f" * 64, "functions": {"sigmoid": "a" * 64}, "untouched": False}
    record(gb, ASSIGNMENT, "alice", "logistic_regression", report(FULL), sha256="0" * 64, code=code)
    record_missing(gb, ASSIGNMENT, "bob", "logistic_regression", "not handed in")

    kept = gradebook.kept_reports(gb, ASSIGNMENT)

    assert kept["alice", "logistic_regression"]["code"] == code
    assert gradebook.report_of(kept["alice", "logistic_regression"]).score == 5
    assert kept["bob", "logistic_regression"] == {"missing": True}
