"""The readable report of ``autograde grade``: a table per notebook, then what was said
of each file, fitted to the terminal it is read in.

A table wider than the terminal numbers its functions in the header and names them below
it; one still too wide is cut into several, each repeating the file column. A message
longer than a line is cut with an ellipsis (``--format json`` and the feedback pages keep
it whole). Output to a file or a pipe has no width: nothing is cut there. Files are named
by the end of their path that tells them apart (two students'
``deep_network_application.ipynb`` as ``alice/…/deep_network_application.ipynb`` and
``bob/…/...``). Widths are counted in terminal cells: a Hangul syllable takes two.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import PurePath
from typing import TextIO

from dlcheck.results import SubmissionReport
from dlcheck.text import Text, as_text, cells, tr

from .names import safe_name

ELLIPSIS = "…"
GAP = "  "


def terminal_width(stream: TextIO) -> int | None:
    """The width to fit a report written to ``stream`` to: ``None`` when it is not a
    terminal (a file or a pipe has no width), else ``$COLUMNS`` when set, else the
    terminal's."""
    try:
        if not stream.isatty():
            return None
        columns = os.environ.get("COLUMNS", "").strip()
        return int(columns) if columns.isdigit() and int(columns) > 0 else os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError):
        return None


def cut(text: str, width: int | None) -> str:
    """``text`` on one line of at most ``width`` cells: its first line, ended by an ellipsis
    when anything was left out (``width`` ``None``: ``text`` as it is)."""
    if width is None:
        return text
    first, *rest = text.splitlines() or [""]
    if not rest and cells(first) <= width:
        return first
    kept, used = [], cells(ELLIPSIS)
    for ch in first:
        used += cells(ch)
        if used > width:
            break
        kept.append(ch)
    return "".join(kept).rstrip() + ELLIPSIS


