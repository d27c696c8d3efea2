"""A student's notebook made inert before an instructor's browser shows it.

nbgrader's formgrader shows a submission, and ``nbgrader generate_feedback`` writes its
page, by converting the autograded copy to HTML with nbconvert, which trusts the notebook:
a JavaScript output runs, HTML and SVG outputs are inlined, markdown keeps its raw HTML
and its ``javascript:`` links, widget state makes a page load a widget manager that renders
it, and a markdown cell naming an attachment the notebook lacks stops the whole page. The
page comes from the instructor's Jupyter server, so a script on it can use that server's
API as the instructor. (JupyterLab itself sanitizes markdown, and runs nothing from a
notebook it has not signed, as our copies never are.) So the copy keeps only what is
harmless however it is rendered:

- outputs: their text only (streams, errors, the ``text/plain`` of results), without
  terminal escape sequences. The student's plots and HTML tables are not kept: an image
  or an HTML table is a way in, and the grade does not depend on them;
- markdown: kept as written when nbconvert's own rendering of it (the code formgrader runs)
  holds only what plain markdown makes and a few formatting tags, links to ``http(s)``,
  ``mailto`` or this server, and images only as embedded PNG, JPEG or GIF (nothing loaded
  from elsewhere); otherwise shown as its text in a code block, under a note saying why;
- attachments: PNG, JPEG and GIF only (an SVG may hold a script);
- metadata: none of the student's (widget state, tags, a raw cell's format); the notebook
  gets a Python kernelspec, each cell an id of its position.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from typing import Any

from dlcheck.text import tr

#: Elements nbconvert makes of plain markdown, a few formatting tags, and their attributes.
ELEMENTS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("p", "blockquote", "pre", "hr", "br", "ul", "dl", "dt", "dd", "table", "thead", "tbody", "tr",
                     "em", "strong", "del", "b", "i", "u", "s", "sub", "sup", "small", "kbd", "center"), ()),
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), ("id",)),
    **dict.fromkeys(("th", "td"), ("style",)),
    **dict.fromkeys(("div", "span", "code", "li"), ("class",)),
    "ol": ("start",),
    "a": ("href", "title", "class"),
    "img": ("src", "alt", "title"),
    "input": ("type", "class", "disabled", "checked"),
}
_VOID = {"br", "hr", "img", "input"}
#: The classes nbconvert gives: pygments' highlighting, code languages, task lists, heading anchors.
_CLASSES = {"div": "highlight", "span": r"[a-z]{1,3}\d?", "code": r"language-[\w+#.-]+", "li": "task-list-item",
            "input": "task-list-item-checkbox", "a": "anchor-link"}
_VALUES = {"style": r"text-align:\s*(left|center|right);?", "type": "checkbox", "start": r"\d{1,9}"}
#: An event handler however the tag writes it: a check of the raw tag beside the parsed one.
_HANDLER = re.compile(r"(?i)[\s/\"'`]on[a-z]+\s*=")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_RASTER = ("image/png", "image/jpeg", "image/gif")
_BASE64 = re.compile(r"[A-Za-z0-9+/=\s]*")
#: Terminal escape sequences (CSI, OSC, two-character) and control characters but tab and line ends.
_CONTROL = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(\x07|\x1b\\)?|[ -~]?)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _url(value: str) -> str:
    """``value`` as a browser reads a URL: tabs and line ends dropped, spaces and controls trimmed."""
    return re.sub(r"[\t\n\r]", "", value).strip("".join(map(chr, range(33))))


def _allowed_value(tag: str, name: str, value: str) -> bool:
    url = _url(value)
    if name in ("href", "src") and re.search(r"[\x00-\x1f\x7f]", url):
        return False  # a browser reads a NUL as U+FFFD, harmless, but no link needs one
    if name == "href":
        scheme = _SCHEME.match(url)
        return scheme is None or scheme[1].lower() in ("http", "https", "mailto")
    if name == "src":
        return re.fullmatch(r"data:image/(png|jpeg|gif);base64,[A-Za-z0-9+/=]*", url) is not None
    if name == "class":
        return tag in _CLASSES and all(re.fullmatch(_CLASSES[tag], c) for c in value.split())
    return name not in _VALUES or re.fullmatch(_VALUES[name], value.strip()) is not None


class _Harmless(HTMLParser):
    """Is an HTML fragment only allowed elements, attributes and URLs, every element closed?"""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.harmless = True
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        allowed = (tag in ELEMENTS and not _HANDLER.search(self.get_starttag_text() or "")
                   and all(name in ELEMENTS[tag] and _allowed_value(tag, name, value or "") for name, value in attrs))
        self.harmless = self.harmless and allowed
        if tag not in _VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.harmless = self.harmless and tag in _VOID  # browsers ignore the slash of <span/>: it stays open
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID:
            self.harmless = self.harmless and bool(self.open) and self.open.pop() == tag

    def handle_data(self, data: str) -> None:
        self.harmless = self.harmless and "<" not in data  # markup the parser could not read

    def handle_comment(self, data: str) -> None:
        self.harmless = False

    handle_decl = unknown_decl = handle_pi = handle_comment


#: The longest markdown whose verdict is remembered (:func:`renders_harmless`): the course's
#: own cells are under 2 KB, and :data:`REMEMBERED` of these bound the memory it takes.
REMEMBER_AT_MOST = 8192
REMEMBERED = 1024


def renders_harmless(source: str, attachments: dict | None = None) -> bool:
    """Does nbconvert render the markdown ``source`` as harmless HTML (see :data:`ELEMENTS`)?

    Markdown without attachments is rendered once a process: every student's copy holds
    the released notebook's markdown cells, and rendering them was half the time of
    writing a class's autograded copies."""
    if not attachments and len(source) <= REMEMBER_AT_MOST:
        return _renders_harmless_remembered(source)
    return _renders_harmless(source, attachments or {})


