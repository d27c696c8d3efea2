"""Tests of autograder.page: what the grader's HTML pages share."""

from __future__ import annotations

from autograder.page import both, document, esc
from dlcheck.text import Text


def test_a_text_is_in_both_languages_and_escaped():
    """Is a Text shown as one element per language, a student's markup as text?"""
    assert both(Text("<b>x</b>", "엑스")) == ('<span class="en" lang="en">&lt;b&gt;x&lt;/b&gt;</span>'
                                              '<span class="ko" lang="ko">엑스</span>')
    assert esc('"a" & <b>') == "&quot;a&quot; &amp; &lt;b&gt;"


def test_a_document_is_shown_first_in_its_language_with_no_script():
    """Does a page check its language's switch, title itself in that language (a Text
    heading in both), escape the title and hold no script?"""
    page = document(Text("<i>Class</i>", "학급"), ["<p>body</p>"], ".own { color: red; }", "ko")
    assert '<input type="radio" name="lang" class="lang" id="lang-ko" checked>' in page
    assert "<title>학급</title>" in page and '<span class="en" lang="en">&lt;i&gt;Class&lt;/i&gt;</span>' in page
    assert page.index(".own") < page.index("#lang-en:checked") and "<p>body</p>" in page
    assert "<script" not in page
