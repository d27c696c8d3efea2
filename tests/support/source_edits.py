"""Source edits of an instructor solution, for the weeks' bug corpora and correct variants
(``test_weekN_bugs.py``, graded by ``corpus.py``) and the notebook-shape tests."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass


def mutate(source: str, old: str, new: str) -> str:
    """``source`` with ``old``, which must occur exactly once, replaced by ``new``."""
    count = source.count(old)
    assert count == 1, f"{old!r} occurs {count} times in the source; an edit needs exactly one"
    return source.replace(old, new)


def _region(source: str, function: str) -> str:
    match = re.search(rf"^def {function}\(.*?### BEGIN SOLUTION\n(.*?)^[ \t]*### END SOLUTION\n", source, re.M | re.S)
    assert match, f"no solution region in {function}"
    return match.group(1)


def rewrite(source: str, function: str, body: str) -> str:
    """``source`` with the solution region of ``function`` replaced by ``body``."""
    return mutate(source, _region(source, function), textwrap.indent(textwrap.dedent(body).strip("\n"), "    ") + "\n")


def in_region(source: str, function: str, edit: tuple[str, str]) -> tuple[str, str]:
    """An edit of ``function``'s solution region only: (the region, the region edited), for
    text that occurs in other functions too."""
    region = _region(source, function)
    return region, mutate(region, *edit)


def replace_function(source: str, name: str, definition: str) -> str:
    """``source`` with the whole ``def name(...)`` (up to its cell's end) replaced by ``definition``."""
    match = re.search(rf"^def {name}\(.*?(?=^# %%)", source, re.M | re.S)
    assert match, f"no function {name}"
    return mutate(source, match.group(0), textwrap.dedent(definition).strip("\n") + "\n\n")


@dataclass(frozen=True)
class Bug:
    """One bug: the ``edits`` (old, new) to the solution, the ``function`` they break, and
    ``fragments`` its failure message must contain (the check, expected vs got, a hint)."""

    function: str
    edits: tuple[tuple[str, str], ...]
    fragments: tuple[str, ...]

    def source(self, solution: str) -> str:
        for old, new in self.edits:
            solution = mutate(solution, old, new)
        return solution


#: L_model_backward's body as the classic course wrote it before version 5: layer l's
#: dA_prev under "dA" + str(l) (dA1 to dAL, no dA0); for :func:`rewrite`.
BACKWARD_BEFORE_V5 = """
    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L-1]
    grads["dA" + str(L)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(
        dAL, current_cache, "sigmoid")
    for l in reversed(range(L-1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 2)], current_cache, "relu")
        grads["dA" + str(l + 1)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
"""
