"""Every graded notebook, by id ("week2/logistic_regression")."""

from __future__ import annotations

from ..checks import NotebookSpec
from .week2 import logistic_regression, numpy_basics

NOTEBOOKS: dict[str, NotebookSpec] = {spec.id: spec for spec in (numpy_basics.SPEC, logistic_regression.SPEC)}


def get(notebook_id: str) -> NotebookSpec:
    """The spec of a notebook id; KeyError names the known ids."""
    try:
        return NOTEBOOKS[notebook_id]
    except KeyError:
        raise KeyError(f"unknown notebook {notebook_id!r}; known: {', '.join(sorted(NOTEBOOKS))}") from None
