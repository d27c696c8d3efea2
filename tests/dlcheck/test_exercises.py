"""Loading an exercise for students: public checks only, recorded answers, from either folder."""

import pytest

from dlcheck import exercises
from dlcheck.checks import GraderError

SPEC_SOURCE = '''
from dlcheck.checks import NotebookSpec
notebook = NotebookSpec("week9/toy")
f = notebook.graded("f", points=1)

@f.public("public", "공개")
def public_check(t):
    pass

### BEGIN HIDDEN
import a_grader_only_module

@f.hidden("hidden", "숨김")
def hidden_check(t):
    pass
### END HIDDEN
'''


def test_hidden_regions_are_removed_and_line_numbers_can_be_kept():
    """Does stripping remove every hidden line, optionally leaving blank lines in their place?"""
    stripped = exercises.strip_hidden(SPEC_SOURCE)
    assert "hidden" not in stripped and "a_grader_only_module" not in stripped
    kept = exercises.strip_hidden(SPEC_SOURCE, keep_lines=True)
    assert kept.count("\n") == SPEC_SOURCE.count("\n") and "a_grader_only_module" not in kept


def test_unbalanced_markers_are_an_error():
    with pytest.raises(GraderError, match="unbalanced"):
        exercises.strip_hidden("### BEGIN HIDDEN\nx = 1\n")


def test_an_installed_exercise_is_loaded_from_the_package_folder(tmp_path, monkeypatch):
    """Is an exercise found in the package's own folder (the student install) first, without
    its hidden checks, with the recorded answers and signatures?"""
    folder = tmp_path / "exercises" / "week9"
    folder.mkdir(parents=True)
    (folder / "toy.py").write_text(exercises.strip_hidden(SPEC_SOURCE))
    (folder / "toy.expected.json").write_text('{"functions": {"f": {"params": ["x"], "calls": []}}, '
                                              '"values": {"$t": "dict", "v": [["f/k", 1.5]]}}')
    monkeypatch.setattr(exercises, "folders", lambda: [tmp_path / "exercises"])
    exercises.load.cache_clear()
    try:
        exercise = exercises.load("week9/toy")
        assert [c.tier for c in exercise.spec.function("f").checks] == ["public"]
        assert exercise.expected == {"f/k": 1.5} and exercise.params == {"f": ["x"]}
        assert exercises.available() == ["week9/toy"]
    finally:
        exercises.load.cache_clear()


def test_an_unknown_exercise_says_where_it_looked(monkeypatch, tmp_path):
    monkeypatch.setattr(exercises, "folders", lambda: [tmp_path])
    with pytest.raises(GraderError, match="no exercise 'week9/none'"):
        exercises.load("week9/none")
