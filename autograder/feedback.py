"""What a student is told about one graded notebook, and the HTML file that tells it.

:func:`render_html` makes a page of one notebook's report
(:class:`~dlcheck.results.SubmissionReport`, as the gradebook keeps it, see :func:`filed`):
the score of each function, the message and hint of each lost point, the sandbox's
isolation level and the grader's version. The page is self-contained, in Korean and
English with a switch between them (:mod:`autograder.page`), and draws the curves the checks kept (a model's cost against the
reference's) as inline SVG.

Where the page goes is nbgrader's place for feedback, so ``nbgrader release_feedback``
hands it out: ``feedback/<student>/<assignment>/<file stem>.html``, named after the file
the student handed in (nbgrader's exchange finds feedback by that name).
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from dlcheck.compare import HINT_LABEL
from dlcheck.results import Curve, SubmissionReport, TestResult
from dlcheck.text import LANGUAGES, Text, as_text, tr

from . import __version__, page
from .page import both, esc


def filed(report: SubmissionReport, *, student: str, assignment: str, notebook: str,
          graded_at: datetime | None = None) -> SubmissionReport:
    """``report`` as a course keeps it: whose it is, named by its file's name, graded by
    this grader version at ``graded_at`` (default: now)."""
    when = (graded_at or datetime.now(UTC)).astimezone(UTC)
    return dataclasses.replace(report, student=student, assignment=assignment, notebook=notebook,
                               submission=Path(report.submission).name, grader_version=__version__,
                               graded_at=when.strftime("%Y-%m-%dT%H:%M:%SZ"))


def feedback_path(course_dir: Path, report: SubmissionReport) -> Path:
    """``feedback/<student>/<assignment>/<submitted file stem>.html`` in the course directory.

    Raises ValueError when a part is not one plain name (``..``, a separator): a page is
    never written outside its folder, whatever a report says.
    """
    stem = report.submission.removesuffix(".ipynb").removesuffix(".py")
    parts = (report.student, report.assignment, f"{stem}.html")
    for part in parts:
        if not isinstance(part, str) or part in ("", ".", "..", ".html") or "/" in part or "\\" in part or "\0" in part:
            raise ValueError(f"not a plain file or folder name: {part!r}")
    return Path(course_dir, "feedback", *parts)


def write_feedback(course_dir: Path, report: SubmissionReport, lang: str | None = None) -> Path:
    """Write the feedback page of ``report`` (atomically: a reader never sees half a page)."""
    path = feedback_path(course_dir, report)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_text(render_html(report, lang), encoding="utf-8")
    tmp.replace(path)
    return path


# -- the page -------------------------------------------------------------------------

_CSS = """
.adjusted { color: #8250df; font-size: .85rem; }
.message { white-space: pre-wrap; background: #f6f8fa; border-left: 4px solid #cf222e; padding: .6rem .8rem; }
.message.ok { border-left-color: #1a7f37; } .hint { display: block; margin-top: .4rem; }
.error { background: #fff1f0; border: 1px solid #cf222e; padding: .6rem .8rem; }
.notes { background: #fff8c5; padding: .6rem .8rem .6rem 2rem; }
svg { display: block; margin: .8rem 0; } svg text { font-size: 11px; fill: #444; }
"""



def _message(text: Text, ok: bool) -> str:
    """A message in each language, its hint on a line of its own."""
    out = []
    for lang in LANGUAGES:
        body, hint_word, hint = text.render(lang).partition(HINT_LABEL[lang])
        hint_html = f'<span class="hint"><strong>{esc(hint_word.strip())}</strong> {esc(hint)}</span>' if hint else ""
        out.append(f'<div class="message{" ok" if ok else ""} {lang}" lang="{lang}">{esc(body)}{hint_html}</div>')
    return "".join(out)


def _points(value: float) -> str:
    return f"{value:g}"


def render_html(report: SubmissionReport, lang: str | None = None) -> str:
    """The feedback page: one self-contained HTML document, shown first in ``lang``
    (default: :func:`dlcheck.text.language`), with a switch to the other language."""
    title = f"{report.notebook}: {_points(report.score)} / {_points(report.max_score)}"
    body = [_facts(report), _table(report)]
    if report.notes:
        body.append('<ul class="notes">' + "".join(f"<li>{both(n)}</li>" for n in report.notes) + "</ul>")
    if report.error is not None:
        body.append(f'<h2>{both(tr("Not graded", "채점하지 못함"))}</h2><div class="error">{both(report.error)}</div>')
    if report.error is None:
        lost = [t for t in report.tests if t.score < t.max_score]
        kept = [t for t in report.tests if t.score >= t.max_score]
        for heading, tests in ((tr("Where points were lost", "점수를 잃은 곳"), lost),
                               (tr("What was checked", "검사한 내용"), kept)):
            if tests:
                body.append(f"<h2>{both(heading)}</h2>")
                body += [_function(t) for t in tests]
    return page.document(title, body, _CSS, lang)


def _facts(report: SubmissionReport) -> str:
    rows = [
        (tr("Student", "학생"), report.student or "-"),
        (tr("Assignment", "과제"), report.assignment or "-"),
        (tr("File", "파일"), report.submission),
        (tr("Graded at (UTC)", "채점 시각 (UTC)"), report.graded_at.replace("T", " ").removesuffix("Z")),
        (tr("Grader", "채점기"), f"dl-autograder {report.grader_version or '-'}"),
        (tr("Isolation level", "격리 수준"), report.isolation or "-"),
    ]
    return '<dl class="facts">' + "".join(f"<dt>{both(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows) + "</dl>"


def _table(report: SubmissionReport) -> str:
    head = (f"<tr><th>{both(tr('Function', '함수'))}</th><th>{both(tr('Points', '점수'))}</th>"
            f"<th>{both(tr('Result', '결과'))}</th></tr>")
    rows = []
    for t in report.tests:
        full = t.score >= t.max_score
        verdict = both(tr("passed", "통과") if full else tr("failed", "실패"))
        note = (f' <span class="adjusted">{both(tr("(changed by your instructor)", "(강사가 조정함)"))}</span>'
                if t.name in report.adjusted else "")
        rows.append(f'<tr><td><a href="#{esc(t.function)}"><code>{esc(t.function)}</code></a></td>'
                    f'<td class="points">{_points(t.score)} / {_points(t.max_score)}</td>'
                    f'<td class="{"pass" if full else "fail"}">{verdict}{note}</td></tr>')
    total = (f'<tr><td><strong>{both(tr("Total", "합계"))}</strong></td>'
             f'<td class="points"><strong>{_points(report.score)} / {_points(report.max_score)}</strong></td><td></td></tr>')
    return f"<table>{head}{''.join(rows)}{total}</table>"


def _function(t: TestResult) -> str:
    full = t.score >= t.max_score
    heading = f'<h3 id="{esc(t.function)}"><code>{esc(t.function)}</code> {_points(t.score)} / {_points(t.max_score)}</h3>'
    return heading + _message(as_text(t.message), full) + "".join(curve_svg(c) for c in t.curves)


# -- curves ---------------------------------------------------------------------------

def curve_svg(curve: Curve, width: int = 520, height: int = 240) -> str:
    """An inline SVG line chart of ``curve.got`` (solid) against ``curve.want`` (dashed)."""
    left, right, top, bottom = 56, 16, 28, 36
    values = curve.got + curve.want
    low, high = min(values), max(values)
    if high == low:
        low, high = low - 1.0, high + 1.0
    steps = max(len(curve.got), len(curve.want)) - 1 or 1

    def xy(i: int, v: float) -> str:
        x = left + (width - left - right) * i / steps
        y = top + (height - top - bottom) * (high - v) / (high - low)
        return f"{x:.1f},{y:.1f}"

    def line(series: tuple[float, ...], style: str) -> str:
        return f'<polyline fill="none" stroke-width="2" {style} points="{" ".join(xy(i, v) for i, v in enumerate(series))}"/>'

    x0, x1, y0, y1 = left, width - right, top, height - bottom
    yours, reference = tr("yours", "여러분"), tr("reference", "정답")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">',
        f'<text x="{x0}" y="16">{both(curve.title, "tspan")}</text>',
        f'<line x1="{x0}" y1="{y1}" x2="{x1}" y2="{y1}" stroke="#999"/>',
        f'<line x1="{x0}" y1="{y0}" x2="{x0}" y2="{y1}" stroke="#999"/>',
        f'<text x="{x0 - 6}" y="{y0 + 4}" text-anchor="end">{high:.3g}</text>',
        f'<text x="{x0 - 6}" y="{y1}" text-anchor="end">{low:.3g}</text>',
        f'<text x="{x0}" y="{y1 + 16}">0</text>',
        f'<text x="{x1}" y="{y1 + 16}" text-anchor="end">{steps}</text>',
        f'<text x="{(x0 + x1) // 2}" y="{y1 + 30}" text-anchor="middle">{both(curve.x_label, "tspan")}</text>',
        line(curve.want, 'stroke="#d4a017" stroke-dasharray="6 4"'),
        line(curve.got, 'stroke="#0969da"'),
        f'<line x1="{x1 - 150}" y1="{y0}" x2="{x1 - 130}" y2="{y0}" stroke="#0969da" stroke-width="2"/>',
        f'<text x="{x1 - 125}" y="{y0 + 4}">{both(yours, "tspan")}</text>',
        f'<line x1="{x1 - 70}" y1="{y0}" x2="{x1 - 50}" y2="{y0}" stroke="#d4a017" stroke-width="2" '
        f'stroke-dasharray="6 4"/>',
        f'<text x="{x1 - 45}" y="{y0 + 4}">{both(reference, "tspan")}</text>',
        "</svg>",
    ]
    return "".join(parts)