@functools.lru_cache(maxsize=REMEMBERED)
def _renders_harmless_remembered(source: str) -> bool:
    return _renders_harmless(source, {})


def _renders_harmless(source: str, attachments: dict) -> bool:
    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

    try:
        html = MarkdownWithMath(renderer=IPythonRenderer(escape=False, attachments=attachments)).render(source)
    except Exception:  # noqa: BLE001 - e.g. a missing attachment, which would stop nbconvert's whole page
        return False
    parser = _Harmless()
    parser.feed(html)
    parser.close()
    return parser.harmless and not parser.open


def markdown_or_text(source: str, attachments: dict | None = None, lang: str | None = None) -> str:
    """``source`` if it renders harmless, else its text in a code block under a note."""
    if renders_harmless(source, attachments):
        return source
    note = tr("*autograde shows this as text: rendered, it would run or load something in your browser.*",
              "*autograde는 이것을 텍스트로 보여 줍니다: 렌더링하면 브라우저에서 무언가를 실행하거나 불러오기 때문입니다.*")
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", source)), default=0))
    shown = f"{note.render(lang)}\n\n{fence}\n{source}\n{fence}"
    return shown if renders_harmless(shown) else note.render(lang)


def _joined(text: Any) -> str:
    """A string, or nbformat's list of lines, as one string."""
    return "".join(map(str, text)) if isinstance(text, list) else str(text)


def plain_text(text: Any) -> str:
    """``text`` (a string, or nbformat's list of lines) without escape sequences or controls."""
    return _CONTROL.sub("", _joined(text))


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _output(output: Any) -> Any:
    """The text of one output, as a new output; ``None`` when it has none."""
    if not isinstance(output, dict):
        return None
    kind = output.get("output_type")
    if kind == "stream":
        return unchecked_output("stream", name="stderr" if output.get("name") == "stderr" else "stdout",
                                text=plain_text(output.get("text", "")))
    if kind == "error":
        lines = output.get("traceback")
        return unchecked_output("error", ename=plain_text(output.get("ename", "")),
                                evalue=plain_text(output.get("evalue", "")),
                                traceback=[plain_text(line) for line in (lines if isinstance(lines, list) else [])])
    data = output.get("data")
    if kind not in ("display_data", "execute_result") or not isinstance(data, dict) or "text/plain" not in data:
        return None
    text = {"text/plain": plain_text(data["text/plain"])}
    if kind == "execute_result":
        return unchecked_output(kind, data=text, execution_count=_count(output.get("execution_count")))
    return unchecked_output(kind, data=text)


def _attachments(value: Any) -> dict[str, dict[str, str]]:
    """The PNG, JPEG and GIF attachments of a cell, their data checked to be base64."""
    kept: dict[str, dict[str, str]] = {}
    for name, bundle in (value.items() if isinstance(value, dict) else ()):
        if not isinstance(bundle, dict):
            continue
        raster = {mime: _joined(data) for mime, data in bundle.items() if mime in _RASTER}
        raster = {mime: data for mime, data in raster.items() if _BASE64.fullmatch(data)}
        if raster:
            kept[str(name)] = raster
    return kept


def unchecked_cell(kind: str, source: str, **fields: Any) -> Any:
    """A cell as nbformat's ``new_<kind>_cell`` makes it, not checked against the schema on
    its own: the notebook is, whole, when it is written (``nbformat.writes``), and checking
    every cell again was half the time of writing a class's autograded copies."""
    from nbformat import from_dict

    return from_dict({"cell_type": kind, "metadata": {}, "source": source, **fields})


def unchecked_output(kind: str, **fields: Any) -> Any:
    """An output as nbformat's ``new_output`` makes it from all its fields, not checked on its
    own either (:func:`unchecked_cell`)."""
    from nbformat import from_dict

    shown = {"metadata": {}} if kind in ("display_data", "execute_result") else {}
    return from_dict({"output_type": kind, **shown, **fields})


def inert(nb: Any, lang: str | None = None) -> Any:
    """A new nbformat v4 notebook made of what in ``nb`` is harmless to render (see above).

    Parameters
    ----------
    nb : NotebookNode
        The submitted notebook, as nbformat read it (valid or not).
    lang : str, optional
        The language of the notes on markdown cells shown as text.
    """
    from nbformat import NotebookNode, from_dict

    cells = []
    given = nb.get("cells")
    for cell in (c for c in (given if isinstance(given, list) else []) if isinstance(c, dict)):
        kind, source = cell.get("cell_type"), _joined(cell.get("source", ""))
        if kind == "code":
            outputs = cell.get("outputs") if isinstance(cell.get("outputs"), list) else []
            new = unchecked_cell("code", source, execution_count=_count(cell.get("execution_count")),
                                 outputs=[o for o in map(_output, outputs) if o is not None])
        elif kind == "markdown":
            attachments = _attachments(cell.get("attachments"))
            new = unchecked_cell("markdown", markdown_or_text(source, attachments, lang))
            if new.source == source and attachments:
                new.attachments = attachments
        else:
            new = unchecked_cell("raw", source)
        new.id = f"cell-{len(cells)}"
        cells.append(new)
    # Not validated here: the cells are built valid, and writing the notebook validates it.
    return NotebookNode(nbformat=4, nbformat_minor=5, cells=cells, metadata=from_dict({
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"}}))
