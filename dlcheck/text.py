"""Student-facing text, in Korean and in English.

Every message a student sees (a failed check, a hint, a check's description) is a
:class:`Text`: the same sentence in each language of :data:`LANGUAGES`. It is built by
:func:`tr` from one template per language and shared values::

    tr("{name} has shape {got}; expected {want}.",
       "{name}의 shape이 {got}입니다. {want}이어야 합니다.", name="dw", got=(3,), want=(3, 1))

A value that is itself a Text is rendered in the template's language; any other value
(a number, a shape, a piece of code, the student's own exception message) is the same in
every language. ``str(text)`` renders in :func:`language`.
"""

from __future__ import annotations

import locale
import os
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

#: The languages every student-facing text exists in; the first is the fallback.
LANGUAGES = ("en", "ko")
ENV_VAR = "AUTOGRADE_LANG"

_chosen: str | None = None


class Text:
    """One message in every language of :data:`LANGUAGES` (immutable)."""

    __slots__ = ("en", "ko")

    def __init__(self, en: str, ko: str):
        if not isinstance(en, str) or not isinstance(ko, str):
            raise TypeError("Text needs a str for each language")
        object.__setattr__(self, "en", en)
        object.__setattr__(self, "ko", ko)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Text is immutable")

    def __reduce__(self):  # __slots__ without __dict__: pickle by the constructor
        return Text, (self.en, self.ko)

    def render(self, lang: str | None = None) -> str:
        """The text in ``lang`` (default: :func:`language`)."""
        return self.ko if (lang or language()) == "ko" else self.en

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Text(en={self.en!r}, ko={self.ko!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and (self.en, self.ko) == (other.en, other.ko)

    def __hash__(self) -> int:
        return hash((self.en, self.ko))

    def __add__(self, other: Text | str) -> Text:
        other = as_text(other)
        return Text(self.en + other.en, self.ko + other.ko)

    def __radd__(self, other: str) -> Text:
        return as_text(other) + self

    def __bool__(self) -> bool:
        return bool(self.en)

    def as_dict(self) -> dict[str, str]:
        return {"en": self.en, "ko": self.ko}


#: Korean particles written both ways, e.g. "비용이(가)": after a Hangul syllable the right
#: one is chosen (이 after a final consonant, 가 after a vowel); after anything else (code,
#: numbers) both stay, and the student reads the fallback. So our templates never put one
#: after a placeholder: a word whose last syllable is known carries the particle ("{fn} 함수를",
#: "{file} 파일은", "{name} 값이"), which tests/dlcheck/test_text.py checks.
_PARTICLES = {"이(가)": ("이", "가"), "을(를)": ("을", "를"), "은(는)": ("은", "는"), "과(와)": ("과", "와"),
              "으로(로)": ("으로", "로")}
_PARTICLE = re.compile(r"([가-힣])(" + "|".join(re.escape(p) for p in _PARTICLES) + ")")


def _particles(korean: str) -> str:
    def choose(match: re.Match) -> str:
        syllable, both = match.group(1), match.group(2)
        final = (ord(syllable) - 0xAC00) % 28
        with_final, without = _PARTICLES[both]
        if both == "으로(로)" and final == 8:  # ㄹ takes 로
            return syllable + without
        return syllable + (with_final if final else without)
    return _PARTICLE.sub(choose, korean)


def _value(value: Any, lang: str) -> Any:
    return value.render(lang) if isinstance(value, Text) else value


def tr(en: str, ko: str, /, **values: Any) -> Text:
    """The English and Korean templates, each formatted with ``values``."""
    return Text(en.format(**{k: _value(v, "en") for k, v in values.items()}),
                _particles(ko.format(**{k: _value(v, "ko") for k, v in values.items()})))


def as_text(value: Text | str) -> Text:
    """A Text as is; a str (code, a name, the student's own words) the same in every language."""
    return value if isinstance(value, Text) else Text(str(value), str(value))


def join(parts: Iterable[Text | str], separator: Text | str = "") -> Text:
    """The parts joined by ``separator``, in each language."""
    parts = [as_text(p) for p in parts]
    sep = as_text(separator)
    return Text(sep.en.join(p.en for p in parts), sep.ko.join(p.ko for p in parts))


def language() -> str:
    """The language messages are shown in: :func:`set_language`, else ``$AUTOGRADE_LANG``,
    else Korean when the locale is Korean, else English."""
    if _chosen:
        return _chosen
    wanted = os.environ.get(ENV_VAR, "").strip().lower()
    if wanted in LANGUAGES:
        return wanted
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(name):
            return "ko" if os.environ[name].lower().startswith("ko") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "ko" if code.lower().startswith("ko") else "en"


def chosen_language() -> str | None:
    """The language chosen on purpose, if any: :func:`set_language`, else ``$AUTOGRADE_LANG``."""
    wanted = _chosen or os.environ.get(ENV_VAR, "").strip().lower()
    return wanted if wanted in LANGUAGES else None


def set_language(lang: str | None) -> None:
    """Show messages in ``lang`` from now on (``None``: back to the environment's choice)."""
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; known: {', '.join(LANGUAGES)}")
    global _chosen
    _chosen = lang


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes: East Asian wide characters (a Hangul
    syllable) two, combining marks none, the rest one (the grade table, ``dldata verify``)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in text)
