"""The report's documented JSON Schema (docs/report.schema.json), for the tests that check
a report the grader wrote against it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

SCHEMA = json.loads((Path(__file__).parents[2] / "docs" / "report.schema.json").read_text())


def validate(report: dict) -> None:
    """Raise jsonschema.ValidationError unless ``report`` is a report of the documented schema."""
    jsonschema.validate(report, SCHEMA)
