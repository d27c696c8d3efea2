"""What a student is told about one graded notebook, and the HTML file that tells it.

:class:`NotebookFeedback` is the report of one notebook as it is kept in the gradebook
(``autograder_report``, see :mod:`autograder.gradebook`) and rendered: the score of each
function, the message and hint of each lost point, the sandbox's isolation level and the
grader's version. :func:`render_html` makes one self-contained page of it (no script, no
external file: it opens offline, from an e-mail or an LMS), in Korean and English with a
switch between them, and draws the curves the checks kept (a model's cost against the
reference's) as inline SVG.

Where the page goes is nbgrader's place for feedback, so ``nbgrader release_feedback``
hands it out: ``feedback/<student>/<assignment>/<file stem>.html``, named after the file
the student handed in (nbgrader's exchange finds feedback by that name).
"""

from __future__ import annotations

import dataclasses
import html
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from dlcheck.results import Curve, SubmissionReport, TestResult
from dlcheck.text import LANGUAGES, Text, as_text, language, tr

from . import __version__


@dataclass(frozen=True)
class NotebookFeedback:
    """The graded report of one student's notebook, as kept and as shown.

    Attributes
    ----------
    student, assignment : str
        The student id and the assignment (nbgrader's folder names).
    notebook : str
        The notebook's name in the gradebook.
    submitted : str
        The name of the file the student handed in (``logistic_regression.ko.ipynb``).
    tests : tuple of TestResult
        One per graded function, in grading order; scores as the gradebook holds them
        (see :meth:`with_scores`).
    error : Text, optional
        Why the file could not be graded at all.
    isolation : str, optional
        The sandbox's isolation level (``"namespaces"``, ``"processes"``).
    grader_version : str
        The version of the grader that graded it.
    graded_at : str
        When, in ISO 8601 UTC.
    adjusted : frozenset of str
        Test ids whose score an instructor changed by hand (formgrader).
    notes : tuple of Text
        What the grader decided for the whole file (:attr:`SubmissionReport.notes`),
        shown under the scores.
    """

    student: str
    assignment: str
    notebook: str
    submitted: str
    tests: tuple[TestResult, ...]
    error: Text | None = None
    isolation: str | None = None
    grader_version: str = __version__
    graded_at: str = ""
    adjusted: frozenset[str] = frozenset()
    notes: tuple[Text, ...] = ()

    @property
    def score(self) -> float:
        return sum(t.score for t in self.tests)

    @property
    def max_score(self) -> float:
        return sum(t.max_score for t in self.tests)

    @classmethod
    def from_report(cls, report: SubmissionReport, *, student: str, assignment: str, notebook: str,
                    graded_at: datetime | None = None) -> NotebookFeedback:
        when = (graded_at or datetime.now(UTC)).astimezone(UTC)
        return cls(student, assignment, notebook, Path(report.submission).name, tuple(report.tests), report.error,
                   report.isolation, __version__, when.strftime("%Y-%m-%dT%H:%M:%SZ"), notes=tuple(report.notes))

    def with_scores(self, scores: dict[str, float | None]) -> NotebookFeedback:
        """A copy whose scores are the gradebook's (``scores``: test id -> score, e.g. a
        manual score from formgrader); the tests whose score differs are marked adjusted."""
        tests, adjusted = [], set()
        for t in self.tests:
            now = scores.get(t.name)
            if now is not None and now != t.score:
                tests.append(dataclasses.replace(t, score=float(now)))
                adjusted.add(t.name)
            else:
                tests.append(t)
        return dataclasses.replace(self, tests=tuple(tests), adjusted=frozenset(adjusted))

    def to_json(self) -> dict:
        return {
            "student": self.student, "assignment": self.assignment, "notebook": self.notebook,
            "submitted": self.submitted, "isolation": self.isolation, "grader_version": self.grader_version,
            "graded_at": self.graded_at, "error": None if self.error is None else self.error.as_dict(),
            "tests": [{"name": t.name, "function": t.function, "score": t.score, "max_score": t.max_score,
                       "passed": t.passed, "message": as_text(t.message).as_dict(),
                       "curves": [c.to_json() for c in t.curves]} for t in self.tests],
            "notes": [as_text(n).as_dict() for n in self.notes],
        }

    @classmethod
    def from_json(cls, data: dict) -> NotebookFeedback:
        tests = tuple(TestResult(t["name"], t["function"], t["score"], t["max_score"], t["passed"],
                                 Text(**t["message"]), tuple(Curve.from_json(c) for c in t.get("curves", ())))
                      for t in data["tests"])
        error = None if data.get("error") is None else Text(**data["error"])
        return cls(data["student"], data["assignment"], data["notebook"], data["submitted"], tests, error,
                   data.get("isolation"), data.get("grader_version", "unknown"), data.get("graded_at", ""),
                   notes=tuple(Text(**n) for n in data.get("notes", ())))


