"""One notebook, one graded file: which of a student's files of one notebook counts.

A student may hand in several files of one notebook: both editions (English and Korean),
a browser's ``(2)``, copies with a version suffix. Grading each and keeping the best
score would be a lottery: each copy of the code draws hidden inputs of its own, so a bug
that shows on some random inputs would pass by handing in enough edited copies. So one
file is graded, chosen by a rule that gives extra copies nothing:

1. an untouched copy of a released notebook (the student worked in the other edition) is
   passed over, unless every file is one;
2. of the rest, the newest (last modified) is graded; on a tie, the notebook's own file
   name first, then name order.

The others are listed as not graded, with the reason. At most :data:`MAX_COPIES` files of
one notebook are looked at (the newest), so a folder of copies costs little to read.
The course run (:mod:`autograder.course`) and ``grade --format gradescope`` (one
student's upload) both choose by :func:`choose`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dlcheck import editions
from dlcheck.checks import NotebookSpec
from dlcheck.extract import SubmissionError, read_submission
from dlcheck.text import Text, tr

from . import names, project

#: How many files of one notebook are looked at (the newest first).
MAX_COPIES = 8


@dataclass(frozen=True)
class Choice:
    """The file graded for one notebook, and each other file with why it is not.

    Attributes
    ----------
    graded : Path
        The file that counts.
    passed_over : tuple of (Path, Text)
        The other files, each with the reason it is not graded.
    """

    graded: Path
    passed_over: tuple[tuple[Path, Text], ...] = ()


def _newest_first(paths: Iterable[Path], notebook: str) -> list[Path]:
    def mtime(path: Path) -> int:
        try:
            return os.lstat(path).st_mtime_ns
        except OSError:
            return 0
    return sorted(paths, key=lambda p: (-mtime(p), not names.is_exact(p.name, notebook), p.name))


def released(spec: NotebookSpec) -> frozenset[str]:
    """The fingerprints of the notebooks students received for ``spec`` (both editions)."""
    found = set()
    for path in (project.root() / spec.release, project.root() / editions.korean_edition(spec.release)):
        try:
            found.add(read_submission(path, own=False).fingerprint())
        except SubmissionError:
            pass  # not released (yet), or no Korean edition
    return frozenset(found)


def untouched(path: Path, released: frozenset[str]) -> bool:
    """Whether the file's code is exactly that of a released notebook (never edited)."""
    try:
        return read_submission(path).fingerprint() in released
    except SubmissionError:
        return False


def choose(paths: Iterable[Path], notebook: str, released: frozenset[str] = frozenset()) -> Choice:
    """The file of ``paths`` (a student's files of ``notebook``, regular files) to grade,
    by the rule in the module docstring; ``released`` are the fingerprints of the released
    notebooks (:meth:`dlcheck.extract.Submission.fingerprint`)."""
    ordered = _newest_first(paths, notebook)
    looked, beyond = ordered[:MAX_COPIES], ordered[MAX_COPIES:]
    pristine: set[Path] = set()  # untouched copies, among the files read before the one graded
    for path in looked:
        if len(looked) == 1 or not (released and untouched(path, released)):  # a lone file is not read
            graded = path
            break
        pristine.add(path)
    else:
        graded = looked[0]  # nothing was edited: the newest untouched copy
    passed_over = []
    for path in looked:
        if path in pristine and path != graded:
            passed_over.append((path, tr("an untouched copy of the released notebook; {graded} is graded",
                                         "배포된 노트북을 고치지 않은 사본입니다. {graded} 파일을 채점합니다",
                                         graded=graded.name)))
        elif path != graded:
            passed_over.append((path, tr("one file of a notebook is graded: {graded}, the newest edited one",
                                         "노트북 하나에 파일 하나만 채점합니다: 가장 최근에 고친 {graded}",
                                         graded=graded.name)))
    passed_over += [(path, tr("more than {n} files of one notebook; only the {n} newest are looked at",
                              "한 노트북의 파일이 {n}개보다 많습니다. 가장 최근 {n}개만 봅니다", n=MAX_COPIES))
                    for path in beyond]
    return Choice(graded, tuple(passed_over))
