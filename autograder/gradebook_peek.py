"""What a course's gradebook already holds, read without nbgrader.

Importing nbgrader's ORM takes a quarter of a second of CPU (in the ``autograde`` process,
which leaves out the server extensions nbgrader's package loads: :mod:`autograder.__main__`).
``autograde course`` needs two facts before it can start grading: the names
the gradebook gives the assignment's notebooks, and which files are recorded for their
current content (:mod:`autograder.gradebook`'s resumability rule). When no file can be
skipped, grading starts at once and nbgrader is imported while the first files are graded.
These reads use the standard library's ``sqlite3``, read-only; where they cannot tell (no
such tables, a database that is not SQLite, locked or damaged), they say ``None`` and the
course opens the gradebook through nbgrader first, as the writes do (and report what is
wrong there).
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

#: Our own table of the file each notebook was graded from (:data:`autograder.gradebook.recorded_files`).
RECORDED_FILES = "autograder_recorded_file"


def notebook_names(course_dir: Path, assignment: str) -> list[str] | None:
    """The names of ``assignment``'s notebooks in the course's gradebook (none without a
    gradebook, or without that assignment); ``None``: it cannot be read here."""
    rows = _query(course_dir, "SELECT notebook.name FROM notebook JOIN assignment "
                              "ON notebook.assignment_id = assignment.id WHERE assignment.name = ?", assignment)
    return None if rows is None else sorted(name for name, in rows)


def recorded_digests(course_dir: Path, assignment: str) -> dict[tuple[str, str], str] | None:
    """The sha256 each (student, notebook) of ``assignment`` was last recorded with;
    ``None``: the gradebook cannot be read here."""
    rows = _query(course_dir, f"SELECT student, notebook, sha256 FROM {RECORDED_FILES} WHERE assignment = ?",
                  assignment, table=RECORDED_FILES)
    return None if rows is None else {(student, notebook): sha256 for student, notebook, sha256 in rows}


def _query(course_dir: Path, sql: str, *args: str, table: str | None = None) -> list[tuple] | None:
    """The rows of one read-only query of ``<course_dir>/gradebook.db`` (none when there is
    no such file, or no ``table`` in it); ``None`` when it fails."""
    path = Path(course_dir).resolve() / "gradebook.db"
    if not path.exists():
        return []
    try:
        with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1)) as connection:
            if table is not None and not connection.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone():
                return []
            return connection.execute(sql, args).fetchall()
    except sqlite3.Error:
        return None
