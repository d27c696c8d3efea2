"""The copy of a graded submission that nbgrader's own tools read.

nbgrader's formgrader lists a submission, and ``nbgrader generate_feedback`` renders it,
only from ``autograded/<student>/<assignment>/<notebook>.ipynb`` (``<notebook>`` the
gradebook's name), and they look up the gradebook's rows by the ``grade_id`` of the cells
marked in its ``metadata.nbgrader``: a Grade for each grade cell, a Comment for each
solution cell; a marked cell the gradebook does not know stops ``generate_feedback`` for
that student. So the copy is the student's notebook, never executed, made inert first
(:mod:`autograder.inert`: formgrader renders it as a live page in the instructor's
browser, so only the text of the student's outputs is kept, and markdown that would run
or load something is shown as text), whose marks are exactly the gradebook's:

- every ``nbgrader`` mark the file came with is removed (a classic-course notebook, or a
  student who edited them);
- the cell defining each graded function becomes its solution cell (``grade_id`` the
  function's name), where formgrader shows the comment;
- the cell ``check(<function>)`` after it becomes its grade cell (``test_<function>``),
  with the verdict as its output; a notebook without one (the classic course) gets a
  small code cell added for it.

A function defined nowhere, or in a cell that already defines another graded function,
gets a markdown solution cell of its own saying so.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from dlcheck.extract import MAX_SUBMISSION_BYTES
from dlcheck.files import read_regular
from dlcheck.results import TestResult
from dlcheck.text import as_text, tr

from .gradebook import solution_name
from .inert import inert, plain_text, unchecked_cell, unchecked_output


def _source(cell: Any) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


_DEF = re.compile(r"^def\s+(\w+)\s*\(", re.M)
_CHECK = re.compile(r"^\s*check\(\s*(\w+)\s*\)\s*$", re.M)


class _Code:
    """What each code cell defines at its top level (``def name(``) and checks
    (``check(name)`` alone on a line), read once per cell."""

    def __init__(self) -> None:
        self._read: dict[int, tuple[Any, set[str], set[str]]] = {}

    def _of(self, cell: Any) -> tuple[set[str], set[str]]:
        known = self._read.get(id(cell))
        if known is None or known[0] is not cell:
            source = _source(cell) if cell.get("cell_type") == "code" else ""
            known = self._read[id(cell)] = (cell, set(_DEF.findall(source)), set(_CHECK.findall(source)))
        return known[1], known[2]

    def defines(self, cell: Any, names: tuple[str, ...]) -> bool:
        return not self._of(cell)[0].isdisjoint(names)

    def checks(self, cell: Any, function: str) -> bool:
        return function in self._of(cell)[1]


def _mark(grade_id: str, *, solution: bool, points: float | None = None) -> dict:
    mark = {"grade": points is not None, "grade_id": grade_id, "locked": points is not None, "schema_version": 3,
            "solution": solution, "task": False}
    if points is not None:
        mark["points"] = points
    return mark


def _added(kind: str, source: str, cell_id: str) -> Any:
    """A cell :func:`annotate` adds, with an id of its own that is the same every run (the
    same submission, the same copy; nbformat's ``new_*_cell`` draws a random one)."""
    code = {"execution_count": None, "outputs": []} if kind == "code" else {}
    return unchecked_cell(kind, source, id=cell_id[:64], **code)  # nbformat's limit; function names are shorter


def annotate(nb: Any, tests: list[TestResult], aliases: dict[str, tuple[str, ...]] | None = None,
             lang: str | None = None) -> Any:
    """Mark ``nb`` (an nbformat v4 notebook, changed in place and returned) for nbgrader.

    Parameters
    ----------
    nb : NotebookNode
        The submitted notebook.
    tests : list of TestResult
        The verdict of each graded function, in grading order.
    aliases : dict of str to tuple of str, optional
        Earlier names a function may be defined under (``normalizeRows``).
    lang : str, optional
        The language of the verdicts written as the grade cells' outputs.
    """
    aliases = aliases or {}
    code = _Code()
    for cell in nb.cells:
        cell.get("metadata", {}).pop("nbgrader", None)
    marked: set[int] = set()
    for t in tests:
        function = solution_name(t.name)
        names = (function, *aliases.get(function, ()))
        where = next((i for i, c in enumerate(nb.cells) if i not in marked and code.defines(c, names)), None)
        if where is None:
            why = tr("`{fn}` is graded, but no cell of this notebook on its own defines it.",
                     "`{fn}` 함수는 채점 대상이지만, 이 노트북에 그것만 정의하는 셀이 없습니다.", fn=function)
            nb.cells.append(_added("markdown", why.render(lang), f"autograde-note-{function}"))
            where = len(nb.cells) - 1
        nb.cells[where].metadata["nbgrader"] = _mark(function, solution=True)
        marked.add(where)
        check = next((i for i in range(where + 1, len(nb.cells)) if code.checks(nb.cells[i], function)), None)
        if check is None or check in marked:
            nb.cells.insert(where + 1, _added("code", f"# graded by autograde: {function}", f"autograde-{function}"))
            marked = {i + 1 if i > where else i for i in marked}
            check = where + 1
        cell = nb.cells[check]
        cell.metadata["nbgrader"] = _mark(t.name, solution=False, points=float(t.max_score))
        verdict = f"{function}: {t.score:g}/{t.max_score:g}. {as_text(t.message).render(lang)}\n"
        cell.outputs = [unchecked_output("stream", name="stdout" if t.passed else "stderr", text=plain_text(verdict))]
        cell.execution_count = None
        marked.add(check)
    return nb


def render_autograded(submitted: Path, tests: list[TestResult], aliases: dict[str, tuple[str, ...]] | None = None,
                      lang: str | None = None) -> str | None:
    """The marked copy of the notebook ``submitted``, as the text of its file; ``None``
    when the file is not a readable notebook."""
    import nbformat

    try:  # not validated: inert() rebuilds the notebook from what it holds, valid or not
        nb = nbformat.convert(nbformat.reader.reads(read_regular(submitted, MAX_SUBMISSION_BYTES).decode()), 4)
    except Exception:  # noqa: BLE001 - any unreadable file: formgrader then shows "missing", the feedback says why
        return None
    text = nbformat.writes(annotate(inert(nb, lang), tests, aliases, lang))
    return text if text.endswith("\n") else text + "\n"  # as nbformat.write ends a file


def write_autograded(path: Path, submitted: Path, tests: list[TestResult],
                     aliases: dict[str, tuple[str, ...]] | None = None, lang: str | None = None) -> Path | None:
    """Write the marked copy of the notebook ``submitted`` to ``path`` unless it holds it
    already; ``None`` (and any older copy removed) when the file is not a readable notebook.
    A copy another tool wrote over (``nbgrader autograde`` puts its own executed notebook
    there) is written again."""
    text = render_autograded(submitted, tests, aliases, lang)
    if text is None:
        path.unlink(missing_ok=True)
        return None
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path
