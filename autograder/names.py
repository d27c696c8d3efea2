"""Which graded notebook a file name or an assignment name means (and how a name is
shown on a line of progress: :func:`safe_name`).

A class may keep the classic course's names: ``Logistic_Regression_with_a_Neural_Network_mindset_v6a.ipynb``
in an assignment called ``W2A2``, ``Deep Neural Network - Application v8.ipynb``, or a Korean
edition ``logistic_regression.ko.ipynb``. Each spec declares its classic names
(``NotebookSpec(..., classic_names=(...))``); names are compared by their *key*:

- a ``+`` (or ``%20``) is a space: Coursera's downloads name a file
  ``Deep+Neural+Network+-+Application+v8.ipynb``;
- the ``.ipynb`` / ``.py`` extension and a Korean edition's ``.ko`` are dropped;
- so are a version suffix (``_v2a``, `` v3``, ``-v8``) and a copy's suffix (``-Copy1``, `` (2)``);
- what is left is lowercased and kept to letters and digits, so ``Deep Neural Network -
  Application`` and ``Deep_Neural_Network_Application`` are one name.

A learner's numbering in front of a name (``a1_``, ``W3A1 - ``, ``01-``: words with a digit,
each followed by a separator) is dropped too when the whole name matches nothing
(:func:`match`). A name that still says nothing may be recognised by the functions the file
defines (:mod:`autograder.recognise`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from dlcheck import editions
from dlcheck.checks import NotebookSpec

_EXTENSION = re.compile(r"\.(ipynb|py)$", re.I)
_KOREAN = re.compile(re.escape(editions.KOREAN_SUFFIX) + "$", re.I)
_COPY = re.compile(r"(-Copy\d+|\s*\(\d+\))$", re.I)
_VERSION = re.compile(r"[\s_-]+v\d+[a-z]?$", re.I)
_ASSIGNMENT_CODE = re.compile(r"^W\d+A\d+$", re.I)
_NUMBERING = re.compile(r"^(?:[a-z]*\d[a-z\d]*[\s_-]+)+", re.I)  # "a1_", "W3A1 - ", "01-"


def key(name: str) -> str:
    """The comparable form of a file or assignment name:
    ``"Deep Neural Network - Application v8.ipynb"`` -> ``"deepneuralnetworkapplication"``."""
    stem = _KOREAN.sub("", _EXTENSION.sub("", name.replace("%20", " ").replace("+", " ").strip()))
    previous = None
    while previous != stem:  # "x_v2a-Copy1" loses both suffixes
        previous = stem
        stem = _VERSION.sub("", _COPY.sub("", stem))
    return re.sub(r"[^0-9a-z]", "", stem.lower())


def names_of(spec: NotebookSpec) -> tuple[str, ...]:
    """Every name a notebook answers to: its stem, then its classic names."""
    return (spec.stem, *spec.classic_names)


def match(filename: str, notebooks: Mapping[str, Iterable[str]]) -> str | None:
    """The notebook ``filename`` is a submission of, or ``None``.

    ``notebooks`` maps each notebook (e.g. its gradebook name) to the names it answers
    to; the notebook's own name always counts. The whole name's key is compared first,
    then the key without a learner's numbering in front (``a1_planar_data_...``).
    """
    for wanted in dict.fromkeys(key(name) for name in _with_and_without_numbering(filename)):
        for notebook, aliases in notebooks.items():
            if wanted in {key(notebook), *(key(a) for a in aliases)}:
                return notebook
    return None


def _with_and_without_numbering(filename: str) -> tuple[str, ...]:
    spaced = filename.replace("%20", " ").replace("+", " ").strip()
    return filename, _NUMBERING.sub("", spaced)


def is_exact(filename: str, notebook: str) -> bool:
    """Whether ``filename`` is the notebook's own file (``<notebook>.ipynb``), not a Korean
    edition, a version or a copy: it is preferred when a student hands in several."""
    return _EXTENSION.sub("", filename) == notebook


def expected_files(notebooks: Mapping[str, Iterable[str]]) -> str:
    """What a file must be called to match, for messages:
    ``"logistic_regression.ipynb (or Logistic_Regression_with_a_Neural_Network_mindset*.ipynb)"``."""
    parts = []
    for notebook, aliases in sorted(notebooks.items()):
        others = [a for a in aliases if key(a) != key(notebook) and not _ASSIGNMENT_CODE.match(a)]
        also = f" (or {', '.join(f'{a}*.ipynb' for a in others)})" if others else ""
        parts.append(f"{notebook}.ipynb{also}")
    return ", ".join(parts)


def file_patterns(spec: NotebookSpec) -> list[str]:
    """The file names a notebook's file may have, for messages: ``["deep_network_step_by_step.ipynb",
    "Building_your_Deep_Neural_Network_Step_by_Step*.ipynb"]`` (assignment codes left out)."""
    return [f"{spec.stem}.ipynb", *(f"{n}*.ipynb" for n in spec.classic_names
                                    if key(n) != key(spec.stem) and not _ASSIGNMENT_CODE.match(n))]


def notebooks_for_assignment(assignment: str, specs: Iterable[NotebookSpec]) -> list[NotebookSpec]:
    """The notebooks an assignment name stands for: a week (``"week2"``, ``"Week 2"``) means
    all its notebooks; a notebook's stem, id or classic name (``"W2A2"``,
    ``"Logistic_Regression_with_a_Neural_Network_mindset"``) means that notebook."""
    specs = list(specs)
    wanted = key(assignment)
    week = [s for s in specs if key(s.week) == wanted]
    if week:
        return week
    return [s for s in specs if wanted in {key(s.id), *(key(n) for n in names_of(s))}]


def safe_name(text: str) -> str:
    """A file or folder name as it may appear on one line of progress: control characters
    (a newline that would forge a line) shown escaped."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)
