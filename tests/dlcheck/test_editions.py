"""Tests of dlcheck.editions: the English and Korean editions of a notebook."""

from __future__ import annotations

import pytest

from dlcheck import editions


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
