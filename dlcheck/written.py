"""A graded function as the learner wrote it, read from its source (never run), and what
its stub asks, read from the solution: so that a message about a failure says what is
true of the code handed in ("not written yet", a signature that differs from the stub's)
rather than a guess ("variables made by running other cells").

Both sides read it the same way: the grader and ``pytest weekN`` from the parsed notebook
(:func:`in_statements`), ``check(fn)`` from the function's own source (:func:`of_function`).
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .text import Text, tr

#: What a template leaves where the learner's code goes, besides ``raise NotImplementedError``:
#: ``pass`` or ``...`` as a statement of the function's body, and ``name = None`` lines
#: (the classic course's templates: ``W1 = None``) whose name is never given another value.
PLACEHOLDER_STATEMENTS = ("pass", "...")


@dataclass(frozen=True)
class Stub:
    """What the stub of a graded function asks, read from the instructor's solution.

    Attributes
    ----------
    params : tuple of str
        Its parameters, in order.
    signature : str
        Its parameters with their defaults, as written: ``"parameters, grads, learning_rate=1.2"``.
    defaults : dict of str to str
        Each parameter with a default, and the default as written: ``{"learning_rate": "1.2"}``.
    computes : frozenset of str
        The names its solution region assigns, and the template's lines do not: what the
        learner is to compute.
    """

    params: tuple[str, ...]
    signature: str
    defaults: dict[str, str] = field(default_factory=dict)
    computes: frozenset[str] = frozenset()

    def to_json(self) -> dict[str, Any]:
        return {"signature": self.signature, "defaults": self.defaults, "computes": sorted(self.computes)}

    @classmethod
    def from_json(cls, params: Iterable[str], data: dict[str, Any]) -> Stub:
        return cls(tuple(params), data["signature"], dict(data.get("defaults", {})), frozenset(data.get("computes", ())))


@dataclass(frozen=True)
class Written:
    """A graded function as written (its last definition in the notebook).

    Attributes
    ----------
    name : str
        The name it is defined under (an earlier name of the course's, maybe).
    params : tuple of str
        Its parameters, in order.
    computed : frozenset of str
        The names it assigns a value to: not ``None``, and not a value computed from the
        name itself (``cost = float(np.squeeze(cost))`` computes nothing).
    placeholders : tuple of str
        The template's placeholders left in it, as written: ``"pass"``, ``"W1 = None"``.
    returns_tuple_of : int or None
        n when every ``return`` of it returns a tuple written out with n values
        (``return parameters, v, s``), else None.
    """

    name: str
    params: tuple[str, ...]
    computed: frozenset[str] = frozenset()
    placeholders: tuple[str, ...] = ()
    returns_tuple_of: int | None = None

    @property
    def none_placeholders(self) -> tuple[str, ...]:
        """The ``... = None`` placeholders (a value they leave None is what raised)."""
        return tuple(p for p in self.placeholders if p not in PLACEHOLDER_STATEMENTS)


def _body(node: ast.FunctionDef) -> list[ast.stmt]:
    body = node.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        body = body[1:]
    return body


def _inner(node: ast.AST) -> Iterable[ast.AST]:
    """The nodes of a function's body, nested functions and classes left out."""
    todo = list(ast.iter_child_nodes(node))
    while todo:
        current = todo.pop()
        if isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        yield current
        todo.extend(ast.iter_child_nodes(current))


def _is_none(value: ast.AST | None) -> bool:
    return isinstance(value, ast.Constant) and value.value is None


#: The value of a loop's or a ``with``'s target, which the statement computes.
BY_THE_STATEMENT = ast.Constant(value=Ellipsis)


def _assignments(node: ast.AST) -> Iterable[tuple[ast.AST, ast.AST]]:
    """``(target, value)`` of each assignment in a function's body; a loop's or a
    ``with``'s target has the value :data:`BY_THE_STATEMENT` (augmented ones are left out:
    they compute from the name itself)."""
    for inner in _inner(node):
        if isinstance(inner, ast.Assign):
            yield from ((target, inner.value) for target in inner.targets)
        elif isinstance(inner, (ast.AnnAssign, ast.NamedExpr)) and inner.value is not None:
            yield inner.target, inner.value
        elif isinstance(inner, (ast.For, ast.AsyncFor, ast.comprehension)):
            yield inner.target, BY_THE_STATEMENT
        elif isinstance(inner, ast.withitem) and inner.optional_vars is not None:
            yield inner.optional_vars, BY_THE_STATEMENT


def _names(target: ast.AST) -> list[str]:
    """The names a target binds (``a, (b, *c)``), not those read in its subscripts."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Starred):
        return _names(target.value)
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for element in target.elts for name in _names(element)]
    return []


def _reads(value: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(value) if isinstance(n, ast.Name)}


def of_node(node: ast.FunctionDef | ast.AsyncFunctionDef) -> Written:
    """What the function ``node`` is, as written."""
    a = node.args
    params = tuple(p.arg for p in [*a.posonlyargs, *a.args, *a.kwonlyargs])
    computed: set[str] = set()
    given: set[str] = set()  # targets (as written) that get a value other than None somewhere
    for target, value in _assignments(node):
        if not _is_none(value):
            given.add(ast.dump(target))
            computed.update(n for n in _names(target) if n not in _reads(value))
    placeholders = []  # (line, as written)
    for stmt in _body(node):
        if isinstance(stmt, ast.Pass):
            placeholders.append((stmt.lineno, "pass"))
        elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and stmt.value.value is Ellipsis:
            placeholders.append((stmt.lineno, "..."))
    for inner in _inner(node):
        if isinstance(inner, ast.Assign) and _is_none(inner.value) \
                and not any(ast.dump(t) in given for t in inner.targets):
            placeholders.append((inner.lineno, ast.unparse(inner)))
    in_order = dict.fromkeys(text for _, text in sorted(placeholders))
    returned = {len(r.value.elts) if isinstance(r.value, ast.Tuple) else None
                for r in _inner(node) if isinstance(r, ast.Return)}
    return Written(node.name, params, frozenset(computed), tuple(in_order),
                   next(iter(returned)) if len(returned) == 1 else None)


def _last_definition(tree: ast.AST, name: str) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    found = None
    for node in getattr(tree, "body", []):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name:
            found = node
    return found


def in_statements(statements: Iterable[tuple[str, str]], name: str) -> Written | None:
    """The last definition of ``name`` among a notebook's kept statements
    (:attr:`dlcheck.extract.Submission.statements`, run in that order), as written."""
    found = None
    for _, source in statements:
        try:
            node = _last_definition(ast.parse(source), name)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        found = node or found
    return of_node(found) if found is not None else None


def of_function(fn: Callable[..., Any]) -> Written | None:
    """``fn`` as written, from its source (a notebook's kernel keeps the cells' sources);
    None when the source cannot be read."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
    except (OSError, TypeError, SyntaxError, ValueError, IndentationError):
        return None
    node = _last_definition(tree, getattr(fn, "__name__", ""))
    return of_node(node) if node is not None else None


def stub_of(node: ast.FunctionDef, solution_lines: list[str]) -> Stub:
    """The stub of the solution's function ``node``: its signature, and the names assigned
    between its ``### BEGIN SOLUTION`` and ``### END SOLUTION`` lines and nowhere else
    (the template's own lines compute the others), ``solution_lines`` being the
    solution's source, one line each."""
    a = node.args
    positional = [*a.posonlyargs, *a.args]
    defaults = {p.arg: ast.unparse(d) for p, d in zip(positional[len(positional) - len(a.defaults):], a.defaults,
                                                      strict=True)}
    defaults |= {p.arg: ast.unparse(d) for p, d in zip(a.kwonlyargs, a.kw_defaults, strict=True) if d is not None}
    regions, start = [], None
    for number in range(node.lineno, (node.end_lineno or node.lineno) + 1):
        line = solution_lines[number - 1].strip()
        if line.startswith("### BEGIN SOLUTION"):
            start = number
        elif line.startswith("### END SOLUTION") and start is not None:
            regions.append((start, number))
            start = None
    inside, outside = set(), set()  # names the learner's code computes; names the template's lines compute too
    for target, value in _assignments(node):
        if value is not BY_THE_STATEMENT:
            (inside if any(s < target.lineno < e for s, e in regions) else outside).update(_names(target))
    computes = inside - outside
    return Stub(tuple(p.arg for p in [*positional, *a.kwonlyargs]), ast.unparse(a), defaults, frozenset(computes))


def unfinished(written: Written | None, stub: Stub | None) -> tuple[str, ...] | None:
    """The placeholders to name when ``written`` is unfinished (an empty tuple: none is
    left, but it computes none of what the stub asks), else None.

    Unfinished: a ``... = None`` placeholder is left, or it computes none of the names the
    stub's solution region computes (the template's lines alone, with a ``pass`` maybe).
    A stray ``pass`` beside code of the learner's own is not a sign of it.
    """
    if written is None:
        return None
    wrote_nothing = stub is not None and bool(stub.computes) and not written.computed & stub.computes
    return written.placeholders if written.none_placeholders or wrote_nothing else None


def not_defined(name: str, params: list[str], detail: Text | None = None) -> Text:
    """The verdict for a graded function the notebook does not define."""
    signature = f"def {name}({', '.join(params)}):"
    return tr("{fn} is not defined in the notebook{detail}. Hint: define it as {signature} in a code cell.",
              "노트북에 {fn} 함수가 정의되어 있지 않습니다{detail}. 힌트: 코드 셀에 {signature}로 정의하세요.",
              fn=name, signature=signature, detail=tr(" ({d})", " ({d})", d=detail) if detail else "")
