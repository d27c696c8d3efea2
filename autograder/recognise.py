"""Which notebook a file is by the graded functions it defines, when its name says nothing.

Learners rename their notebooks (``a1_building_your_deep_neural_network.ipynb``,
``homework.ipynb``); what a file defines still says which notebook it is. The rule:

1. a notebook *fits* a file that defines at least half of its graded functions (under
   their names or the course's earlier names, as top-level ``def``);
2. of two notebooks that fit, the one that builds on the other (declares it as a
   companion) is the file's: an application notebook may hold the step-by-step functions
   too, a step-by-step notebook never holds the application's models;
3. of those left, the one of which the file defines the largest share is the file's
   (an application holding the step-by-step functions also defines half of week 3's,
   ``initialize_parameters``, ``compute_cost``, ``update_parameters``, ``predict``); a tie,
   or none that fits: the file is not recognised (and the reason says which fitted).

A recognised file is one more file of its notebook: the rule "one file per notebook
counts" (:mod:`autograder.copies`) chooses among it and the others, as for any copy.

Seeing what a file defines reads it through :func:`dlcheck.extract.read_submission`
(regular files of the submitter's own only, at most its size bound, nothing run); a caller
reads at most :data:`MAX_READ` files of one submission this way.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from dlcheck.checks import NotebookSpec
from dlcheck.extract import Submission, SubmissionError, read_submission
from dlcheck.text import Text, tr

#: The most files of one submission (a student's folder, a call of ``grade`` beside one
#: file) read to see what they define; their names said nothing.
MAX_READ = 8

#: Each graded function of a notebook, as the names it may be defined under.
Functions = Sequence[tuple[str, ...]]


def functions_of(spec: NotebookSpec) -> tuple[tuple[str, ...], ...]:
    """The graded functions of ``spec``, each as its names (current, then earlier)."""
    return tuple(f.names for f in spec.functions)


def defined_in(path: Path) -> frozenset[str] | Text:
    """The names of the functions ``path`` defines at top level, or why it was not read."""
    try:
        return defined(read_submission(path))
    except SubmissionError as exc:
        return exc.text


def defined(submission: Submission) -> frozenset[str]:
    """The names of the functions ``submission`` defines at top level."""
    found = set()
    for _, source in submission.statements:
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):  # kept statements parsed once already
            continue
        found |= {node.name for node in tree.body if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)}
    return frozenset(found)


@dataclass(frozen=True)
class Recognised:
    """A file recognised as ``notebook`` because it defines ``defined`` of its ``graded`` functions."""

    notebook: str
    defined: int
    graded: int

    def why(self) -> Text:
        """Why the file is taken for the notebook."""
        return tr("its name means no notebook; it defines {n} of the {m} graded functions of {nb}, so it is taken "
                  "for {nb}",
                  "이름으로는 어느 노트북인지 알 수 없지만, {nb}의 채점 함수 {m}개 중 {n}개를 정의하므로 {nb} 노트북으로 봅니다",
                  n=self.defined, m=self.graded, nb=self.notebook)

    def note(self, filename: str) -> Text:
        """:meth:`why`, naming the file: a note of its report."""
        return tr("{file}: ", "{file}: ", file=filename) + self.why()


def fits(defined: Iterable[str], functions: Functions) -> int:
    """How many of ``functions`` (each as its names) are among ``defined``."""
    names = set(defined)
    return sum(1 for aliases in functions if names & set(aliases))


def recognise(defined: Iterable[str], notebooks: Mapping[str, Functions],
              builds_on: Mapping[str, Iterable[str]] | None = None) -> Recognised | list[str]:
    """The notebook of ``notebooks`` (name -> its graded functions) a file defining
    ``defined`` is, by the rule of the module docstring; else the notebooks that fitted
    (none, or several), for the reason. ``builds_on`` maps a notebook to the notebooks
    it builds on (its companions)."""
    defined = frozenset(defined)
    counts = {name: fits(defined, functions) for name, functions in notebooks.items()}
    fitting = [name for name, functions in notebooks.items() if functions and 2 * counts[name] >= len(functions)]
    builds_on = builds_on or {}
    later = [name for name in fitting if not any(name in set(builds_on.get(other, ())) for other in fitting)]
    share = {name: counts[name] / len(notebooks[name]) for name in later}
    best = [name for name in later if share[name] == max(share.values())]
    if len(best) != 1:
        return best
    return Recognised(best[0], counts[best[0]], len(notebooks[best[0]]))


def why_not(filename: str, fitted: list[str] | Text) -> Text:
    """Why ``filename`` is of no notebook by what it defines (it was not read, it fits none,
    or it fits several)."""
    if isinstance(fitted, Text):
        return tr("{file} was not read to see what it defines: {why}", "{file} 파일이 무엇을 정의하는지 읽지 않았습니다: {why}",
                  file=filename, why=fitted)
    if not fitted:
        return tr("it defines no more than a few graded functions of any notebook",
                  "어느 노트북의 채점 함수도 절반 이상 정의하지 않습니다")
    return tr("it defines the graded functions of several notebooks ({notebooks})",
              "여러 노트북({notebooks})의 채점 함수를 정의합니다", notebooks=", ".join(fitted))
