"""Tests of autograder.gradebook_peek: what a gradebook holds, read without nbgrader."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from autograder import gradebook, gradebook_peek
from dlcheck.results import SubmissionReport, TestResult
from dlcheck.text import as_text

CELLS = {"logistic_regression": [("test_sigmoid", 1.0)], "numpy_basics": [("test_basic_sigmoid", 1.0)]}


def _recorded(course: Path) -> None:
    """A gradebook of week2 where alice's logistic_regression is recorded with the hash 'aa...'."""
    test = TestResult("test_sigmoid", "sigmoid", 1.0, 1.0, True, as_text(""))
    with gradebook.opened(course) as gb:
        gradebook.ensure_assignment(gb, "week2", CELLS)
        gradebook.ensure_assignment(gb, "week3", {"planar": [("test_forward", 1.0)]})
        gradebook.record(gb, "week2", "alice", "logistic_regression",
                         SubmissionReport("lr.ipynb", "logistic_regression", [test]), sha256="aa" * 32)
        gradebook.record(gb, "week2", "bob", "logistic_regression",
                         SubmissionReport("lr.ipynb", "logistic_regression", [test]))  # no hash: not done


def test_it_reads_what_nbgraders_orm_reads(tmp_path):
    """Does it read the notebook names and the recorded hashes of one assignment as the
    gradebook module writes them, and nothing of another assignment?"""
    _recorded(tmp_path)
    with gradebook.opened(tmp_path) as gb:
        assert gradebook_peek.notebook_names(tmp_path, "week2") == gradebook.notebook_names(gb, "week2")
    assert gradebook_peek.notebook_names(tmp_path, "week2") == ["logistic_regression", "numpy_basics"]
    assert gradebook_peek.notebook_names(tmp_path, "week9") == []
    assert gradebook_peek.recorded_digests(tmp_path, "week2") == {("alice", "logistic_regression"): "aa" * 32}
    assert gradebook_peek.recorded_digests(tmp_path, "week3") == {}


def test_no_gradebook_is_an_empty_one_and_leaves_no_file(tmp_path):
    """Without gradebook.db, is nothing recorded (and no database created by reading)?"""
    assert gradebook_peek.notebook_names(tmp_path, "week2") == []
    assert gradebook_peek.recorded_digests(tmp_path, "week2") == {}
    assert not (tmp_path / "gradebook.db").exists()


def test_a_gradebook_nbgrader_made_records_nothing_of_ours(tmp_path):
    """In a gradebook without our table (made by nbgrader alone), is nothing recorded?"""
    _recorded(tmp_path)
    with sqlite3.connect(tmp_path / "gradebook.db") as db:
        db.execute(f"DROP TABLE {gradebook_peek.RECORDED_FILES}")
    assert gradebook_peek.recorded_digests(tmp_path, "week2") == {}
    assert gradebook_peek.notebook_names(tmp_path, "week2") == ["logistic_regression", "numpy_basics"]


def test_what_it_cannot_read_it_says_it_cannot_tell(tmp_path):
    """For a file that is not SQLite, or a database without nbgrader's tables, is the
    answer None (the course then opens it through nbgrader, which says what is wrong)?"""
    (tmp_path / "gradebook.db").write_bytes(b"not a database" * 100)
    assert gradebook_peek.notebook_names(tmp_path, "week2") is None
    assert gradebook_peek.recorded_digests(tmp_path, "week2") is None
    (tmp_path / "gradebook.db").unlink()
    sqlite3.connect(tmp_path / "gradebook.db").execute("CREATE TABLE other (x)").connection.close()
    assert gradebook_peek.notebook_names(tmp_path, "week2") is None
    assert gradebook_peek.recorded_digests(tmp_path, "week2") == {}
