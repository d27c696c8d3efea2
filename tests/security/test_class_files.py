"""What the grader reads before any sandbox, and which file counts: a hostile class's
folder (FIFOs, huge sparse files, links, copies, formula-like names, a tampered
gradebook) is graded in bounded time, each notebook once, everything else listed with
its reason (docs/security.md, "Files a class hands in").

The class hands in the NumPy-basics notebook (``W2A1``, about a second to grade); the
commands run as a user runs them, in a subprocess with a time bound, so a read that
blocks fails the test instead of hanging it.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from autograder import ROOT, specs
from autograder.gradebook import assignment_scores, opened

pytestmark = [pytest.mark.subprocess, pytest.mark.grading]

ASSIGNMENT = "W2A1"
SPEC = specs.get("week2/numpy_basics")
SOLUTION = (ROOT / SPEC.solution).read_text()
AUTOGRADE = str(Path(sys.executable).parent / "autograde")
#: Seconds a command may take here: a few notebooks of about a second each, on a busy machine.
BOUND = 180


def hand_in(path: Path, source: str = SOLUTION, mtime: float | None = None) -> Path:
    """A notebook at ``path`` with ``source`` as its one code cell (default: the solution)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)]), str(path))
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def folder(course: Path, student: str) -> Path:
    return course / "submitted" / student / ASSIGNMENT


def course_run(course: Path, *extra: str) -> subprocess.CompletedProcess:
    """``autograde course W2A1`` on ``course``, bounded in time."""
    return subprocess.run([AUTOGRADE, "course", ASSIGNMENT, "--dev-secret", "--course-dir", str(course), *extra],
                          capture_output=True, text=True, timeout=BOUND)


def scores(course: Path) -> dict[str, float | None]:
    with opened(course) as gb:
        return {row.student: row.notebooks["numpy_basics"] for row in assignment_scores(gb, ASSIGNMENT)}


def test_a_fifo_beside_a_notebook_is_listed_and_never_read(tmp_path):
    """Does a named pipe named like the Korean edition, beside the real notebook, leave the
    run unblocked (a read would wait forever, at every rerun), the real notebook graded?"""
    hand_in(folder(tmp_path, "alice") / "numpy_basics.ipynb")
    os.mkfifo(folder(tmp_path, "alice") / "numpy_basics.ko.ipynb")
    for _ in range(2):  # and again at the rerun
        done = course_run(tmp_path)
        assert "alice/numpy_basics.ko.ipynb not graded: it is a named pipe (FIFO), not a regular file" in done.stderr
    assert scores(tmp_path) == {"alice": SPEC.max_score}


def test_a_huge_sparse_notebook_and_timestamp_cost_that_file_only(tmp_path):
    """Does a 100 GB sparse notebook score 0 with why, unread, and a huge timestamp.txt give
    a warning, while the run goes on to the next student (no MemoryError, at any rerun)?"""
    folder(tmp_path, "alice").mkdir(parents=True)
    with open(folder(tmp_path, "alice") / "numpy_basics.ipynb", "wb") as f:
        f.truncate(100 * 2**30)
    hand_in(folder(tmp_path, "bob") / "numpy_basics.ipynb")
    with open(folder(tmp_path, "bob") / "timestamp.txt", "wb") as f:
        f.truncate(50 * 2**30)
    for run in range(2):
        done = course_run(tmp_path)
        assert "alice/numpy_basics.ipynb not graded: numpy_basics.ipynb is 100 GB; the limit is 20 MB" in done.stderr
        assert run or "timestamp.txt is not read (timestamp.txt is 50 GB; the limit is 4 KB)" in done.stderr
        assert "MemoryError" not in done.stderr + done.stdout
    assert scores(tmp_path) == {"alice": 0.0, "bob": SPEC.max_score}


def test_hard_links_to_anothers_notebook_are_refused(tmp_path):
    """Is a notebook hard-linked to another student's file, or to the instructor's source
    copy, refused with the reason (not graded as the student's own), in the course and by
    ``grade``?"""
    alice = hand_in(folder(tmp_path, "alice") / "numpy_basics.ipynb")
    source = hand_in(tmp_path / "source" / ASSIGNMENT / "numpy_basics.ipynb")
    folder(tmp_path, "bob").mkdir(parents=True)
    os.link(alice, folder(tmp_path, "bob") / "numpy_basics.ipynb")
    folder(tmp_path, "carol").mkdir(parents=True)
    os.link(source, folder(tmp_path, "carol") / "numpy_basics.ipynb")
    done = course_run(tmp_path)
    for student in ("bob", "carol"):
        assert (f"{student}/numpy_basics.ipynb not graded: it is a hard link (2 names for one file); only files of "
                "their own are graded") in done.stderr
    # alice's own file is the same file as bob's: refused too, so nobody gains by linking
    assert scores(tmp_path) == {"alice": 0.0, "bob": 0.0, "carol": 0.0}
    graded = subprocess.run([AUTOGRADE, "grade", "--dev-secret", "--json", str(folder(tmp_path, "carol") /
                                                                               "numpy_basics.ipynb")],
                            capture_output=True, text=True, timeout=BOUND)
    [report] = json.loads(graded.stdout)
    assert report["score"] == 0 and "it is a hard link" in report["error"]


