"""Bilingual text: one message, every language, the right one shown."""

import ast
import pickle
import re
from pathlib import Path

import pytest

from dlcheck.text import Text, as_text, join, language, set_language, tr


def test_values_that_are_texts_render_in_the_templates_language():
    """Is a Text value inside a template rendered in that template's language?"""
    name = tr("the cost", "비용")
    text = tr("{name} is {x:.2f}", "{name}이(가) {x:.2f}입니다", name=name, x=1.234)
    assert (text.en, text.ko) == ("the cost is 1.23", "비용이 1.23입니다")


def test_joining_and_adding_keep_each_language_apart():
    text = join([tr("a", "가"), "code()"], "; ") + tr(" end", " 끝")
    assert (text.en, text.ko) == ("a; code() end", "가; code() 끝")


@pytest.mark.parametrize("environ, expected", [
    ({"AUTOGRADE_LANG": "ko"}, "ko"), ({"AUTOGRADE_LANG": "en", "LANG": "ko_KR.UTF-8"}, "en"),
    ({"LANG": "ko_KR.UTF-8"}, "ko"), ({"LC_ALL": "C.UTF-8"}, "en"),
], ids=["env-var", "env-var-beats-locale", "korean-locale", "c-locale"])
def test_language_comes_from_the_environment(monkeypatch, environ, expected):
    """Is the language AUTOGRADE_LANG, else the locale's?"""
    for name in ("AUTOGRADE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert language() == expected


def test_a_chosen_language_wins_and_renders_str(monkeypatch):
    monkeypatch.setenv("AUTOGRADE_LANG", "en")
    set_language("ko")
    assert str(tr("yes", "예")) == "예" and language() == "ko"
    with pytest.raises(ValueError, match="unknown language"):
        set_language("fr")


def test_text_is_immutable_hashable_and_picklable():
    """Can results holding texts cross a process pool and serve as dict keys?"""
    text = tr("a", "가")
    assert pickle.loads(pickle.dumps(text)) == text and {text: 1}[as_text(text)] == 1
    with pytest.raises(AttributeError):
        text.en = "b"
    with pytest.raises(TypeError):
        Text("only english", None)


@pytest.mark.parametrize("word, expected", [("비용", "비용이 큽니다"), ("기울기", "기울기가 큽니다"),
                                            ("dw", "dw이(가) 큽니다"), ("3", "3이(가) 큽니다")],
                         ids=["final-consonant", "vowel", "code", "number"])
def test_korean_particles_follow_the_word_they_attach_to(word, expected):
    """Is 이/가 chosen by the last Hangul syllable, and left as 이(가) after code?"""
    assert tr("{w} is large", "{w}이(가) 큽니다", w=word).ko == expected


#: Where our Korean templates live: the packages, the solutions, and the given modules
#: written by hand in assignments/ (the generated ones are copies of autograder/helpers).
ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("dlcheck", "autograder", "dldata", "solutions", "assignments")

#: A particle written both ways ("이(가)", "(으)로", ...) after something that is not a
#: Hangul syllable: a placeholder, code, a quote. Only :func:`dlcheck.text.tr` can resolve
#: one, after a Hangul syllable; anywhere else the student reads the fallback.
FALLBACK = re.compile(r"(?<=[^가-힣])(이\(가\)|가\(이\)|을\(를\)|를\(을\)|은\(는\)|는\(은\)|과\(와\)|와\(과\)"
                      r"|으로\(로\)|\(으\)로|\(이\)|\(아\)야)")


def _strings(tree: ast.AST):
    """Every string of a module, an f-string's fields shown as {}."""
    inside = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            yield "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in inside:
            yield node.value


def test_no_korean_template_needs_a_fallback_particle():
    """Does every Korean particle follow a word whose last syllable the template knows
    ("{fn} 함수를", "{file} 파일은"), never a placeholder, so no student reads "dw이(가)"?"""
    found = [f"{path.relative_to(ROOT)}: {match.group(0)!r} in {text[:80]!r}"
             for folder in SOURCES for path in sorted((ROOT / folder).rglob("*.py"))
             for text in _strings(ast.parse(path.read_text(encoding="utf-8")))
             for match in FALLBACK.finditer(text)]
    assert not found, f"{len(found)} fallback particles:\n" + "\n".join(found)


def test_cells_counts_what_a_terminal_shows():
    """Does a Hangul syllable take two cells, a letter one and a combining accent none?"""
    from dlcheck.text import cells

    assert cells("가") == 2 and cells("a") == 1 and cells("e\u0301") == 1 and cells("정상 OK") == 7
