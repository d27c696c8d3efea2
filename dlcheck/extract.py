"""From a submitted file to the statements worth running: grade functions, not cells.

A notebook (or ``.py`` file) is reduced to its top-level imports, function and class
definitions and call-free assignments, each kept with its cell name and line numbers. Top-level
exploration, training runs, plots and crashing cells are dropped, so they neither cost
points nor time. The grader runs this in its own process, so it only *parses* the file;
the student self-check uses it too, to grade a notebook file with ``pytest``.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .files import NotReadable, TooLarge, read_regular
from .text import Text, tr

MAX_SUBMISSION_BYTES = 20 * 1024 * 1024  # a week-2 notebook with outputs is well under 5 MB

_MAGIC = re.compile(r"^\s*[%!]|^\s*\w[\w.]*\?\??\s*$")
_KEPT = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


class SubmissionError(ValueError):
    """The file cannot be graded at all; ``text`` is the one-line reason."""

    def __init__(self, text: Text):
        self.text = text
        super().__init__(text.en)


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
        """A hash of the kept code's meaning (:func:`fingerprint`): same functions, same
        hidden inputs, whatever the other cells, the comments or the spacing; other code,
        other inputs (so inputs leaked through one submission's feedback are useless to
        the next)."""
        return fingerprint(self.statements)

    def function_fingerprints(self) -> dict[str, str]:
        """The fingerprint of each top-level function, by name: of its last definition,
        the one a run of the kept code leaves (a class page compares submissions function
        by function with them)."""
        found = {}
        for _, source in self.statements:
            try:
                tree = ast.parse(source)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                continue
            for node in tree.body:
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    found[node.name] = hashlib.sha256(_canonical(node).encode()).hexdigest()
        return found

    def line(self, filename: str, lineno: int) -> str:
        lines = self.cells.get(filename, "").splitlines()
        return lines[lineno - 1].strip() if 0 < lineno <= len(lines) else ""


def _canonical(node: object) -> str:
    """A text of ``node`` that depends on its syntax tree only, and reads the same on
    every Python version that parses it: node types and the fields that are set (fields a
    later version added are empty for code that does not use them); docstrings dropped."""
    if isinstance(node, ast.AST):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(node, _DOCUMENTED) and _is_docstring(body[0]):
            node = type(node)(**{**{f: getattr(node, f, None) for f in node._fields}, "body": body[1:]})
        fields = [(f, getattr(node, f, None)) for f in node._fields]
        return type(node).__name__ + "(" + ",".join(
            f"{name}={_canonical(value)}" for name, value in fields if value is not None and value != []) + ")"
    if isinstance(node, list):
        return "[" + ",".join(_canonical(v) for v in node) + "]"
    return f"{type(node).__name__}:{node!r}"


_DOCUMENTED = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _is_docstring(stmt: ast.stmt) -> bool:
    return isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str)


def fingerprint(statements: list[tuple[str, str]]) -> str:
    """The sha256 of the meaning of kept ``statements`` (``(filename, source)``, see
    :class:`Submission`), in order: their syntax trees, not their text, so a comment, a
    docstring, blank lines or trailing spaces change nothing. A statement that does not
    parse on its own counts by its text."""
    parts = []
    for _, source in statements:
        try:
            parts.append(_canonical(ast.parse(source)))
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            parts.append(source)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _not_a_notebook(path: Path) -> Text:
    return tr("{name} is JSON but not a notebook (no cells)", "{name} 파일은 JSON이지만 노트북이 아닙니다 (셀 없음)",
              name=path.name)


def _cell_sources(raw: bytes, path: Path) -> list[str]:
    """The code cells' sources of a notebook file (any nbformat version we can read)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SubmissionError(tr("{name} is not UTF-8 text (binary or wrongly encoded file)",
                                 "{name} 파일은 UTF-8 텍스트가 아닙니다 (바이너리이거나 잘못 인코딩된 파일)",
                                 name=path.name)) from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        hint = tr("truncated", "잘린 파일") if exc.pos >= len(text.rstrip()) - 1 else tr("not valid JSON", "올바른 JSON이 아님")
        raise SubmissionError(tr("{name} is not a readable notebook ({hint}: {msg} at line {line}); "
                                 "re-save it from Jupyter",
                                 "{name} 파일은 읽을 수 있는 노트북이 아닙니다 ({hint}: {line}번째 줄의 {msg}). "
                                 "Jupyter에서 다시 저장하세요", name=path.name, hint=hint, msg=exc.msg,
                                 line=exc.lineno)) from None
    if not isinstance(doc, dict):
        raise SubmissionError(_not_a_notebook(path))
    if isinstance(doc.get("cells"), list):
        cells = doc["cells"]
    elif isinstance(doc.get("worksheets"), list):  # nbformat 3
        cells = [c for ws in doc["worksheets"] if isinstance(ws, dict) for c in ws.get("cells", []) or []]
        cells = [dict(c, source=c.get("input", "")) for c in cells if isinstance(c, dict)]
    else:
        raise SubmissionError(_not_a_notebook(path))
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


