"""Comparisons that explain themselves: each failure names what differs and, when a known
mistake fits the numbers, says which one (see :mod:`dlcheck.hints`).

They run where the checks run, on plain data: in the grader on values decoded from the
sandbox (:mod:`dlcheck.wire`), so a submission cannot patch them, and in the student's
kernel on values passed through the same format. Every message is a bilingual
:class:`~dlcheck.text.Text`; ``name`` arguments are code (``"dw"``) or a Text.

Differences that change nothing downstream are accepted and noted (:func:`note`): a
size-1 array where a number is asked, integers or booleans where floats are.
Differences that do change results, such as ``(m,)`` against ``(1, m)`` broadcasting,
fail.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy as np

from .checks import CheckFailed
from .results import Curve
from .text import Text, as_text, tr
from .wire import Unsupported

#: A hint rule: ``(got, expected) -> Text or None``; tried in order, first match wins.
Hint = Callable[[np.ndarray, np.ndarray], "Text | None"]

_notes: contextvars.ContextVar[Notes | None] = contextvars.ContextVar("notes", default=None)
_curves: contextvars.ContextVar[list[Curve] | None] = contextvars.ContextVar("curves", default=None)


class Notes(list):
    """The notes collected (Texts, in order), and ``keys``: those of every note said, the
    ones said before the block included."""

    def __init__(self, said: Iterable[object] = ()):
        super().__init__()
        self.keys = set(said)


@contextlib.contextmanager
def collecting_notes(said: Iterable[object] = ()) -> Iterator[Notes]:
    """Collect the notes of accepted differences made while the block runs, but those
    whose key is in ``said`` (already said with the same verdict)."""
    notes = Notes(said)
    token = _notes.set(notes)
    try:
        yield notes
    finally:
        _notes.reset(token)


def note(text: Text, key: object = None) -> None:
    """Record an accepted difference, shown with the function's verdict, once per ``key``
    (default: the text): a difference met on every example of a check, under a label
    naming the example, is said once, in the words of the first example (a public one
    when the public checks meet it, so hidden inputs are not spelled out)."""
    notes = _notes.get()
    key = text if key is None else key
    if notes is not None and key not in notes.keys:
        notes.keys.add(key)
        notes.append(text)


@contextlib.contextmanager
def collecting_curves() -> Iterator[list[Curve]]:
    """Collect the curves kept (:func:`plot_curve`) while the block runs."""
    curves: list[Curve] = []
    token = _curves.set(curves)
    try:
        yield curves
    finally:
        _curves.reset(token)


def plot_curve(title: Text, got: Any, want: Any, x_label: Text, max_points: int = 1000) -> None:
    """Keep two series for the feedback to draw (the function's verdict carries them).

    Best effort: call it before the comparisons that may fail, with whatever the
    submission returned; values that are not a short, finite sequence of numbers are
    ignored, never an error.
    """
    curves = _curves.get()
    series = [_finite_series(v, max_points) for v in (got, want)]
    if curves is not None and all(s is not None for s in series):
        curves.append(Curve(title, series[0], series[1], x_label))


def _finite_series(value: Any, max_points: int) -> tuple[float, ...] | None:
    try:
        array = np.asarray(value, dtype=float).ravel()
    except (TypeError, ValueError):
        return None
    if not 0 < array.size <= max_points or not np.all(np.isfinite(array)):
        return None
    return tuple(float(v) for v in array)


def describe(value: Any) -> Text:
    """A short description of a value's type and shape, for messages."""
    if isinstance(value, np.ndarray):
        return tr("an array of shape {shape} and dtype {dtype}", "shape {shape}, dtype {dtype}인 배열",
                  shape=value.shape, dtype=value.dtype)
    if isinstance(value, np.generic):
        return tr("a numpy {kind}", "numpy {kind} 값", kind=type(value).__name__)
    if isinstance(value, (list, tuple, dict)):
        return tr("a {kind} of length {n}", "길이 {n}인 {kind}", kind=type(value).__name__, n=len(value))
    if value is None:
        return tr("None", "None")
    if isinstance(value, Unsupported):
        return tr("a {kind} object", "{kind} 객체", kind=value.type_name)
    return tr("a {kind}", "{kind} 값", kind=type(value).__name__)


def fmt(a: Any, limit: int = 6) -> str:
    """A few values of an array, or a number, for messages."""
    flat = np.asarray(a, dtype=float).ravel()
    shown = ", ".join(f"{x:.6g}" for x in flat[:limit])
    return f"[{shown}{', ...' if flat.size > limit else ''}]" if np.ndim(a) else f"{float(a):.6g}"


def _shape_hint(got: tuple, want: tuple, name: Text) -> Text:
    if got == tuple(reversed(want)) and got != want:
        return tr(" Did you swap the dimensions (a transpose)?", " 두 차원을 바꾸지 않았나요(전치)?")
    if len(want) == 2 and want[0] == 1 and got == (want[1],):
        return tr(" Keep {name} two-dimensional, shape (1, m): use .reshape(1, -1) or keepdims=True.",
                  " {name} 배열을 shape (1, m)인 2차원으로 유지하세요: .reshape(1, -1) 또는 keepdims=True.", name=name)
    if len(want) == 2 and want[1] == 1 and got == (want[0],):
        return tr(" Keep {name} a column vector of shape (n, 1): use .reshape(-1, 1) or keepdims=True.",
                  " {name} 배열을 shape (n, 1)인 열벡터로 유지하세요: .reshape(-1, 1) 또는 keepdims=True.", name=name)
    if len(got) == 2 and len(want) == 2 and got[0] == got[1] and got != want:
        return tr(" A square result often comes from broadcasting (n, 1) against (1, n); check the shapes you combine.",
                  " 정사각 결과는 흔히 (n, 1)과 (1, n)의 브로드캐스팅에서 나옵니다. 결합하는 배열의 shape을 확인하세요.")
    return Text("", "")


def as_array(got: Any, name: Text | str) -> np.ndarray:
    """``got`` as a float array if it is numeric data, else a failure naming what it is."""
    name = as_text(name)
    if isinstance(got, (bool, np.bool_)) or (isinstance(got, np.ndarray) and got.dtype.kind == "c"):
        raise CheckFailed(tr("{name} is {kind}; expected real numbers.", "{name} 값이 {kind}입니다. 실수여야 합니다.",
                             name=name, kind=describe(got)))
    if isinstance(got, (int, float, np.integer, np.floating)):
        return np.asarray(got, dtype=float)
    if isinstance(got, np.ndarray) and got.dtype.kind in "biuf":
        return got.astype(float)
    raise CheckFailed(tr("{name} is {kind}; expected a numpy array.", "{name} 값이 {kind}입니다. numpy 배열이어야 합니다.",
                         name=name, kind=describe(got)))


def shape_of(name: str) -> Text:
    """The shape note "= shape of ``name``" (``name`` is code), in each language."""
    return tr("= shape of {name}", "= {name}의 shape", name=name)


def _expected_shape(want: np.ndarray, shape_note: Text | str) -> Text:
    note = as_text(shape_note)
    return Text(*(f"{want.shape}" + (f" {said}" if said else "") for said in (note.en, note.ko)))


def expect_array(got: Any, want: Any, name: Text | str, *, rtol: float = 1e-6, atol: float = 1e-8,
                 hints: Iterable[Hint] = (), shape_note: Text | str = "") -> None:
    """``got`` must be a numpy array of ``want``'s exact shape and close to it.

    Parameters
    ----------
    got : the submission's value; want : the expected array.
    name : what to call the value in the message, e.g. ``"dw"``.
    shape_note : how the expected shape is defined, e.g. ``shape_of("w")`` or ``"= (n_h, 1)"`` (code).
    hints : rules that name a known mistake when the numbers fit it.
    """
    want, name = np.asarray(want), as_text(name)
    if not isinstance(got, np.ndarray):
        raise CheckFailed(tr("{name} is {kind}; expected a numpy array of shape {shape}.",
                             "{name} 값이 {kind}입니다. shape {shape}인 numpy 배열이어야 합니다.",
                             name=name, kind=describe(got), shape=_expected_shape(want, shape_note)))
    if got.shape != want.shape:
        raise CheckFailed(tr("{name} has shape {got}; expected {want}.", "{name}의 shape이 {got}입니다. {want}이어야 합니다.",
                             name=name, got=got.shape, want=_expected_shape(want, shape_note))
                          + _shape_hint(got.shape, want.shape, name))
    values = as_array(got, name)
    if not np.all(np.isfinite(values)) and np.all(np.isfinite(want)):
        raise CheckFailed(tr("{name} contains nan or inf (got {got}). Hint: look for overflow in np.exp or log(0); "
                             "the expected values are finite.",
                             "{name}에 nan 또는 inf가 있습니다 (결과 {got}). 힌트: np.exp의 오버플로나 log(0)을 찾아보세요. "
                             "기대값은 모두 유한합니다.", name=name, got=fmt(values)))
    if not np.allclose(values, want, rtol=rtol, atol=atol, equal_nan=True):
        raise CheckFailed(_value_message(name, values, want, hints))
    if got.dtype.kind in "biu" and want.dtype.kind == "f":
        note(tr("{name} holds {dtype} values where floats are expected (accepted: the values are equal).",
                "{name}의 값이 실수가 아닌 {dtype}입니다 (값이 같으므로 인정).", name=name, dtype=got.dtype),
             key=("dtype", str(got.dtype)))


def expect_scalar(got: Any, want: float, name: Text | str, *, rtol: float = 1e-6, atol: float = 1e-8,
                  hints: Iterable[Hint] = (), array_accepted: bool = True) -> None:
    """``got`` must be a real number close to ``want``: a Python or numpy number, a 0-d
    array, or any array holding exactly one number: accepted with a note where the number
    feeds on into other computations (``db``, ``b``), refused with ``array_accepted=False``
    where it is the function's own result, which its notebook asks for as a number (a
    loss, a cost); each spec decides it per function."""
    name = as_text(name)
    value = np.asarray(as_number(got, name, array_accepted))
    if not np.isfinite(value) and np.isfinite(want):
        raise CheckFailed(tr("{name} is {got}; expected a finite number ({want:.6g}). Hint: log(0) or overflow in np.exp?",
                             "{name} 값이 {got}입니다. 유한한 숫자({want:.6g})여야 합니다. 힌트: log(0)이나 np.exp의 오버플로?",
                             name=name, got=float(value), want=float(want)))
    if not np.isclose(value, want, rtol=rtol, atol=atol, equal_nan=True):
        raise CheckFailed(_value_message(name, value, np.asarray(want, dtype=float), hints))


def as_number(got: Any, name: Text | str, array_accepted: bool = True) -> float:
    """``got`` as a float: a number, or an array holding one number (accepted with a note,
    unless ``array_accepted`` is False: see :func:`expect_scalar`)."""
    if isinstance(got, np.ndarray) and got.shape != ():
        if got.size != 1:
            raise CheckFailed(tr("{name} has shape {shape}; expected a single number.",
                                 "{name}의 shape이 {shape}입니다. 숫자 하나여야 합니다.", name=as_text(name), shape=got.shape))
        if not array_accepted:
            raise CheckFailed(tr("{name} is an array of shape {shape}; expected a number, as the notebook asks. "
                                 "Hint: float(...) or np.squeeze(...) makes a one-value array a number (and np.sum "
                                 "without keepdims=True returns one).",
                                 "{name} 값이 shape {shape}인 배열입니다. 노트북이 요구하는 대로 숫자여야 합니다. "
                                 "힌트: 값이 하나인 배열은 float(...)이나 np.squeeze(...)로 숫자가 됩니다 (keepdims=True "
                                 "없이 쓴 np.sum은 숫자를 반환합니다).", name=as_text(name), shape=got.shape))
        note(tr("{name} is an array of shape {shape}; a number is expected (accepted: it holds one value). "
                "float(...) or np.squeeze(...) makes it a number.",
                "{name} 값이 shape {shape}인 배열입니다. 숫자여야 합니다 (값이 하나이므로 인정). "
                "float(...)이나 np.squeeze(...)로 숫자로 만들 수 있습니다.", name=as_text(name), shape=got.shape),
             key=("one-value array", got.shape))
        got = got.reshape(())
    return float(as_array(got, name))


#: What begins the hint of a message, in each language (the rest of the message is the hint).
HINT_LABEL = {"en": " Hint: ", "ko": " 힌트: "}


def without_hint(message: Text) -> Text:
    """``message`` without its hint, for where the hint would not be true (see
    :func:`autograder.engine.decide`)."""
    return Text(*(message.render(lang).partition(HINT_LABEL[lang])[0] for lang in ("en", "ko")))


def _value_message(name: Text, got: np.ndarray, want: np.ndarray, hints: Iterable[Hint]) -> Text:
    if got.ndim:
        diff = np.abs(got - want)
        where = np.unravel_index(int(np.argmax(diff)), diff.shape)
        detail = tr("{name} differs from the expected values (largest difference {diff:.3g} at index {where}). "
                    "Expected {want}, got {got}.",
                    "{name} 값이 기대값과 다릅니다 (가장 큰 차이 {diff:.3g}, 위치 {where}). 기대값 {want}, 결과 {got}.",
                    name=name, diff=float(diff[where]), where=tuple(int(i) for i in where), want=fmt(want), got=fmt(got))
    else:
        detail = tr("{name} is wrong. Expected {want}, got {got}.", "{name} 값이 틀렸습니다. 기대값 {want}, 결과 {got}.",
                    name=name, want=fmt(want), got=fmt(got))
    for hint in hints:
        text = hint(got, want)
        if text:
            return detail + tr(" Hint: {hint}", " 힌트: {hint}", hint=text)
    return detail


def expect_type(got: Any, kinds: type | tuple[type, ...], name: Text | str, what: Text) -> None:
    """``got`` must be an instance of ``kinds`` (``what`` says it in words)."""
    if not isinstance(got, kinds):
        raise CheckFailed(tr("{name} is {kind}; expected {what}.", "{name} 값이 {kind}입니다. {what}이어야 합니다.",
                             name=as_text(name), kind=describe(got), what=what))


def expect_keys(got: Any, keys: Iterable[str], name: Text | str) -> dict:
    """``got`` must be a dict holding at least ``keys``."""
    keys, name = list(keys), as_text(name)
    if not isinstance(got, dict):
        raise CheckFailed(tr("{name} is {kind}; expected a dict with keys {keys}.",
                             "{name} 값이 {kind}입니다. 키 {keys}를 가진 dict여야 합니다.",
                             name=name, kind=describe(got), keys=keys))
    missing = [k for k in keys if k not in got]
    if missing:
        raise CheckFailed(tr("{name} has no key {key!r}; expected keys {keys} (got {got}).",
                             "{name}에 키 {key!r}가 없습니다. 키 {keys}가 있어야 합니다 (받은 키 {got}).",
                             name=name, key=missing[0], keys=keys, got=sorted(map(str, got))))
    return got


def unpack(got: Any, n: int, name: Text | str, names: str) -> tuple:
    """``got`` must be a tuple (or list) of ``n`` items, e.g. ``(grads, cost)``."""
    if not isinstance(got, (tuple, list)) or len(got) != n:
        raise CheckFailed(tr("{name} returned {kind}; expected a tuple ({names}).",
                             "{name}의 반환값이 {kind}입니다. 튜플 ({names})이어야 합니다.",
                             name=as_text(name), kind=describe(got), names=names))
    return tuple(got)


def expect_labels(got: Any, want: np.ndarray, name: Text | str, *, shape_note: Text | str = "= (1, m)") -> None:
    """Predicted labels: an array of ``want``'s shape holding only 0 and 1, equal to it.
    Booleans (``A > 0.5``) are accepted as labels, with a note (see :func:`expect_array`)."""
    expect_array(got, want, name, shape_note=shape_note)
    values = as_array(got, name)
    if not np.all((values == 0) | (values == 1)):
        raise CheckFailed(tr("{name} holds values other than 0 and 1. Hint: threshold the activations at 0.5.",
                             "{name}에 0과 1이 아닌 값이 있습니다. 힌트: 활성값을 0.5 기준으로 나누세요.", name=as_text(name)))
