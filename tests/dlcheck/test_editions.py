"""Tests of dlcheck.editions: the English and Korean editions of a notebook."""

from __future__ import annotations

import pytest

from dlcheck import editions
from dlcheck.text import ENV_VAR, set_language


@pytest.mark.parametrize(
    "notebook, korean",
    [
        ("logistic_regression", "logistic_regression.ko.ipynb"),
        ("logistic_regression.ipynb", "logistic_regression.ko.ipynb"),
        ("assignments/week2/logistic_regression.ipynb", "assignments/week2/logistic_regression.ko.ipynb"),
    ],
    ids=["stem", "file", "path"],
)
def test_what_is_a_notebooks_korean_edition_called(notebook, korean):
    """Is the Korean edition ``<stem>.ko.ipynb`` beside the notebook, and recognised as one?"""
    assert editions.korean_edition(notebook) == korean
    assert editions.is_korean_edition(korean) and not editions.is_korean_edition(notebook)


@pytest.mark.parametrize("filename", ["planar.ipynb", "planar.ko.ipynb"])
def test_both_editions_have_one_stem(filename):
    assert editions.stem(filename) == "planar"


@pytest.mark.parametrize(("filename", "env", "chosen", "want"), [
    ("planar.ko.ipynb", "", None, "ko"),
    ("planar.ipynb", "", None, None),
    ("planar.ko.ipynb", "en", None, "en"),
    ("planar.ko.ipynb", "", "en", "en"),
    ("planar.ipynb", "", "ko", "ko"),
], ids=["korean-edition", "english-edition", "env-wins", "chosen-wins", "chosen-for-any"])
def test_a_learner_is_told_in_the_language_of_the_edition_handed_in(monkeypatch, filename, env, chosen, want):
    """Is a Korean edition's learner told in Korean, unless a language was chosen on purpose
    (``--lang``, ``$AUTOGRADE_LANG``)?"""
    monkeypatch.setenv(ENV_VAR, env)
    set_language(chosen)
    try:
        assert editions.language(filename) == want
    finally:
        set_language(None)
