"""What every grading verb checks before it grades a file (``grade``, ``course``): the data
the hidden checks read, and the instructor's secret. Missing either, grading stops with
one line saying how to fix it, before any student's file is read."""

from __future__ import annotations

from collections.abc import Iterable

from dlcheck.checks import GraderError, NotebookSpec

from . import secret


def preflight(notebooks: Iterable[NotebookSpec], *, dev_secret: bool) -> bytes:
    """Everything grading needs, checked before any file is graded: the data the hidden
    checks read, and the instructor's secret. Returns the secret; GraderError says what
    is missing and how to fix it."""
    from dldata.store import DataError, find_file

    for spec in notebooks:
        for name in spec.data_files:
            try:
                find_file(name)
            except DataError as exc:
                raise GraderError(exc.text) from None
    return secret.for_grading(allow_development=dev_secret)
