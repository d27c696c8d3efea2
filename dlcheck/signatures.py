"""How the checks call a learner's function: with the current signature, or with one the
classic course used earlier (``predict(parameters, X)`` before ``predict(X, y, parameters)``).

The grader and the learner's own kernel decide it the same way, so an earlier signature
that keeps its points in grading also passes ``check(fn)`` and ``pytest``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass

from .checks import GradedFunction, OldSignature
from .text import Text, tr

#: Turns a call in the current signature into one the learner's function accepts.
Adapter = Callable[[tuple, dict], tuple[tuple, dict]]


@dataclass(frozen=True)
class Calling:
    """How to call the function: through ``adapt`` (an earlier signature), and what to say
    about it with the verdict (``note``)."""

    adapt: Adapter | None = None
    note: Text | None = None


def parameters(fn: Callable) -> list[str] | None:
    """``fn``'s parameter names (``*args`` with its star; ``**kwargs`` left out, as the
    grader's worker reports them), or None when it has no signature to read."""
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):
        return None
    return [f"*{p.name}" if p.kind is p.VAR_POSITIONAL else p.name
            for p in signature.parameters.values() if p.kind is not p.VAR_KEYWORD]


def calling(fn: GradedFunction, name: str, given: list[str] | None, current: list[str]) -> Calling | Text:
    """How to call ``name`` (defined with parameters ``given``) where the checks use the
    ``current`` parameters: a :class:`Calling`, or the message saying it cannot be called."""
    if given is None or given == current or any(p.startswith("*") for p in given):
        return Calling()
    old = next((o for o in fn.old_signatures if list(o.params) == given), None)
    if old is None and len(given) >= len(current):
        return Calling()  # extra parameters, with defaults
    old = old or next((o for o in fn.old_signatures if len(o.params) == len(given)), None)
    if old is not None:
        return Calling(adapter(old, tuple(current)),
                       tr("graded with the course's earlier signature {fn}({old}).",
                          "코스의 예전 시그니처 {fn}({old})로 채점했습니다.", fn=name, old=str(old)))
    expected = ", ".join(current)
    return tr("{fn} takes ({given}) but is called as {fn}({expected}). Hint: keep the signature of the stub: "
              "def {fn}({expected}).",
              "{fn}의 인자가 ({given})인데, 채점기는 {fn}({expected})로 호출합니다. 힌트: 스텁의 시그니처를 그대로 두세요: "
              "def {fn}({expected}).", fn=name, given=", ".join(given), expected=expected)


def adapter(old: OldSignature, current: tuple[str, ...]) -> Adapter:
    """Turns a call in the current signature into one in ``old`` (by parameter name)."""
    signature = inspect.Signature([inspect.Parameter(p, inspect.Parameter.POSITIONAL_OR_KEYWORD) for p in current])

    def adapt(args: tuple, kwargs: dict) -> tuple[tuple, dict]:
        bound = signature.bind_partial(*args, **kwargs).arguments
        values = []
        for name in old.params:
            if name in bound:
                values.append(bound[name])
            elif name in old.fill:
                values.append(old.fill[name](dict(bound)))
            else:
                break  # the rest keep the old function's defaults
        return tuple(values), {}
    return adapt
