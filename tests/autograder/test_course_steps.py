"""The course run's first steps, each on a fixture folder (autograder/course.py, STEPS):
find, match, refuse, and the choice of one file per notebook (autograder/copies.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from autograder import copies, course
from autograder.course import CourseNotebook, find_files, match_files, refuse
from dlcheck.extract import read_submission

BOOKS = {"logistic_regression": CourseNotebook("logistic_regression", [("test_sigmoid", 1.0)],
                                               aliases=("Logistic_Regression_with_a_Neural_Network_mindset",))}


def _files(course_dir: Path, student: str, *names: str) -> Path:
    folder = course_dir / "submitted" / student / "week2"
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text('{"cells": []}')
    return folder


def test_find_lists_notebooks_by_student_then_name_without_reading(tmp_path):
    """Are the ``*.ipynb`` entries listed in order, hidden ones left out, each with its
    progress label, and nothing opened (a FIFO is listed like any entry)?"""
    _files(tmp_path, "bob", "b.ipynb", ".hidden.ipynb", "notes.txt")
    alice = _files(tmp_path, "alice", "logistic_regression.ipynb")
    os.mkfifo(alice / "pipe.ipynb")
    files, beyond = find_files(tmp_path, "week2")
    assert [f.label for f in files] == ["[1/3] alice/logistic_regression.ipynb", "[2/3] alice/pipe.ipynb",
                                        "[3/3] bob/b.ipynb"]
    assert beyond == []


def test_find_reads_at_most_max_files_a_student(tmp_path, monkeypatch):
    """Are the entries past :data:`course.MAX_FILES` of one student listed with why, not read?"""
    monkeypatch.setattr(course, "MAX_FILES", 2)
    _files(tmp_path, "alice", "a.ipynb", "b.ipynb", "c.ipynb")
    files, beyond = find_files(tmp_path, "week2")
    assert [f.path.name for f in files] == ["a.ipynb", "b.ipynb"]
    assert [(f.path.name, why.en) for f, why in beyond] == [
        ("c.ipynb", "more than 2 notebooks in the folder; only the first 2 by name are read")]


def test_match_groups_by_notebook_and_names_the_rest(tmp_path):
    """Are a student's files of one notebook grouped (editions, classic names, copies), and a
    file of no notebook listed with the names that would match?"""
    _files(tmp_path, "alice", "logistic_regression.ipynb", "logistic_regression.ko.ipynb",
           "Logistic_Regression_with_a_Neural_Network_mindset_v6a.ipynb", "scratch.ipynb")
    files, _ = find_files(tmp_path, "week2")
    matched = match_files(files, BOOKS, "week2")
    assert {key: [f.path.name for f in group] for key, group in matched.groups.items()} == {
        ("alice", "logistic_regression"): ["Logistic_Regression_with_a_Neural_Network_mindset_v6a.ipynb",
                                           "logistic_regression.ipynb", "logistic_regression.ko.ipynb"]}
    [(found, why)] = matched.unmatched
    assert found.path.name == "scratch.ipynb" and why.en.startswith("not part of this assignment 'week2'")


def test_refuse_keeps_only_regular_files_of_their_own(tmp_path):
    """Are a symbolic link, a hard link, a FIFO and a folder refused with why, and a regular
    file kept, without opening any of them?"""
    folder = _files(tmp_path, "alice", "a.ipynb")
    (folder / "b.ipynb").symlink_to(folder / "a.ipynb")
    os.mkfifo(folder / "c.ipynb")
    (folder / "d.ipynb").mkdir()
    os.link(_files(tmp_path, "bob", "x.ipynb") / "x.ipynb", folder / "e.ipynb")
    files, _ = find_files(tmp_path, "week2")
    kept, refused = refuse([f for f in files if f.student == "alice"])
    assert [f.path.name for f in kept] == ["a.ipynb"]
    assert {f.path.name: why.en.split(";")[0].split(",")[0] for f, why in refused} == {
        "b.ipynb": "it is a symbolic link", "c.ipynb": "it is a named pipe (FIFO)",
        "d.ipynb": "it is a folder", "e.ipynb": "it is a hard link (2 names for one file)"}


@pytest.fixture
def copies_folder(tmp_path):
    folder = _files(tmp_path, "alice")
    for name, source, mtime in (("lr.ipynb", "def f(): return 1", 3000), ("lr (2).ipynb", "def f(): return 2", 2000),
                                ("lr.ko.ipynb", "def f(): pass", 4000)):
        (folder / name).write_text(json.dumps({"cells": [{"cell_type": "code", "source": source}]}))
        os.utime(folder / name, (mtime, mtime))
    return folder


def test_choose_passes_over_untouched_copies_then_takes_the_newest(copies_folder):
    """Of several files of one notebook, is an untouched released copy passed over even
    when newest, then the newest edited one chosen, each other file with why?"""
    paths = sorted(copies_folder.iterdir())
    released = frozenset({read_submission(copies_folder / "lr.ko.ipynb").fingerprint()})
    choice = copies.choose(paths, "lr", released)
    assert choice.graded.name == "lr.ipynb"
    assert {p.name: why.en.split(";")[0].split(":")[0] for p, why in choice.passed_over} == {
        "lr.ko.ipynb": "an untouched copy of the released notebook", "lr (2).ipynb": "one file of a notebook is graded"}


def test_choose_with_equal_times_prefers_the_notebooks_own_name(copies_folder):
    """With the same modification time, is the notebook's own file name preferred?"""
    for path in copies_folder.iterdir():
        os.utime(path, (5000, 5000))
    assert copies.choose(sorted(copies_folder.iterdir()), "lr").graded.name == "lr.ipynb"


def test_choose_looks_at_no_more_than_max_copies(tmp_path, monkeypatch):
    """Are files past :data:`copies.MAX_COPIES` (the oldest) passed over unread?"""
    monkeypatch.setattr(copies, "MAX_COPIES", 2)
    folder = _files(tmp_path, "alice", "a.ipynb", "b.ipynb", "c.ipynb")
    for i, name in enumerate(("a.ipynb", "b.ipynb", "c.ipynb")):
        os.utime(folder / name, (1000 + i, 1000 + i))
    choice = copies.choose(sorted(folder.iterdir()), "x")
    assert choice.graded.name == "c.ipynb"
    assert [(p.name, why.en) for p, why in choice.passed_over][-1] == (
        "a.ipynb", "more than 2 files of one notebook; only the 2 newest are looked at")


def test_choose_grades_a_lone_file_without_reading_it(copies_folder, monkeypatch):
    """Is a student's only file of a notebook chosen, untouched copy or not, without being
    read (there is nothing to choose between)?"""
    released = frozenset({read_submission(copies_folder / "lr.ko.ipynb").fingerprint()})
    read = []
    monkeypatch.setattr(copies, "read_submission", lambda path, **kw: read.append(path) or read_submission(path, **kw))
    choice = copies.choose([copies_folder / "lr.ko.ipynb"], "lr", released)
    assert (choice.graded.name, choice.passed_over, read) == ("lr.ko.ipynb", (), [])
    assert copies.choose(sorted(copies_folder.iterdir()), "lr", released).graded.name == "lr.ipynb"
    assert read  # several files are read to choose
