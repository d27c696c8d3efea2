"""The class at a glance: one page an instructor reads after ``autograde course``.

``feedback/index.html`` (written by every course run, and by ``autograde report
ASSIGNMENT`` from what the run recorded, without grading again) shows, for one assignment:

- the **score histogram** of the students who handed something in (manual scores count,
  as in nbgrader's export);
- per graded function, the **pass rate** among the notebooks graded, and the **most
  frequent messages** of its failures, with their counts: which mistakes the class makes.
  Messages that differ only in their numbers (each student's hidden inputs differ) count
  as one, shown by the first of them;
- the students who did **not hand in** a notebook, the notebooks that could **not be
  graded**, and every **file not graded** with why (a link, another copy chosen, not part
  of the assignment), as the last run listed them;
- **the same code**: groups of students whose graded code of a notebook is *identical*
  (the same code fingerprint, :meth:`dlcheck.extract.Submission.fingerprint`: equal but for
  comments, spacing, docstrings and exploration cells) or *near-identical* (every graded
  function but one the same, by the same measure function by function, and at least two of
  the same ones passing, so that two untouched stubs are never "near"). Untouched copies of
  the released notebook are left out. A group is a reason to look, not a verdict: short
  correct functions are often written alike;
- the sandbox's **isolation level** each notebook was graded at.

Everything comes from the gradebook (:mod:`autograder.gradebook`: the report and code
fingerprints kept per notebook, the files listed by the last run). The page is an
instructor tool under ``docs/security.md``'s rules: what a student's file or report says is
escaped text (:func:`autograder.page.esc`), the page runs no script, and the file it
is written to is named by the course layout only.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from dlcheck.results import SubmissionReport
from dlcheck.text import Text, as_text, tr

from . import __version__, gradebook, page
from .page import both, esc

#: The most frequent failure messages shown per function.
MAX_MESSAGES = 5
#: The histogram's bars: equal ranges of the assignment's points.
BINS = 10
#: How many graded functions but one near-identical notebooks share at the least, passing.
NEAR_SHARED_PASSING = 2

_NUMBER = re.compile(r"-?\d+(\.\d+)?(e[-+]?\d+)?", re.IGNORECASE)


@dataclass(frozen=True)
class FunctionStats:
    """How the class did on one graded function.

    Attributes
    ----------
    notebook, function : str
        Where it is.
    passed, graded : int
        Notebooks in which it passed, of those graded.
    messages : list of (Text, int)
        Its most frequent failure messages (at most :data:`MAX_MESSAGES`), each with how
        many notebooks it was given to, most frequent first.
    """

    notebook: str
    function: str
    passed: int
    graded: int
    messages: list[tuple[Text, int]]


@dataclass(frozen=True)
class SameCode:
    """Students whose graded code of ``notebook`` is the same: ``identical`` (one code
    fingerprint), else near-identical, differing in the functions ``differing``."""

    notebook: str
    students: tuple[str, ...]
    identical: bool
    differing: tuple[str, ...] = ()


@dataclass
class ClassSummary:
    """What the class page shows of one assignment (see the module docstring).

    Attributes
    ----------
    assignment : str
    totals : list of (str, float)
        Each student who handed something in, with their total score.
    max_score : float
        The assignment's points.
    functions : list of FunctionStats
        By notebook, in grading order.
    not_handed_in : dict of str to list of str
        Student to the notebooks they did not hand in.
    not_graded : list of (str, str, Text)
        ``(student, notebook, why)`` of each notebook that could not be graded.
    listed : list of (str, str, Text)
        ``(student, file, why)`` of each file the last run did not grade.
    same_code : list of SameCode
    isolation : Counter
        Notebooks graded at each isolation level.
    """

    assignment: str
    totals: list[tuple[str, float]] = field(default_factory=list)
    max_score: float = 0.0
    functions: list[FunctionStats] = field(default_factory=list)
    not_handed_in: dict[str, list[str]] = field(default_factory=dict)
    not_graded: list[tuple[str, str, Text]] = field(default_factory=list)
    listed: list[tuple[str, str, Text]] = field(default_factory=list)
    same_code: list[SameCode] = field(default_factory=list)
    isolation: Counter = field(default_factory=Counter)


# -- from the gradebook ---------------------------------------------------------------

def summarise(gb: gradebook.Gradebook, assignment: str) -> ClassSummary:
    """The class page's content for ``assignment``, from the gradebook alone. Raises
    :class:`gradebook.GradebookError` when the gradebook has no such assignment."""
    students = gradebook.assignment_scores(gb, assignment)
    kept = gradebook.kept_reports(gb, assignment)
    summary = ClassSummary(assignment, max_score=students[0].max_score if students else 0.0)
    graded: dict[str, list[tuple[str, SubmissionReport, dict | None]]] = {}
    for s in students:
        handed_in = False
        for notebook, score in s.notebooks.items():
            entry = kept.get((s.student, notebook))
            if score is None or entry is None or entry.get("missing"):
                summary.not_handed_in.setdefault(s.student, []).append(notebook)
                continue
            handed_in = True
            report = gradebook.report_of(entry)
            if report is None:
                continue
            if report.error is not None:
                summary.not_graded.append((s.student, notebook, report.error))
                continue
            summary.isolation[report.isolation or "-"] += 1
            graded.setdefault(notebook, []).append((s.student, report, entry.get("code")))
        if handed_in:
            summary.totals.append((s.student, s.score))
    for notebook, done in sorted(graded.items()):
        summary.functions += function_stats(notebook, [report for _, report, _ in done])
        summary.same_code += same_code(notebook, [(student, report, code) for student, report, code in done if code])
    summary.listed = gradebook.listed(gb, assignment)
    return summary


def function_stats(notebook: str, reports: list[SubmissionReport]) -> list[FunctionStats]:
    """Pass rate and most frequent failure messages of each function of graded ``reports``
    of one notebook, in grading order."""
    order: dict[str, None] = {}
    passed: Counter = Counter()
    graded: Counter = Counter()
    said: dict[str, Counter] = {}
    first: dict[tuple[str, str], Text] = {}
    for report in reports:
        for t in report.tests:
            order.setdefault(t.function)
            graded[t.function] += 1
            if t.score >= t.max_score:
                passed[t.function] += 1
                continue
            message = as_text(t.message)
            key = _NUMBER.sub("#", message.en)
            said.setdefault(t.function, Counter())[key] += 1
            first.setdefault((t.function, key), message)
    return [FunctionStats(notebook, f, passed[f], graded[f],
                          [(first[f, key], n) for key, n in said.get(f, Counter()).most_common(MAX_MESSAGES)])
            for f in order]


def same_code(notebook: str, graded: list[tuple[str, SubmissionReport, dict]]) -> list[SameCode]:
    """Groups of students with identical or near-identical graded code of ``notebook``
    (module docstring), from ``(student, report, code)`` with the code's fingerprints."""
    kept = [(student, report, code) for student, report, code in graded if not code.get("untouched")]
    parent = list(range(len(kept)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(kept)):
        for j in range(i + 1, len(kept)):
            if _alike(kept[i], kept[j]):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(kept)):
        groups.setdefault(root(i), []).append(i)
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        codes = [kept[i][2] for i in members]
        differing = sorted({f for c in codes for f in _functions(kept[members[0]][1])
                            if c.get("functions", {}).get(f) != codes[0].get("functions", {}).get(f)})
        out.append(SameCode(notebook, tuple(sorted(kept[i][0] for i in members)),
                            len({c.get("fingerprint") for c in codes}) == 1, tuple(differing)))
    return sorted(out, key=lambda g: (not g.identical, g.students))


