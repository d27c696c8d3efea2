"""Tests of autograder.inert: what of a notebook is kept for the instructor's browser.

The hostile notebooks rendered by formgrader are in tests/security/test_instructor_tools.py;
here, each rule on its own, and the course's own notebooks kept as written.
"""

from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from autograder import ROOT
from autograder.inert import inert, markdown_or_text, plain_text, renders_harmless

PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="

#: Markdown that plain markdown or a course's notebook writes: kept as written.
KEPT = {
    "table-aligned": "| a | b |\n|:-|-:|\n| 1 | 2 |",
    "python-block": "```python\nx = 1 < 2\n```",
    "unknown-language-block": "```weird\nx\n```",
    "task-list": "- [x] done\n- [ ] to do",
    "headings": "# Title\n## Part",
    "links": "[x](https://example.com), <https://example.com>, [m](mailto:a@b.c), [nb](other.ipynb), [t](#Title)",
    "math-with-less-than": "$a<b$ and $$x>y$$",
    "quote-and-greater-than": "> quoted\n\na > b, `A > 0.5`, `LINEAR -> RELU`",
    "formatting-tags": "<b>bold</b>, <i>it</i>, line<br>break, x<sub>2</sub>",
    "numbered-from-3": "3. three\n4. four",
}

#: Markdown nbconvert would render into something that runs or loads: shown as text.
SHOWN_AS_TEXT = {
    "img-onerror": "<img src=x onerror=alert(1)>",
    "upper-case-handler": "<IMG SRC=x ONERROR=alert(1)>",
    "handler-on-allowed-tag": '<a href="#" title="x" onmouseover="alert(1)">x</a>',
    "entity-in-scheme": '<a href="&#106;avascript:alert(1)">x</a>',
    "named-entity-colon": '<a href="javascript&colon;alert(1)">x</a>',
    "leading-space": '<a href=" javascript:alert(1)">x</a>',
    "newline-in-scheme": "<a href='java\nscript:alert(1)'>x</a>",
    "mixed-case-link": "[x](JaVaScRiPt:alert(1))",
    "reference-link": "[a][r]\n\n[r]: javascript:alert(1)",
    "image-link": "![x](javascript:alert(1))",
    "autolink": "<javascript:alert(1)>",
    "data-link": "[x](data:text/html,<script>alert(1)</script>)",
    "vbscript": "[x](vbscript:msgbox)",
    "remote-image": "![x](https://tracker.example/x.png)",
    "relative-image": "![x](images/x.png)",
    "svg-data-image": '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
    "missing-attachment": "![x](attachment:none.png)",
    "script": "<script>alert(1)</script>",
    "style": "<style>body { display: none }</style>",
    "iframe": "<iframe src=x></iframe>",
    "svg": "<svg><animate onbegin=alert(1) /></svg>",
    "math-element": "<math><mi>x</mi></math>",
    "noscript-mutation": '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "details-ontoggle": "<details open ontoggle=alert(1)>",
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=x">',
    "base": '<base href="https://evil.example/">',
    "form": "<form><button>x</button></form>",
    "comment": "<!-- hidden -->",
    "unclosed-tag": "<b>bold to the end of the page",
    "self-closed-span": "<span/>text",
    "mermaid-block": "```mermaid\ngraph TD; A-->B\n```",
    "class-from-the-page": '<div class="alert alert-danger">x</div>',
    "link-target": '<a href="https://x" target="_blank">x</a>',
    "classic-course-image": '<img src="images/cost.png" style="width:650px;height:400px;">',
}


@pytest.mark.parametrize("source", list(KEPT.values()), ids=list(KEPT))
def test_plain_markdown_is_kept_as_written(source):
    """Is markdown that renders to harmless HTML kept exactly as written?"""
    assert markdown_or_text(source) == source


@pytest.mark.parametrize("source", list(SHOWN_AS_TEXT.values()), ids=list(SHOWN_AS_TEXT))
def test_markdown_that_would_run_or_load_is_shown_as_text(source):
    """Is markdown that nbconvert would render into a script, a handler, a dangerous link,
    an outside resource or a broken page shown as its text in a code block, under a note?"""
    shown = markdown_or_text(source, lang="en")
    assert shown.startswith("*autograde shows this as text: rendered, it would run or load something")
    assert f"\n{source}\n" in shown and renders_harmless(shown)


