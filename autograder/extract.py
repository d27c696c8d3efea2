"""From a submitted file to the statements worth running: grade functions, not cells.

A notebook (or ``.py`` file) is reduced to its top-level imports, function and class
definitions and call-free assignments, each kept with its cell name and line numbers. Top-level
exploration, training runs, plots and crashing cells are dropped, so they neither cost
points nor time. This runs in the grader's process, so it only *parses* the file.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

MAX_SUBMISSION_BYTES = 20 * 1024 * 1024  # a week-2 notebook with outputs is well under 5 MB

_MAGIC = re.compile(r"^\s*[%!]|^\s*\w[\w.]*\?\??\s*$")
_KEPT = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


class SubmissionError(ValueError):
    """The file cannot be graded at all; the message is the one-line reason."""


@dataclass
class Submission:
    """The gradable content of one submitted file.

    Attributes
    ----------
    statements : list of (filename, source)
        Kept top-level statements in order; ``source`` is padded with blank lines so that
        line numbers match the cell, ``filename`` is ``"<cell N>"`` (N counts code cells from 1).
    cells : dict
        Cell name -> full source, to quote the line a failure happened on.
    syntax_errors : dict
        Cell name -> a one-line description, for cells (or parts) that did not parse.
    """

    statements: list[tuple[str, str]] = field(default_factory=list)
    cells: dict[str, str] = field(default_factory=dict)
    syntax_errors: dict[str, str] = field(default_factory=dict)

    def fingerprint(self) -> str:
        """A hash of the kept code only: same functions, same hidden inputs, whatever the
        other cells hold; other code, other inputs (so inputs leaked through one
        submission's feedback are useless to the next)."""
        return hashlib.sha256("\n".join(source for _, source in self.statements).encode()).hexdigest()

    def line(self, filename: str, lineno: int) -> str:
        lines = self.cells.get(filename, "").splitlines()
        return lines[lineno - 1].strip() if 0 < lineno <= len(lines) else ""


def _cell_sources(raw: bytes, path: Path) -> list[str]:
    """The code cells' sources of a notebook file (any nbformat version we can read)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SubmissionError(f"{path.name} is not UTF-8 text (binary or wrongly encoded file)") from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        hint = "truncated" if exc.pos >= len(text.rstrip()) - 1 else "not valid JSON"
        raise SubmissionError(f"{path.name} is not a readable notebook ({hint}: {exc.msg} at line {exc.lineno}); "
                              "re-save it from Jupyter") from None
    if not isinstance(doc, dict):
        raise SubmissionError(f"{path.name} is JSON but not a notebook (no cells)")
    if isinstance(doc.get("cells"), list):
        cells = doc["cells"]
    elif isinstance(doc.get("worksheets"), list):  # nbformat 3
        cells = [c for ws in doc["worksheets"] if isinstance(ws, dict) for c in ws.get("cells", []) or []]
        cells = [dict(c, source=c.get("input", "")) for c in cells if isinstance(c, dict)]
    else:
        raise SubmissionError(f"{path.name} is JSON but not a notebook (no cells)")
    sources = []
    for cell in cells:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        if isinstance(source, list):
            source = "".join(s for s in source if isinstance(s, str))
        sources.append(source if isinstance(source, str) else "")
    return sources


def _drop_magics(source: str) -> str:
    """IPython-only lines (``%timeit``, ``!pip``, ``x?``) become blank; ``%%`` cells vanish."""
    if source.lstrip().startswith("%%"):
        return ""
    return "\n".join("" if _MAGIC.match(line) else line for line in source.splitlines())


def _calls_something(node: ast.AST) -> bool:
    return any(isinstance(n, (ast.Call, ast.Await, ast.Yield, ast.YieldFrom)) for n in ast.walk(node))


def _keep(node: ast.stmt) -> bool:
    if isinstance(node, _KEPT):
        return True
    if isinstance(node, (ast.Assign, ast.AnnAssign)):
        return node.value is not None and not _calls_something(node.value)
    if isinstance(node, ast.Try):  # try: import x / except ImportError: ...
        return all(_keep(n) for n in node.body)
    return False


def _top_level_chunks(source: str) -> list[tuple[int, str]]:
    """Split a cell that does not parse at its unindented lines, to keep what does parse."""
    chunks, start, lines = [], 0, source.splitlines()
    for i, line in enumerate(lines[1:], 1):
        if line and not line[0].isspace() and not line.startswith(("#", ")", "]", "}", "else", "elif",
                                                                 "except", "finally", "@")):
            if not lines[i - 1].startswith("@"):
                chunks.append((start, "\n".join(lines[start:i])))
                start = i
    chunks.append((start, "\n".join(lines[start:])))
    return chunks


def parse_python(sources: list[str], prefix: str = "cell") -> Submission:
    """Keep the gradable statements of code cells (or one ``.py`` file as a single cell)."""
    sub = Submission()
    for number, raw in enumerate(sources, 1):
        name = f"<{prefix} {number}>"
        source = _drop_magics(raw)
        sub.cells[name] = raw
        try:
            parts = [(0, ast.parse(source))]
        except SyntaxError as exc:
            sub.syntax_errors[name] = f"line {exc.lineno}: {exc.msg}"
            parts = []
            for offset, chunk in _top_level_chunks(source):
                try:
                    parts.append((offset, ast.parse(chunk)))
                except SyntaxError:
                    continue
            source_lines = source.splitlines()
        else:
            source_lines = source.splitlines()
        for offset, tree in parts:
            for node in tree.body:
                if _keep(node):
                    first, last = offset + node.lineno, offset + node.end_lineno
                    if node.__dict__.get("decorator_list"):
                        first = offset + min(d.lineno for d in node.decorator_list)
                    text = "\n" * (first - 1) + "\n".join(source_lines[first - 1:last]) + "\n"
                    sub.statements.append((name, text))
    return sub


def read_submission(path: Path) -> Submission:
    """Read a ``.ipynb`` or ``.py`` submission; :class:`SubmissionError` says why not."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_SUBMISSION_BYTES:
            raise SubmissionError(f"{path.name} is {size / 2**20:.0f} MB; the limit is "
                                  f"{MAX_SUBMISSION_BYTES // 2**20} MB (clear the outputs and save again)")
        raw = path.read_bytes()
    except OSError as exc:
        raise SubmissionError(f"cannot read {path}: {exc.strerror}") from None
    if not raw.strip():
        raise SubmissionError(f"{path.name} is empty")
    if b"\x00" in raw[:8192]:
        raise SubmissionError(f"{path.name} is a binary file, not a notebook")
    if path.suffix == ".py":
        try:
            return parse_python([raw.decode("utf-8")], prefix="cell")
        except UnicodeDecodeError:
            raise SubmissionError(f"{path.name} is not UTF-8 text") from None
    return parse_python(_cell_sources(raw, path))
