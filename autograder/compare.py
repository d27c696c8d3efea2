"""Comparisons that explain themselves: each failure names what differs and, when a
known mistake fits the numbers, says which one.

Everything here runs in the grader's process on decoded data (plain Python values and
NumPy arrays built by :mod:`autograder.sandbox.wire`), so a submission cannot patch it.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

import numpy as np

from .checks import CheckFailed
from .sandbox.wire import Unsupported

#: A hint rule: ``(got, expected) -> hint or None``; tried in order, first match wins.
Hint = Callable[[np.ndarray, np.ndarray], "str | None"]


def describe(value: Any) -> str:
    """A short description of a value's type and shape, for messages."""
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    if isinstance(value, np.generic):
        return f"a numpy {type(value).__name__}"
    if isinstance(value, (list, tuple, dict)):
        return f"a {type(value).__name__} of length {len(value)}"
    if value is None:
        return "None"
    if isinstance(value, Unsupported):
        return f"a {value.type_name} object"
    return f"a {type(value).__name__}"


def _fmt(a: np.ndarray, limit: int = 6) -> str:
    flat = np.asarray(a, dtype=float).ravel()
    shown = ", ".join(f"{x:.6g}" for x in flat[:limit])
    return f"[{shown}{', ...' if flat.size > limit else ''}]" if a.ndim else f"{float(a):.6g}"


def _shape_hint(got: tuple, want: tuple, name: str) -> str:
    if got == tuple(reversed(want)) and got != want:
        return " Did you swap the dimensions (a transpose)?"
    if len(want) == 2 and want[0] == 1 and got == (want[1],):
        return f" Keep {name} two-dimensional, shape (1, m): use .reshape(1, -1) or keepdims=True."
    if len(want) == 2 and want[1] == 1 and got == (want[0],):
        return f" Keep {name} a column vector of shape (n, 1): use .reshape(-1, 1) or keepdims=True."
    if len(got) == 2 and len(want) == 2 and got[0] == got[1] and got != want:
        return " A square result often comes from broadcasting (n, 1) against (1, n); check the shapes you combine."
    return ""


def as_array(got: Any, name: str) -> np.ndarray:
    """``got`` as a float array if it is numeric data, else a failure naming what it is."""
    if isinstance(got, (bool, np.bool_)) or (isinstance(got, np.ndarray) and got.dtype.kind == "c"):
        raise CheckFailed(f"{name} is {describe(got)}; expected real numbers.")
    if isinstance(got, (int, float, np.integer, np.floating)):
        return np.asarray(got, dtype=float)
    if isinstance(got, np.ndarray) and got.dtype.kind in "biuf":
        return got.astype(float)
    raise CheckFailed(f"{name} is {describe(got)}; expected a numpy array.")


def expect_array(got: Any, want: np.ndarray, name: str, *, rtol: float = 1e-6, atol: float = 1e-8,
                 hints: Iterable[Hint] = (), shape_note: str = "") -> None:
    """``got`` must be a numpy array of ``want``'s exact shape and close to it.

    Parameters
    ----------
    got : the submission's value; want : the expected array.
    name : what to call the value in the message, e.g. ``"dw"``.
    shape_note : how the expected shape is defined, e.g. ``"= shape of w"``.
    hints : rules that name a known mistake when the numbers fit it.
    """
    want = np.asarray(want)
    if not isinstance(got, np.ndarray):
        kind = describe(got)
        raise CheckFailed(f"{name} is {kind}; expected a numpy array of shape {want.shape}"
                          + (f" {shape_note}" if shape_note else "") + ".")
    if got.shape != want.shape:
        raise CheckFailed(f"{name} has shape {got.shape}; expected {want.shape}"
                          + (f" {shape_note}" if shape_note else "") + "." + _shape_hint(got.shape, want.shape, name))
    values = as_array(got, name)
    if not np.all(np.isfinite(values)) and np.all(np.isfinite(want)):
        raise CheckFailed(f"{name} contains nan or inf (got {_fmt(values)}). Hint: look for overflow "
                          "in np.exp or log(0); the expected values are finite.")
    if not np.allclose(values, want, rtol=rtol, atol=atol, equal_nan=True):
        raise CheckFailed(_value_message(name, values, want, hints))


def expect_scalar(got: Any, want: float, name: str, *, rtol: float = 1e-6, atol: float = 1e-8,
                  hints: Iterable[Hint] = ()) -> None:
    """``got`` must be a real number (a Python/numpy float or a 0-d array) close to ``want``."""
    if isinstance(got, np.ndarray) and got.shape != ():
        hint = " Use np.squeeze() or float() to make it a scalar." if got.size == 1 else ""
        raise CheckFailed(f"{name} has shape {got.shape}; expected a scalar (shape ()).{hint}")
    value = as_array(got, name)
    if not np.isfinite(value) and np.isfinite(want):
        raise CheckFailed(f"{name} is {float(value)}; expected a finite number ({want:.6g}). "
                          "Hint: log(0) or overflow in np.exp?")
    if not np.isclose(value, want, rtol=rtol, atol=atol, equal_nan=True):
        raise CheckFailed(_value_message(name, value, np.asarray(want, dtype=float), hints))


def _value_message(name: str, got: np.ndarray, want: np.ndarray, hints: Iterable[Hint]) -> str:
    if got.ndim:
        diff = np.abs(got - want)
        where = np.unravel_index(int(np.argmax(diff)), diff.shape)
        detail = (f"{name} differs from the expected values (largest difference {diff[where]:.3g} at index "
                  f"{tuple(int(i) for i in where)}). Expected {_fmt(want)}, got {_fmt(got)}.")
    else:
        detail = f"{name} is wrong. Expected {float(want):.6g}, got {float(got):.6g}."
    for hint in hints:
        text = hint(got, want)
        if text:
            return f"{detail} Hint: {text}"
    return detail


def expect_type(got: Any, kinds: type | tuple[type, ...], name: str, what: str) -> None:
    if not isinstance(got, kinds):
        raise CheckFailed(f"{name} is {describe(got)}; expected {what}.")


def expect_keys(got: Any, keys: Iterable[str], name: str) -> dict:
    """``got`` must be a dict holding at least ``keys``."""
    keys = list(keys)
    if not isinstance(got, dict):
        raise CheckFailed(f"{name} is {describe(got)}; expected a dict with keys {keys}.")
    missing = [k for k in keys if k not in got]
    if missing:
        raise CheckFailed(f"{name} has no key {missing[0]!r}; expected keys {keys} (got {sorted(map(str, got))}).")
    return got


def unpack(got: Any, n: int, name: str, names: str) -> tuple:
    """``got`` must be a tuple (or list) of ``n`` items, e.g. ``(grads, cost)``."""
    if not isinstance(got, (tuple, list)) or len(got) != n:
        raise CheckFailed(f"{name} returned {describe(got)}; expected a tuple ({names}).")
    return tuple(got)


# -- hint rules for common mistakes ----------------------------------------------------

def ratio_hint(factor: float, text: str, rtol: float = 1e-4) -> Hint:
    """Hint when ``got == factor * expected`` (e.g. a missing 1/m)."""
    def rule(got: np.ndarray, want: np.ndarray) -> str | None:
        return text if np.allclose(got, factor * want, rtol=rtol, atol=1e-10) and not np.allclose(want, 0) else None
    return rule


def same_as_hint(other: np.ndarray, text: str) -> Hint:
    """Hint when the submission returned a specific wrong value (e.g. its input)."""
    return lambda got, want: text if got.shape == np.shape(other) and np.allclose(got, other) else None