def _functions(report: SubmissionReport) -> list[str]:
    return [t.function for t in report.tests]


def _alike(a: tuple[str, SubmissionReport, dict], b: tuple[str, SubmissionReport, dict]) -> bool:
    """Identical (one fingerprint), or every graded function but one the same, with at
    least :data:`NEAR_SHARED_PASSING` of the same ones passing in both."""
    (_, report_a, code_a), (_, report_b, code_b) = a, b
    if code_a.get("fingerprint") and code_a.get("fingerprint") == code_b.get("fingerprint"):
        return True
    fa, fb = code_a.get("functions", {}), code_b.get("functions", {})
    functions = _functions(report_a)
    same = [f for f in functions if fa.get(f) is not None and fa.get(f) == fb.get(f)]
    failing = {t.function for r in (report_a, report_b) for t in r.tests if t.score < t.max_score}
    return len(same) == len(functions) - 1 and len([f for f in same if f not in failing]) >= NEAR_SHARED_PASSING


# -- the page -------------------------------------------------------------------------

_CSS = """
body { max-width: 64rem; } .facts dt { width: 16rem; } .facts dd { margin-left: 16rem; }
.histogram rect { fill: #0969da; } .histogram text { font-size: 11px; fill: #444; }
.rate-bg { display: inline-block; width: 6rem; height: .7rem; background: #f0c0c0; vertical-align: middle; }
.rate { display: block; height: 100%; background: #1a7f37; }
.count { font-variant-numeric: tabular-nums; text-align: right; padding-right: .6rem; }
.said { white-space: pre-wrap; } .none { color: #555; }
h3 { font-size: 1rem; margin-bottom: .2rem; }
"""