def feedback_path(course_dir: Path, fb: NotebookFeedback) -> Path:
    """``feedback/<student>/<assignment>/<submitted file stem>.html`` in the course directory.

    Raises ValueError when a part is not one plain name (``..``, a separator): a page is
    never written outside its folder, whatever a report says.
    """
    stem = fb.submitted.removesuffix(".ipynb").removesuffix(".py")
    parts = (fb.student, fb.assignment, f"{stem}.html")
    for part in parts:
        if part in ("", ".", "..", ".html") or "/" in part or "\\" in part or "\0" in part:
            raise ValueError(f"not a plain file or folder name: {part!r}")
    return Path(course_dir, "feedback", *parts)


def write_feedback(course_dir: Path, fb: NotebookFeedback, lang: str | None = None) -> Path:
    """Write the feedback page of ``fb`` (atomically: a reader never sees half a page)."""
    path = feedback_path(course_dir, fb)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_text(render_html(fb, lang), encoding="utf-8")
    tmp.replace(path)
    return path


# -- the page -------------------------------------------------------------------------

_CSS = """
body { font-family: system-ui, "Apple SD Gothic Neo", "Malgun Gothic", sans-serif; max-width: 52rem;
       margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; line-height: 1.5; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
.facts { color: #555; font-size: .9rem; } .facts dt { float: left; clear: left; width: 11rem; }
.facts dd { margin-left: 11rem; }
table { border-collapse: collapse; margin-top: 1rem; } td, th { padding: .3rem .8rem; text-align: left; }
tr + tr td { border-top: 1px solid #ddd; } td.points { text-align: right; font-variant-numeric: tabular-nums; }
.pass { color: #1a7f37; } .fail { color: #cf222e; } .adjusted { color: #8250df; font-size: .85rem; }
.message { white-space: pre-wrap; background: #f6f8fa; border-left: 4px solid #cf222e; padding: .6rem .8rem; }
.message.ok { border-left-color: #1a7f37; } .hint { display: block; margin-top: .4rem; }
.error { background: #fff1f0; border: 1px solid #cf222e; padding: .6rem .8rem; }
.notes { background: #fff8c5; padding: .6rem .8rem .6rem 2rem; }
svg { display: block; margin: .8rem 0; } svg text { font-size: 11px; fill: #444; }
nav label { cursor: pointer; border: 1px solid #999; border-radius: 4px; padding: .1rem .5rem; margin-left: .3rem; }
nav { float: right; } input.lang { display: none; }
#lang-en:checked ~ main .ko, #lang-ko:checked ~ main .en { display: none; }
#lang-en:checked ~ nav label[for=lang-en], #lang-ko:checked ~ nav label[for=lang-ko] { background: #ddd; }
"""

_HINT = {"en": " Hint: ", "ko": " 힌트: "}


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _both(text: Text | str, tag: str = "span") -> str:
    """The text in every language, each in an element the language switch shows or hides."""
    text = as_text(text)
    return "".join(f'<{tag} class="{lang}" lang="{lang}">{_esc(text.render(lang))}</{tag}>' for lang in LANGUAGES)


def _message(text: Text, ok: bool) -> str:
    """A message in each language, its hint on a line of its own."""
    out = []
    for lang in LANGUAGES:
        body, hint_word, hint = text.render(lang).partition(_HINT[lang])
        hint_html = f'<span class="hint"><strong>{_esc(hint_word.strip())}</strong> {_esc(hint)}</span>' if hint else ""
        out.append(f'<div class="message{" ok" if ok else ""} {lang}" lang="{lang}">{_esc(body)}{hint_html}</div>')
    return "".join(out)


def _points(value: float) -> str:
    return f"{value:g}"


