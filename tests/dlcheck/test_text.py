"""Bilingual text: one message, every language, the right one shown."""

import pickle

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