def cut_middle(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, its start and end kept (a path's first folder
    and its file name), an ellipsis in place of the middle."""
    if cells(text) <= width:
        return text
    budget = width - cells(ELLIPSIS)
    head, used = [], 0
    for ch in text:
        if used + cells(ch) > budget // 2:
            break
        head.append(ch)
        used += cells(ch)
    tail = []
    for ch in reversed(text):
        if used + cells(ch) > budget:
            break
        tail.append(ch)
        used += cells(ch)
    return "".join(head) + ELLIPSIS + "".join(reversed(tail))


def ljust(text: str, width: int) -> str:
    return text + " " * max(width - cells(text), 0)


def rjust(text: str, width: int) -> str:
    return " " * max(width - cells(text), 0) + text


def labels(paths: list[str]) -> list[str]:
    """Each path by its shortest end that no other of ``paths`` shares (at least the file
    name), the folders between the first that tells it apart and the file left out when
    that keeps them apart: ``["c/alice/week4/app.ipynb", "c/bob/week4/app.ipynb",
    "c/bob/week4/y.ipynb"]`` -> ``["alice/…/app.ipynb", "bob/…/app.ipynb", "y.ipynb"]``.
    The same path twice is named alike."""
    parts = [PurePath(p).parts for p in paths]
    distinct = set(parts)
    # sharing[k][end]: how many of the paths have this end of k parts
    sharing = [Counter(p[-k:] for p in distinct) for k in range(max(map(len, distinct), default=0) + 1)]
    end = {p: next((p[-k:] for k in range(1, len(p)) if sharing[k][p[-k:]] == 1), p) for p in distinct}
    short = {p: (e[0], ELLIPSIS, e[-1]) if len(e) > 2 else e for p, e in end.items()}
    chosen = short if len(set(short.values())) == len(distinct) else end
    return [safe_name("/".join(chosen[p])) for p in parts]


def _notebook_table(reports: list[SubmissionReport], names: list[str], width: int | None, lang: str | None
                    ) -> list[str]:
    """One notebook's table: a row per file, a column per function, then the total. When
    wider than ``width``, the functions are numbered in the header and named below it,
    and a table still too wide is cut into several, each with the file column."""
    header, total = tr("submission", "제출 파일").render(lang), tr("total", "합계").render(lang)
    functions = [t.function for t in reports[0].tests]
    scores = [[f"{t.score:g}/{t.max_score:g}" for t in r.tests] + [f"{r.score:g}/{r.max_score:g}"] for r in reports]
    name_width = max(cells(header), *(cells(n) for n in names))
    heads = [*functions, total]

    def column_widths(heads: list[str]) -> list[int]:
        return [max(cells(h), *(cells(row[i]) for row in scores)) for i, h in enumerate(heads)]

    widths = column_widths(heads)
    legend: list[str] = []
    if width is not None and name_width + sum(len(GAP) + w for w in widths) > width:
        heads = [*(f"[{i}]" for i in range(1, len(functions) + 1)), total]
        widths = column_widths(heads)
        legend = [cut(line, width) for line in _wrapped([f"[{i}] {f}" for i, f in enumerate(functions, 1)], width)]
        room = width - sum(len(GAP) + w for w in widths)  # for the file column, the table on one line
        name_width = min(name_width, max(room, width // 3, cells(header)))
    shown = [cut_middle(n, name_width) for n in names]
    blocks: list[list[int]] = [[]]
    used = name_width
    for i, w in enumerate(widths):
        if blocks[-1] and width is not None and used + len(GAP) + w > width:
            blocks.append([])
            used = name_width
        blocks[-1].append(i)
        used += len(GAP) + w
    lines: list[str] = []
    for block in blocks:
        top = GAP.join([ljust(header, name_width), *(rjust(heads[i], widths[i]) for i in block)]).rstrip()
        lines += ([""] if lines else []) + [top, "-" * cells(top)]
        lines += [GAP.join([ljust(name, name_width), *(rjust(row[i], widths[i]) for i in block)]).rstrip()
                  for name, row in zip(shown, scores, strict=True)]
    return lines + legend


def _wrapped(items: list[str], width: int) -> list[str]:
    """``items`` on as few lines of ``width`` cells as fit, separated by two spaces."""
    lines = [""]
    for item in items:
        if lines[-1] and cells(lines[-1]) + len(GAP) + cells(item) > width:
            lines.append("")
        lines[-1] += (GAP if lines[-1] else "") + item
    return lines


def format_table(reports: list[SubmissionReport], width: int | None = None, lang: str | None = None) -> str:
    """A readable table per notebook (titled when there are several), then the notes (what
    the grader decided for a file), the files not graded, the failures, and the isolation
    level; every line at most ``width`` cells (``None``: no limit), in ``lang`` (default:
    :func:`dlcheck.text.language`)."""
    if not reports:
        return tr("(no files)", "(파일 없음)").render(lang)
    label = dict(zip(map(id, reports), labels([r.submission for r in reports]), strict=True))
    groups: dict[str, list[SubmissionReport]] = {}
    for r in reports:
        if r.tests:
            groups.setdefault(r.notebook, []).append(r)
    lines: list[str] = []
    for notebook, group in groups.items():
        if len(groups) > 1:
            lines += ([""] if lines else []) + [cut(f"{notebook}:", width)]
        lines += _notebook_table(group, [label[id(r)] for r in group], width, lang)
    said: list[tuple[str, Text]] = [(label[id(r)], tr("note: ", "참고: ") + note) for r in reports for note in r.notes]
    said += [(label[id(r)], tr("not graded: ", "채점하지 못함: ") + r.error) for r in reports if r.error]
    said += [(label[id(r)], t.message) for r in reports for t in r.tests if not t.passed and r.error is None]
    if said:
        lines.append("")
    texts = [f"{name}: {as_text(text).render(lang)}" for name, text in said]
    lines += [cut(text, width) for text in texts]
    if any(cut(text, width) != text for text in texts):
        lines.append(cut(tr("(messages cut to the terminal: --format json has them whole)",
                            "(메시지를 줄였습니다. 전체는 --format json으로 보세요)").render(lang),
                         width))
    levels = sorted({r.isolation for r in reports if r.isolation})
    if levels:
        lines += ["", cut(tr("isolation level: {levels}", "격리 수준: {levels}", levels=", ".join(levels)).render(lang),
                          width)]
    return "\n".join(lines)