def test_grade_refuses_a_symbolic_link(tmp_path):
    """Does ``autograde grade`` (and so the Gradescope runner) refuse a symbolic link to
    someone else's notebook, with the reason, instead of following it?"""
    target = hand_in(tmp_path / "instructor" / "numpy_basics.ipynb")
    (tmp_path / "upload").mkdir()
    (tmp_path / "upload" / "numpy_basics.ipynb").symlink_to(target)
    graded = subprocess.run([AUTOGRADE, "grade", "--dev-secret", "--format", "gradescope",
                             str(tmp_path / "upload" / "numpy_basics.ipynb")], capture_output=True, text=True,
                            timeout=BOUND)
    results = json.loads(graded.stdout)
    assert results["score"] == 0 and results["tests"] == []
    assert "not graded: it is a symbolic link" in results["output"]


def test_files_read_to_see_what_they_define_are_bounded(tmp_path):
    """When a student's names say nothing, are the files read to see what they define
    bounded: a FIFO and links refused unread, a 100 GB sparse file judged by its size, at
    most a few files read, a linked folder not looked into; and is the renamed notebook among
    them still recognised, graded once, while a linked notebook is no copy of it?"""
    other = hand_in(tmp_path / "elsewhere" / "numpy_basics.ipynb")
    mine = folder(tmp_path, "alice")
    hand_in(mine / "aaa.ipynb")  # the solution, under a name that says nothing
    os.mkfifo(mine / "b_pipe.ipynb")
    with open(mine / "c_sparse.ipynb", "wb") as f:
        f.truncate(100 * 2**30)
    (mine / "d_link.ipynb").symlink_to(other)
    for i in range(10):
        hand_in(mine / f"e{i}.ipynb", "x = 1\n")
    (mine / "theirs").symlink_to(other.parent, target_is_directory=True)
    start = time.monotonic()
    done = course_run(tmp_path)
    assert time.monotonic() - start < BOUND
    lines = done.stderr
    assert "alice/aaa.ipynb its name means no notebook; it defines 8 of the 8 graded functions" in lines
    assert "b_pipe.ipynb skipped: not part of this assignment" in lines and "it is a named pipe (FIFO)" in lines
    assert "d_link.ipynb was not read" not in lines and "it is a symbolic link" in lines
    assert "c_sparse.ipynb is 100 GB; the limit is 20 MB" in lines
    assert lines.count("only 8 such files of a submission are read") == 4  # aaa, c, e0-e5 read, b, d refused: e6-e9
    assert "theirs/" not in lines
    assert scores(tmp_path) == {"alice": SPEC.max_score}


def _copies(where: Path, n: int) -> list[Path]:
    """``n`` edited copies of the solution, newest last, differing only by a comment."""
    return [hand_in(where / f"numpy_basics_v{i}.ipynb", SOLUTION + f"\n# copy {i}\n", mtime=1_000_000 + i)
            for i in range(n)]


def test_gradescope_counts_one_copy_of_a_notebook(tmp_path):
    """Do four uploaded copies of a correct notebook score the notebook's maximum once (8,
    not 32), the newest graded, the others said to be not graded?"""
    files = _copies(tmp_path / "upload", 4)
    graded = subprocess.run([AUTOGRADE, "grade", "--dev-secret", "--format", "gradescope", *map(str, files)],
                            capture_output=True, text=True, timeout=BOUND)
    results = json.loads(graded.stdout)
    assert results["score"] == SPEC.max_score == sum(t["score"] for t in results["tests"])
    assert len(results["tests"]) == len(SPEC.functions)
    for old in files[:3]:
        assert f"{old}: not graded: one file of a notebook is graded: {files[3].name}, the newest edited one" \
            in results["output"]


def test_a_class_run_grades_one_copy_per_notebook(tmp_path):
    """Of eight edited copies one student hands in, is exactly one graded (no best of N),
    the others listed with why?"""
    files = _copies(folder(tmp_path, "alice"), 8)
    done = course_run(tmp_path)
    assert done.stderr.count("graded: one file of a notebook is graded: numpy_basics_v7.ipynb") == 7, done.stderr
    assert f"[8/8] alice/{files[7].name} 8/8" in done.stderr
    assert f"notebooks of {ASSIGNMENT}: 1 graded; recorded in" in done.stdout
    assert "other files not graded: 7 (each listed above with why)" in done.stdout