def _decode_python(raw: bytes, path: Path) -> str:
    """A ``.py`` file's text: UTF-8 (with or without BOM), UTF-16 with a BOM, or cp949
    (Korean Windows' default encoding)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SubmissionError(tr("{name} is not text in UTF-8, UTF-16 or cp949 (binary or wrongly encoded file)",
                             "{name} 파일은 UTF-8, UTF-16, cp949 텍스트가 아닙니다 (바이너리이거나 잘못 인코딩된 파일)",
                             name=path.name))


#: The last files parsed, by their content (:func:`_parsed`), and how many are kept.
_PARSED: dict[tuple[bytes, bool, str], Submission] = {}
PARSED_KEPT = 32


def _parsed(raw: bytes, path: Path, is_python: bool, prefix: str) -> Submission:
    """The submission ``raw`` holds, parsed once per content: a course reads a file to choose
    it, to know its work and to keep its fingerprints, and the grader reads it again.
    Each caller gets lists and dicts of its own."""
    key = (hashlib.sha256(raw).digest(), is_python, prefix)
    known = _PARSED.get(key)
    if known is None:
        known = parse_python([_decode_python(raw, path)] if is_python else _cell_sources(raw, path), prefix=prefix)
        for oldest in list(_PARSED)[:max(0, len(_PARSED) + 1 - PARSED_KEPT)]:
            _PARSED.pop(oldest, None)
        _PARSED[key] = known
    return Submission(list(known.statements), dict(known.cells), dict(known.syntax_errors))


def read_submission(path: Path, prefix: str = "cell", *, own: bool = True) -> Submission:
    """Read a ``.ipynb`` or ``.py`` submission; :class:`SubmissionError` says why not.

    Whatever the file holds, the only exception is SubmissionError: a file nested too
    deeply for the parser, or too big for memory, costs that file only. Cells are named
    ``<{prefix} N>``.
    """
    path = Path(path)
    try:
        raw = read_regular(path, MAX_SUBMISSION_BYTES, own=own)
    except TooLarge as exc:
        raise SubmissionError(tr("{why} (clear the outputs and save again)", "{why} (출력을 지우고 다시 저장하세요)",
                                 why=exc.text)) from None
    except NotReadable as exc:
        raise SubmissionError(tr("{name} is not read: {why}", "{name} 파일을 읽지 않습니다: {why}",
                                 name=path.name, why=exc.text)) from None
    if not raw.strip():
        raise SubmissionError(tr("{name} is empty", "{name} 파일이 비어 있습니다", name=path.name))
    is_python = path.suffix == ".py"
    if b"\x00" in raw[:8192] and not (is_python and raw.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise SubmissionError(tr("{name} is a binary file, not a notebook", "{name} 파일은 노트북이 아니라 바이너리 파일입니다",
                                 name=path.name))
    try:
        return _parsed(raw, path, is_python, prefix)
    except (RecursionError, MemoryError) as exc:
        raise SubmissionError(tr("{name} is nested too deeply (or is too large) to be read ({kind}); "
                                 "simplify the code and save again",
                                 "{name} 파일은 중첩이 너무 깊거나 너무 커서 읽을 수 없습니다 ({kind}). "
                                 "코드를 단순하게 고쳐 다시 저장하세요", name=path.name, kind=type(exc).__name__)) from None
