"""What the grader's HTML pages share: their look, and the switch between Korean and English.

A page (the student's feedback, :mod:`autograder.feedback`; the class page,
:mod:`autograder.review`) is one self-contained document: its style inline, no script, no
external file, so it opens offline, from an e-mail or an LMS. Every text is there in every
language (:func:`both`), each in an element of its language's class, and two radio buttons
before ``<main>`` show one language or the other with CSS alone. Whatever a page shows from
a report or a file goes through :func:`esc`: a student's text is text, never markup.
"""

from __future__ import annotations

import html

from dlcheck.text import LANGUAGES, Text, as_text, language

#: The look of every page (before a page's own rules).
CSS = """
body { font-family: system-ui, "Apple SD Gothic Neo", "Malgun Gothic", sans-serif; max-width: 52rem;
       margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; line-height: 1.5; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
.facts { color: #555; font-size: .9rem; } .facts dt { float: left; clear: left; width: 11rem; }
.facts dd { margin-left: 11rem; }
table { border-collapse: collapse; margin-top: 1rem; } td, th { padding: .3rem .8rem; text-align: left; }
tr + tr td { border-top: 1px solid #ddd; } td.points { text-align: right; font-variant-numeric: tabular-nums; }
.pass { color: #1a7f37; } .fail { color: #cf222e; }
"""

#: The language switch (after a page's own rules, so that hiding wins).
SWITCH_CSS = """
nav label { cursor: pointer; border: 1px solid #999; border-radius: 4px; padding: .1rem .5rem; margin-left: .3rem; }
nav { float: right; } input.lang { display: none; }
#lang-en:checked ~ main .ko, #lang-ko:checked ~ main .en { display: none; }
#lang-en:checked ~ nav label[for=lang-en], #lang-ko:checked ~ nav label[for=lang-ko] { background: #ddd; }
"""


def esc(value: object) -> str:
    """``value`` as HTML text (quotes too, so it is safe in an attribute)."""
    return html.escape(str(value), quote=True)


def both(text: Text | str, tag: str = "span") -> str:
    """The text in every language, each in an element the language switch shows or hides."""
    text = as_text(text)
    return "".join(f'<{tag} class="{lang}" lang="{lang}">{esc(text.render(lang))}</{tag}>' for lang in LANGUAGES)


def document(title: Text | str, body: list[str], css: str, lang: str | None = None) -> str:
    """A whole page: ``title`` (a str: the same in every language), ``body`` (HTML parts, one a line) in ``<main>``
    under the title, styled by :data:`CSS`, then ``css``, shown first in ``lang``
    (default: :func:`dlcheck.text.language`) with the switch to the other language."""
    lang = lang or language()
    heading = esc(title) if isinstance(title, str) else both(title)
    switch = "".join(f'<input type="radio" name="lang" class="lang" id="lang-{code}"{" checked" if code == lang else ""}>'
                     for code in LANGUAGES)
    labels = "".join(f'<label for="lang-{code}">{name}</label>'
                     for code, name in zip(LANGUAGES, ("English", "한국어"), strict=True))
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(as_text(title).render(lang))}</title>\n<style>{CSS}{css}{SWITCH_CSS}</style>\n</head>\n<body>\n"
            f"{switch}\n<nav>{labels}</nav>\n<main>\n<h1>{heading}</h1>\n" + "\n".join(body)
            + "\n</main>\n</body>\n</html>\n")