def test_a_newline_in_a_student_id_cannot_forge_a_line(tmp_path):
    """Is every name the run prints (a bad timestamp's path included) shown on one line, so
    a student id with a newline cannot forge a progress line?"""
    student = "eve\n[9 of 9] alice 8 of 8"
    hand_in(folder(tmp_path, student) / "numpy_basics.ipynb")
    (folder(tmp_path, student) / "timestamp.txt").write_text("yesterday\n[9/9] forged 8/8")
    done = course_run(tmp_path)
    assert not [line for line in done.stderr.splitlines() if line.startswith("[9/9]")], done.stderr
    assert "eve\\n[9 of 9] alice 8 of 8/numpy_basics.ipynb" in done.stderr and "yesterday\\n[9/9] forged" in done.stderr


def test_a_tampered_gradebook_writes_no_page_outside_feedback(tmp_path):
    """When the report kept in the gradebook names another student or a path outside the
    course (``../../``), is the feedback page still written where the course layout says,
    and nowhere else?"""
    hand_in(folder(tmp_path, "alice") / "numpy_basics.ipynb")
    assert course_run(tmp_path).returncode == 0
    with sqlite3.connect(tmp_path / "gradebook.db") as db:  # autograder_report: see autograder/gradebook.py
        [(raw,)] = db.execute("SELECT report FROM autograder_report").fetchall()
        report = json.loads(raw)
        report.update(student="../../../escaped", assignment="..", submitted="../../../../pwned.ipynb")
        db.execute("UPDATE autograder_report SET report = ?", (json.dumps(report),))
    (tmp_path / "feedback").rename(tmp_path / "feedback-before")
    done = course_run(tmp_path)
    assert "(unchanged, not regraded)" in done.stderr, done.stderr
    assert (tmp_path / "feedback" / "alice" / ASSIGNMENT / "numpy_basics.html").is_file()
    written = {p.relative_to(tmp_path) for p in tmp_path.rglob("*.html")}
    assert all(p.parts[0] in ("feedback", "feedback-before") for p in written), written
    assert not list(tmp_path.parent.rglob("pwned*")) and not (tmp_path.parent / "escaped").exists()


def test_fetch_from_a_folder_with_a_fifo_does_not_block(tmp_path):
    """Does ``python -m dldata fetch --from`` a folder where a data file is a named pipe
    refuse it with the reason, at once, instead of waiting forever?"""
    source = tmp_path / "teacher"
    source.mkdir()
    os.mkfifo(source / "train_catvnoncat.h5")
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "dldata", "fetch", "--from", str(source), "--to",
                           str(tmp_path / "data"), "train_catvnoncat.h5"], capture_output=True, text=True,
                          timeout=60, cwd=ROOT)
    assert done.returncode == 1 and "it is a named pipe (FIFO), not a regular file" in done.stderr, done.stderr
    assert time.monotonic() - start < 30


def test_a_hostile_class_finishes_in_bounded_time(tmp_path):
    """A whole hostile class at once: is every regular notebook graded once, every other
    entry listed with its reason, the CSV free of formulas, and the run done in bounded
    time, twice?"""
    other = tmp_path / "elsewhere"
    hand_in(folder(tmp_path, "honest") / "numpy_basics.ipynb")
    fifo = folder(tmp_path, "=cmd|' -C calc'!A0")
    fifo.mkdir(parents=True)
    os.mkfifo(fifo / "numpy_basics.ipynb")
    sparse = folder(tmp_path, "+sparse")
    sparse.mkdir(parents=True)
    with open(sparse / "numpy_basics.ipynb", "wb") as f:
        f.truncate(100 * 2**30)
    linked = folder(tmp_path, "@linked")
    linked.mkdir(parents=True)
    (linked / "numpy_basics.ipynb").symlink_to(hand_in(other / "numpy_basics.ipynb"))
    _copies(folder(tmp_path, "-copies"), 5)
    (folder(tmp_path, "-copies") / "numpy_basics (2).ipynb").mkdir()  # a folder named like a notebook
    for name in ("a.ipynb", "b.ipynb"):
        hand_in(folder(tmp_path, "many") / name, "x = 1\n")
    start = time.monotonic()
    for _ in range(2):
        done = course_run(tmp_path, "--csv", str(tmp_path / "scores.csv"))
        assert done.returncode == 1, done.stderr  # some notebooks could not be read
    assert time.monotonic() - start < 2 * BOUND
    lines = done.stderr
    assert "it is a named pipe (FIFO)" in lines and "it is a symbolic link" in lines
    assert "numpy_basics.ipynb not graded: numpy_basics.ipynb is 100 GB; the limit is 20 MB" in lines
    assert "numpy_basics (2).ipynb not graded: it is a folder, not a regular file" in lines
    assert lines.count("the newest edited one") == 4
    assert "many/a.ipynb skipped: not part of this assignment" in lines
    assert scores(tmp_path) == {"+sparse": 0.0, "-copies": SPEC.max_score, "=cmd|' -C calc'!A0": 0.0,
                                "@linked": 0.0, "honest": SPEC.max_score, "many": 0.0}
    with open(tmp_path / "scores.csv", newline="") as f:
        cells = [cell for row in csv.reader(f) for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")], cells