def render_html(fb: NotebookFeedback, lang: str | None = None) -> str:
    """The feedback page: one self-contained HTML document, shown first in ``lang``
    (default: :func:`dlcheck.text.language`), with a switch to the other language."""
    lang = lang or language()
    title = f"{fb.notebook}: {_points(fb.score)} / {_points(fb.max_score)}"
    switch = "".join(f'<input type="radio" name="lang" class="lang" id="lang-{code}"{" checked" if code == lang else ""}>'
                     for code in LANGUAGES)
    labels = "".join(f'<label for="lang-{code}">{name}</label>'
                     for code, name in zip(LANGUAGES, ("English", "한국어"), strict=True))
    body = [_facts(fb), _table(fb)]
    if fb.notes:
        body.append('<ul class="notes">' + "".join(f"<li>{_both(n)}</li>" for n in fb.notes) + "</ul>")
    if fb.error is not None:
        body.append(f'<h2>{_both(tr("Not graded", "채점하지 못함"))}</h2><div class="error">{_both(fb.error)}</div>')
    if fb.error is None:
        lost = [t for t in fb.tests if t.score < t.max_score]
        kept = [t for t in fb.tests if t.score >= t.max_score]
        for heading, tests in ((tr("Where points were lost", "점수를 잃은 곳"), lost),
                               (tr("What was checked", "검사한 내용"), kept)):
            if tests:
                body.append(f"<h2>{_both(heading)}</h2>")
                body += [_function(t) for t in tests]
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
            f"{switch}\n<nav>{labels}</nav>\n<main>\n<h1>{_esc(title)}</h1>\n" + "\n".join(body)
            + "\n</main>\n</body>\n</html>\n")


def _facts(fb: NotebookFeedback) -> str:
    rows = [
        (tr("Student", "학생"), fb.student),
        (tr("Assignment", "과제"), fb.assignment),
        (tr("File", "파일"), fb.submitted),
        (tr("Graded at (UTC)", "채점 시각 (UTC)"), fb.graded_at.replace("T", " ").removesuffix("Z")),
        (tr("Grader", "채점기"), f"dl-autograder {fb.grader_version}"),
        (tr("Isolation level", "격리 수준"), fb.isolation or "-"),
    ]
    return '<dl class="facts">' + "".join(f"<dt>{_both(k)}</dt><dd>{_esc(v)}</dd>" for k, v in rows) + "</dl>"


def _table(fb: NotebookFeedback) -> str:
    head = (f"<tr><th>{_both(tr('Function', '함수'))}</th><th>{_both(tr('Points', '점수'))}</th>"
            f"<th>{_both(tr('Result', '결과'))}</th></tr>")
    rows = []
    for t in fb.tests:
        full = t.score >= t.max_score
        verdict = _both(tr("passed", "통과") if full else tr("failed", "실패"))
        note = (f' <span class="adjusted">{_both(tr("(changed by your instructor)", "(강사가 조정함)"))}</span>'
                if t.name in fb.adjusted else "")
        rows.append(f'<tr><td><a href="#{_esc(t.function)}"><code>{_esc(t.function)}</code></a></td>'
                    f'<td class="points">{_points(t.score)} / {_points(t.max_score)}</td>'
                    f'<td class="{"pass" if full else "fail"}">{verdict}{note}</td></tr>')
    total = (f'<tr><td><strong>{_both(tr("Total", "합계"))}</strong></td>'
             f'<td class="points"><strong>{_points(fb.score)} / {_points(fb.max_score)}</strong></td><td></td></tr>')
    return f"<table>{head}{''.join(rows)}{total}</table>"


def _function(t: TestResult) -> str:
    full = t.score >= t.max_score
    heading = f'<h3 id="{_esc(t.function)}"><code>{_esc(t.function)}</code> {_points(t.score)} / {_points(t.max_score)}</h3>'
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
        f'<text x="{x0}" y="16">{_both(curve.title, "tspan")}</text>',
        f'<line x1="{x0}" y1="{y1}" x2="{x1}" y2="{y1}" stroke="#999"/>',
        f'<line x1="{x0}" y1="{y0}" x2="{x0}" y2="{y1}" stroke="#999"/>',
        f'<text x="{x0 - 6}" y="{y0 + 4}" text-anchor="end">{high:.3g}</text>',
        f'<text x="{x0 - 6}" y="{y1}" text-anchor="end">{low:.3g}</text>',
        f'<text x="{x0}" y="{y1 + 16}">0</text>',
        f'<text x="{x1}" y="{y1 + 16}" text-anchor="end">{steps}</text>',
        f'<text x="{(x0 + x1) // 2}" y="{y1 + 30}" text-anchor="middle">{_both(curve.x_label, "tspan")}</text>',
        line(curve.want, 'stroke="#d4a017" stroke-dasharray="6 4"'),
        line(curve.got, 'stroke="#0969da"'),
        f'<line x1="{x1 - 150}" y1="{y0}" x2="{x1 - 130}" y2="{y0}" stroke="#0969da" stroke-width="2"/>',
        f'<text x="{x1 - 125}" y="{y0 + 4}">{_both(yours, "tspan")}</text>',
        f'<line x1="{x1 - 70}" y1="{y0}" x2="{x1 - 50}" y2="{y0}" stroke="#d4a017" stroke-width="2" '
        f'stroke-dasharray="6 4"/>',
        f'<text x="{x1 - 45}" y="{y0 + 4}">{_both(reference, "tspan")}</text>',
        "</svg>",
    ]
    return "".join(parts)