def test_text_cannot_close_its_code_block():
    """Can backticks in the source end the code block it is shown in?"""
    source = "```\n<img src=x onerror=alert(1)>\n````\n<script>alert(2)</script>"
    shown = markdown_or_text(source, lang="ko")
    assert shown.startswith("*autograde는 이것을 텍스트로 보여 줍니다") and "\n`````\n" in shown
    assert renders_harmless(shown)


def test_an_embedded_raster_attachment_is_kept():
    """Is a markdown image attached as a PNG kept, with its attachment?"""
    nb = new_notebook(cells=[new_markdown_cell("![plot](attachment:plot.png)",
                                               attachments={"plot.png": {"image/png": PNG}})])
    cell = inert(nb).cells[0]
    assert cell.source == "![plot](attachment:plot.png)" and cell.attachments == {"plot.png": {"image/png": PNG}}


def test_outputs_keep_their_text_only():
    """Does each output keep its text (plain, without escape sequences) and nothing else?"""
    nb = new_notebook(cells=[new_code_cell("x", execution_count=4, outputs=[
        new_output("stream", name="stdout", text=["cost: ", "\x1b[31m0.69\x1b[0m\n"]),
        new_output("execute_result", execution_count=4, data={"text/plain": "array([1])", "text/html": "<b>1</b>"},
                   metadata={"isolated": True}),
        new_output("display_data", data={"image/png": PNG}),
        new_output("error", ename="ValueError", evalue="bad", traceback=["\x1b[0;31mValueError\x1b[0m: bad"]),
    ])])
    cell = inert(nb).cells[0]
    assert cell.execution_count == 4
    assert [(o.output_type, o.get("text") or o.get("data") or o.get("traceback")) for o in cell.outputs] == [
        ("stream", "cost: 0.69\n"), ("execute_result", {"text/plain": "array([1])"}),
        ("error", ["ValueError: bad"])]
    assert cell.outputs[1].metadata == {}


@pytest.mark.parametrize("text, plain", [
    ("\x1b[1;31mred\x1b[0m", "red"),
    ("\x1b]8;;javascript:alert(1)\x07link\x1b]8;;\x07", "link"),
    ("bell\x07, form feed\x0c, C1 CSI\x9b", "bell, form feed, C1 CSI"),
    ("tab\tand lines\r\n", "tab\tand lines\r\n"),
], ids=["colour", "terminal-hyperlink", "controls", "tab-and-line-ends-kept"])
def test_plain_text_has_no_escape_sequences(text, plain):
    """Are terminal escape sequences and control characters (but tab and line ends) removed?"""
    assert plain_text(text) == plain


def test_notebook_and_cell_metadata_are_not_kept():
    """Are the student's notebook and cell metadata (widget state, tags) replaced?"""
    nb = new_notebook(cells=[new_code_cell("x", metadata={"tags": ["t"], "jupyter": {"source_hidden": True}})],
                      metadata={"widgets": {"application/vnd.jupyter.widget-state+json": {}}, "title": "x"})
    copy = inert(nb)
    assert set(copy.metadata) == {"kernelspec", "language_info"} and copy.cells[0].metadata == {}
    nbformat.validate(copy)


@pytest.mark.parametrize("notebook", sorted(ROOT.glob("assignments/*/*.ipynb")),
                         ids=lambda p: str(p.relative_to(ROOT / "assignments")))
def test_course_notebooks_are_kept_as_written(notebook):
    """Does every cell of a released notebook keep its source (markdown included), so the
    course's own text reads in formgrader as students read it?"""
    nb = nbformat.read(notebook, as_version=4)
    assert [(c.cell_type, c.source) for c in inert(nb).cells] == [(c.cell_type, c.source) for c in nb.cells]


@pytest.mark.parametrize("nb", [
    {"cells": 5},
    {"cells": [5, {"cell_type": "code", "source": 5, "outputs": "x", "execution_count": "7"},
               {"cell_type": "markdown", "source": ["a", 1], "attachments": {"a": 5, "b": {"image/png": ["QUJD"]}}},
               {"cell_type": "code", "source": "x", "outputs": [5, {"output_type": "execute_result", "data": 7},
                                                               {"output_type": "stream", "text": 5}]}]},
], ids=["cells-not-a-list", "cells-off-the-schema"])
def test_a_notebook_off_the_schema_gives_a_valid_copy(nb):
    """Does a notebook that breaks nbformat's schema still give a valid (inert) copy?"""
    nbformat.validate(inert(nbformat.from_dict(nb)))