def render_html(summary: ClassSummary, lang: str | None = None, built_at: datetime | None = None) -> str:
    """The class page of ``summary``: one self-contained document, shown first in ``lang``."""
    title = tr("{assignment}: the class", "{assignment}: 학급 전체", assignment=summary.assignment)
    body = [_facts(summary, built_at or datetime.now(UTC)), _section(tr("Scores", "점수 분포"), _histogram(summary)),
            _section(tr("Functions: pass rate and most frequent messages", "함수별 통과율과 가장 많이 나온 메시지"),
                     _functions_html(summary)),
            _section(tr("Not handed in", "제출하지 않은 노트북"), _table(
                (tr("Student", "학생"), tr("Notebooks", "노트북")),
                [(s, ", ".join(nbs)) for s, nbs in sorted(summary.not_handed_in.items())])),
            _section(tr("Not graded", "채점하지 못한 노트북"), _table(
                (tr("Student", "학생"), tr("Notebook", "노트북"), tr("Why", "이유")), summary.not_graded)),
            _section(tr("Files not graded, and why", "채점하지 않은 파일과 이유"), _table(
                (tr("Student", "학생"), tr("File", "파일"), tr("Why", "이유")), summary.listed)),
            _section(tr("The same code", "같은 코드"), _same_code(summary))]
    return page.document(title, body, _CSS, lang)


def _section(heading: Text, content: str) -> str:
    return f"<h2>{both(heading)}</h2>\n{content}"


def _none() -> str:
    return f'<p class="none">{both(tr("None.", "없음."))}</p>'


