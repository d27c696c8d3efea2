"""The ``autograde`` entry point's settings for its whole process (autograder/__main__.py)."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder import ROOT
from autograder.__main__ import NOT_IMPORTED

#: The formats jsonschema checks with rfc3987_syntax, and so lose when it is not imported.
RFC3987_SYNTAX_FORMATS = {"iri", "iri-reference"}


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
def test_no_schema_of_nbformat_checks_a_format_rfc3987_syntax_checks(schema: Path) -> None:
    """Is leaving rfc3987_syntax out (NOT_IMPORTED) free of any change to what nbformat
    validates, as autograder/__main__.py says?"""
    assert "rfc3987_syntax" in NOT_IMPORTED
    assert not _formats(json.loads(schema.read_text(encoding="utf-8"))) & RFC3987_SYNTAX_FORMATS


@pytest.mark.subprocess
def test_nbgrader_is_used_without_its_package_init(tmp_path: Path) -> None:
    """Does the `autograde` process write and read a gradebook with nbgrader's own
    modules while leaving out what nbgrader's ``__init__`` loads for a Jupyter server, and
    do nbgrader's apps, when something imports them, still import and read the version?"""
    code = f"""
import sys
from autograder.__main__ import _nbgrader_without_its_init
_nbgrader_without_its_init()
from autograder import gradebook
with gradebook.opened({str(tmp_path)!r}) as gb:
    gradebook.ensure_assignment(gb, "week2", {{"logistic_regression": [("test_sigmoid", 1.0)]}})
    names = gradebook.notebook_names(gb, "week2")
loaded = sorted(m for m in sys.modules if m.startswith(("nbgrader.server_extensions", "jupyter_server")))
from nbgrader.apps import NbGraderAPI
import nbgrader
print(names, loaded, nbgrader.__version__)
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert proc.stdout.split() == ["['logistic_regression']", "[]", importlib.metadata.version("nbgrader")]
