"""A notebook's editions: the English one, ``<stem>.ipynb``, and the Korean one beside
it, ``<stem>.ko.ipynb``. The one place that rule is written, for the student side (self-
check, the pytest plugin) and the grader (:mod:`autograder.names`, the release).
"""

from __future__ import annotations

from .text import chosen_language

KOREAN_SUFFIX = ".ko"


def korean_edition(notebook: str) -> str:
    """The file name (or path) of a notebook's Korean edition, beside its English one:
    ``"week2/logistic_regression.ipynb"`` or ``"week2/logistic_regression"`` ->
    ``"week2/logistic_regression.ko.ipynb"``."""
    return notebook.removesuffix(".ipynb") + KOREAN_SUFFIX + ".ipynb"


def is_korean_edition(filename: str) -> bool:
    """Whether ``filename`` names a Korean edition (``<stem>.ko.ipynb``)."""
    return filename.endswith(KOREAN_SUFFIX + ".ipynb")


def stem(filename: str) -> str:
    """The notebook's stem, whichever edition ``filename`` is: ``"x.ko.ipynb"`` -> ``"x"``."""
    return filename.removesuffix(".ipynb").removesuffix(KOREAN_SUFFIX)


def language(filename: str) -> str | None:
    """The language to tell the learner who handed in ``filename`` in: the one chosen on
    purpose (``--lang``, ``$AUTOGRADE_LANG``), else Korean for a Korean edition, else
    ``None`` (the usual choice, :func:`dlcheck.text.language`)."""
    return chosen_language() or ("ko" if is_korean_edition(filename) else None)