def _facts(summary: ClassSummary, built_at: datetime) -> str:
    totals = [score for _, score in summary.totals]
    levels = ", ".join(f"{level} ({n})" for level, n in sorted(summary.isolation.items())) or "-"
    rows = [
        (tr("Assignment", "과제"), summary.assignment),
        (tr("Students who handed in", "제출한 학생"), f"{len(totals)}"),
        (tr("Median score", "점수 중앙값"),
         f"{statistics.median(totals):g} / {summary.max_score:g}" if totals else "-"),
        (tr("Isolation level (notebooks)", "격리 수준 (노트북 수)"), levels),
        (tr("Made at (UTC)", "작성 시각 (UTC)"), built_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M")),
        (tr("Grader", "채점기"), f"dl-autograder {__version__}"),
    ]
    return '<dl class="facts">' + "".join(f"<dt>{both(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows) + "</dl>"


def histogram_counts(totals: list[float], max_score: float, bins: int = BINS) -> list[int]:
    """How many ``totals`` fall in each of ``bins`` equal ranges of ``[0, max_score]``
    (the last range includes full marks)."""
    counts = [0] * bins
    for score in totals:
        share = score / max_score if max_score > 0 else 0.0
        counts[min(max(int(share * bins), 0), bins - 1)] += 1
    return counts


def _histogram(summary: ClassSummary, width: int = 640, height: int = 220) -> str:
    """An inline SVG bar chart of the students' totals, each bar labelled with its count."""
    if not summary.totals:
        return _none()
    counts = histogram_counts([s for _, s in summary.totals], summary.max_score)
    left, bottom, top = 40, 40, 20
    step = (width - left) / len(counts)
    tallest = max(counts)
    parts = [f'<svg class="histogram" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">',
             f'<line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" stroke="#999"/>']
    for i, n in enumerate(counts):
        bar = (height - bottom - top) * n / tallest
        x, y = left + i * step, height - bottom - bar
        low = summary.max_score * i / len(counts)
        parts += [f'<rect x="{x + 2:.1f}" y="{y:.1f}" width="{step - 4:.1f}" height="{bar:.1f}"/>',
                  f'<text x="{x + step / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle">{n}</text>',
                  f'<text x="{x + step / 2:.1f}" y="{height - bottom + 14}" text-anchor="middle">{low:.3g}</text>']
    parts += [f'<text x="{width}" y="{height - bottom + 14}" text-anchor="end">{summary.max_score:g}</text>',
              f'<text x="{left + (width - left) / 2:.0f}" y="{height - 8}" text-anchor="middle">'
              f'{both(tr("points (students per range)", "점수 (구간별 학생 수)"), "tspan")}</text>', "</svg>"]
    return "".join(parts)


def _functions_html(summary: ClassSummary) -> str:
    if not summary.functions:
        return _none()
    head = "".join(f"<th>{both(h)}</th>" for h in (tr("Notebook", "노트북"), tr("Function", "함수"),
                                                  tr("Passed", "통과"), tr("Pass rate", "통과율")))
    rows, details = [], []
    for f in summary.functions:
        rate = f.passed / f.graded if f.graded else 0.0
        rows.append(f"<tr><td>{esc(f.notebook)}</td><td><code>{esc(f.function)}</code></td>"
                    f'<td class="points">{f.passed} / {f.graded}</td><td><span class="rate-bg">'
                    f'<span class="rate" style="width: {rate * 6:.2f}rem"></span></span> {rate:.0%}</td></tr>')
        if f.messages:
            items = "".join(f'<tr><td class="count">{n}×</td><td class="said">{both(text)}</td></tr>'
                            for text, n in f.messages)
            details.append(f"<h3>{esc(f.notebook)}: <code>{esc(f.function)}</code></h3><table>{items}</table>")
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>" + "".join(details)


def _table(headings: tuple[Text, ...], rows: list[tuple]) -> str:
    if not rows:
        return _none()
    head = "".join(f"<th>{both(h)}</th>" for h in headings)
    body = "".join("<tr>" + "".join(f"<td>{both(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _same_code(summary: ClassSummary) -> str:
    rows = []
    for group in summary.same_code:
        kind = (tr("identical", "똑같음") if group.identical else
                tr("near-identical: all graded functions but {f} the same", "거의 같음: {f} 외의 채점 함수가 모두 같음",
                   f=", ".join(group.differing)))
        rows.append((group.notebook, ", ".join(group.students), kind))
    return _table((tr("Notebook", "노트북"), tr("Students", "학생"), tr("How alike", "얼마나 같은지")), rows)


# -- the file -------------------------------------------------------------------------

def page_path(course_dir: Path) -> Path:
    """``feedback/index.html`` in the course directory (beside the students' folders, where
    ``nbgrader release_feedback`` does not look)."""
    return Path(course_dir, "feedback", "index.html")


def write_page(path: Path, summary: ClassSummary, lang: str | None = None) -> Path:
    """Write the class page to ``path`` (atomically: a reader never sees half a page)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_text(render_html(summary, lang), encoding="utf-8")
    tmp.replace(path)
    return path
