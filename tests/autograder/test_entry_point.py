"""The ``autograde`` entry point's settings for its whole process (autograder/__main__.py)."""

from __future__ import annotations

import importlib.metadata
import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder import ROOT
from autograder.__main__ import NOT_IMPORTED


def _formats(node: object) -> set[str]:
    """Every ``"format": "<name>"`` in a JSON schema (a property named ``format`` is not one)."""
    if isinstance(node, list):
        return set().union(*map(_formats, node))
    if not isinstance(node, dict):
        return set()
    own = {node["format"]} if isinstance(node.get("format"), str) else set()
    return own.union(*map(_formats, node.values()))


@pytest.mark.parametrize("schema", sorted((Path(nbformat.__file__).parent / "v4").glob("*.schema.json")),
                         ids=lambda path: path.name)
def test_no_schema_of_nbformat_checks_a_format_the_modules_left_out_check(schema: Path) -> None:
    """Is leaving the modules of NOT_IMPORTED out free of any change to what nbformat
    validates, as autograder/__main__.py says?"""
    left_out = {fmt for formats in NOT_IMPORTED.values() for fmt in formats}
    assert {"iri", "uri", "duration"} <= left_out
    assert not _formats(json.loads(schema.read_text(encoding="utf-8"))) & left_out


@pytest.mark.subprocess
def test_the_formats_said_are_those_jsonschema_no_longer_checks() -> None:
    """Are the formats NOT_IMPORTED names all that jsonschema stops checking when those
    modules are left out, so that the test above looks for the right ones?"""
    def formats(left_out: list[str]) -> set[str]:
        code = (f"import sys\nfor m in {left_out!r}: sys.modules[m] = None\n"
                "import jsonschema\nprint(' '.join(jsonschema.FormatChecker.checkers))")
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        return set(proc.stdout.split())

    named = {fmt for fmts in NOT_IMPORTED.values() for fmt in fmts}
    assert formats([]) - formats(list(NOT_IMPORTED)) == named


@pytest.mark.subprocess
def test_nbgrader_is_used_without_its_package_init(tmp_path: Path) -> None:
    """Does the `autograde` process write and read a gradebook with nbgrader's own
    modules while leaving out what nbgrader's ``__init__`` loads for a Jupyter server, and
    setuptools (DEFERRED), and do nbgrader's apps, when something imports them, still
    import and read the version, and its archive functions unpack an archive?"""
    archive = shutil.make_archive(str(tmp_path / "collected"), "zip", ROOT / "autograder", "sandbox")
    code = f"""
import sys
from autograder.__main__ import prepare_process
prepare_process()
from autograder import gradebook
with gradebook.opened({str(tmp_path)!r}) as gb:
    gradebook.ensure_assignment(gb, "week2", {{"logistic_regression": [("test_sigmoid", 1.0)]}})
    names = gradebook.notebook_names(gb, "week2")
loaded = sorted(m for m in sys.modules
                if m in ("setuptools", "pkg_resources") or m.startswith(("nbgrader.server_extensions", "jupyter_server")))
from nbgrader.apps import NbGraderAPI
from nbgrader.utils import unzip
import nbgrader
unzip({archive!r}, {str(tmp_path)!r})
import setuptools.archive_util
print(names, loaded, nbgrader.__version__, setuptools.archive_util.__file__ is not None)
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert proc.stdout.split() == ["['logistic_regression']", "[]", importlib.metadata.version("nbgrader"), "True"]
    assert (tmp_path / "sandbox" / "__init__.py").is_file()


#: Markdown through nbconvert's renderer: a heading, math, raw HTML, a table, code.
MARKDOWN = "# A *title*\n\n$x^2$ and <b>bold</b> [link](https://example.org)\n\n| a |\n|---|\n| 1 |\n\n```python\nx = 1\n```"


@pytest.mark.subprocess
@pytest.mark.nbgrader  # the child exports a notebook with nbconvert
def test_nbconvert_renders_markdown_without_its_package_inits_and_initialises_them_when_used() -> None:
    """Does the `autograde` process render markdown as the full nbconvert does, without
    loading its exporters, jinja2, nbclient or ZeroMQ; and do nbconvert's exporters,
    when something uses them, still load and convert?"""
    def rendered(prepared: bool) -> list[str]:
        code = f"""
import sys
{"from autograder.__main__ import prepare_process; prepare_process()" if prepared else ""}
from autograder.inert import renders_harmless
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath
html = MarkdownWithMath(renderer=IPythonRenderer(escape=False, attachments={{}})).render({MARKDOWN!r})
loaded = sorted(m for m in ("jinja2", "nbclient", "zmq", "nbconvert.exporters") if m in sys.modules)
print(repr(html), renders_harmless({MARKDOWN!r}), loaded, sep=chr(10))
import nbformat
from nbconvert import HTMLExporter
body, _ = HTMLExporter().from_notebook_node(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Hi")]))
print('id="Hi"' in body)
"""
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        return proc.stdout.splitlines()

    full, prepared = rendered(prepared=False), rendered(prepared=True)
    assert full[0] == prepared[0] and "<table>" in full[0]
    assert prepared[1:] == ["True", "[]", "True"]  # harmless, and nothing more loaded
    assert full[2] != "[]"  # what the full package loads, and the prepared process does not
