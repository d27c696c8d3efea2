"""Reading submissions: what is kept, and the one-line reasons for what cannot be read."""

import json

import nbformat
import pytest

from dlcheck.extract import SubmissionError, parse_python, read_submission


def _notebook(tmp_path, *cells, name="sub.ipynb"):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    path = tmp_path / name
    path.write_text(nbformat.writes(nb))
    return path


def test_keeps_definitions_and_imports_drops_top_level_calls(tmp_path):
    """Are defs, imports and call-free constants kept, and exploration calls dropped?"""
    sub = read_submission(_notebook(tmp_path, "import numpy as np\nLR = 0.1\nd = model(1)\n",
                                    "%matplotlib inline\ndef f(x):\n    return x\nprint(f(2))\n1/0\n"))
    kept = "".join(s for _, s in sub.statements)
    assert "import numpy" in kept and "LR = 0.1" in kept and "def f" in kept
    assert "model(1)" not in kept and "print" not in kept and "1/0" not in kept


def test_line_numbers_match_the_cell(tmp_path):
    """Does a kept statement keep its line number, so failures can quote the right line?"""
    sub = parse_python(["x = 1\n\n\ndef g():\n    return 2\n"])
    name, source = next(s for s in sub.statements if "def g" in s[1])
    assert name == "<cell 1>" and source.splitlines()[3] == "def g():"
    assert sub.line("<cell 1>", 5) == "return 2"


def test_syntax_error_loses_only_the_broken_definition():
    """Does one unparsable function leave the other definitions of its cell gradable?"""
    sub = parse_python(["def good():\n    return 1\n\ndef bad(:\n    pass\n\ndef also_good():\n    return 2\n"])
    kept = "".join(s for _, s in sub.statements)
    assert "def good" in kept and "def also_good" in kept and "def bad" not in kept
    assert "<cell 1>" in sub.syntax_errors


def test_reads_old_nbformat_3(tmp_path):
    """Is a notebook saved in the old v3 format still graded?"""
    doc = {"nbformat": 3, "worksheets": [{"cells": [{"cell_type": "code", "input": "def f():\n    return 1\n"}]}]}
    path = tmp_path / "old.ipynb"
    path.write_text(json.dumps(doc))
    assert any("def f" in s for _, s in read_submission(path).statements)


@pytest.mark.parametrize("content, reason", [
    (b"", "is empty"),
    (b"{\"cells\": [", "truncated"),
    (b"not json at all", "not valid JSON"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    (b"\xff\xfe{\"cells\": []}", "not UTF-8"),
    (b"[1, 2, 3]", "not a notebook"),
], ids=["empty", "truncated", "garbage", "binary", "not-utf8", "json-list"])
def test_unreadable_files_get_a_one_line_reason(tmp_path, content, reason):
    """Does each kind of broken file get a short reason instead of a traceback?"""
    path = tmp_path / "broken.ipynb"
    path.write_bytes(content)
    with pytest.raises(SubmissionError, match=reason) as info:
        read_submission(path)
    assert "\n" not in str(info.value)


def test_huge_file_is_refused_without_reading_it(tmp_path):
    """Is a 200 MB notebook refused by its size?"""
    path = tmp_path / "huge.ipynb"
    with open(path, "wb") as f:
        f.truncate(200 * 1024 * 1024)
    with pytest.raises(SubmissionError, match="limit"):
        read_submission(path)


def test_non_code_cells_and_odd_cell_types_are_ignored(tmp_path):
    """Are markdown, raw and malformed cells skipped rather than fatal?"""
    doc = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": "markdown", "source": "def not_code(): pass"}, {"cell_type": "raw", "source": "x"},
        "not a cell", {"cell_type": "code", "source": ["def f():\n", "    return 1\n"]}]}
    path = tmp_path / "odd.ipynb"
    path.write_text(json.dumps(doc))
    kept = "".join(s for _, s in read_submission(path).statements)
    assert "def f" in kept and "not_code" not in kept


def test_fingerprint_depends_on_kept_code_only():
    """Do exploration cells leave the hidden-input seed alone, while a code change moves it?"""
    base = parse_python(["def f(x):\n    return x\n"])
    with_exploration = parse_python(["def f(x):\n    return x\n", "print(f(3))\n"])
    changed = parse_python(["def f(x):\n    return x + 0\n"])
    assert base.fingerprint() == with_exploration.fingerprint() != changed.fingerprint()


@pytest.mark.parametrize("copy", [
    pytest.param("def f(x):\n    # a comment\n    return x * 2  # another\n", id="comments"),
    pytest.param("def f(x):   \n\n\n    return x*2   \n", id="spacing-and-blank-lines"),
    pytest.param('def f(x):\n    """What f does."""\n    return (x * 2)\n', id="docstring-and-parentheses"),
    pytest.param("\n\n\ndef f(x):\n    return x * 2\n", id="other-line-numbers"),
])
def test_fingerprint_is_the_codes_meaning_not_its_text(copy):
    """Does a copy of the code that differs by comments, spacing, a docstring or its place
    draw the same hidden inputs (no lottery by handing in edited copies)?"""
    assert parse_python([copy]).fingerprint() == parse_python(["def f(x):\n    return x * 2\n"]).fingerprint()


@pytest.mark.parametrize("name, content", [
    ("brackets.ipynb", b"[" * 200_000 + b"]" * 200_000),
    ("brackets-in-a-cell.ipynb", json.dumps({"cells": [{"cell_type": "code", "source": "x = " + "[" * 100_000
                                                         + "]" * 100_000}]}).encode()),
    ("unary.py", b"x = " + b"-" * 200_000 + b"1\n"),
    ("calls.py", b"def f():\n    return " + b"g(" * 50_000 + b")" * 50_000 + b"\n"),
], ids=["nested-json", "nested-brackets-in-code", "nested-unary-operators", "nested-calls"])
def test_pathologically_nested_files_cost_that_file_only(tmp_path, name, content):
    """Does a file nested too deeply for the parsers give a SubmissionError (or parse),
    never a RecursionError or MemoryError that would stop the batch?"""
    path = tmp_path / name
    path.write_bytes(content)
    try:
        read_submission(path)
    except SubmissionError as exc:
        assert "\n" not in str(exc)


@pytest.mark.parametrize("encoding", ["cp949", "utf-16", "utf-8-sig"])
def test_python_files_in_korean_windows_encodings_are_read(tmp_path, encoding):
    """Is a .py file saved as cp949 (Korean Windows), UTF-16 or UTF-8 with a BOM read, not rejected?"""
    path = tmp_path / "submission.py"
    path.write_bytes("# 시그모이드 함수\ndef sigmoid(z):\n    return 1 / (1 + np.exp(-z))  # 완성\n".encode(encoding))
    kept = "".join(s for _, s in read_submission(path).statements)
    assert "def sigmoid" in kept


def test_reasons_exist_in_korean(tmp_path):
    """Does a file's one-line reason exist in Korean too?"""
    path = tmp_path / "empty.ipynb"
    path.write_bytes(b"")
    with pytest.raises(SubmissionError) as info:
        read_submission(path)
    assert info.value.text.ko == "empty.ipynb 파일이 비어 있습니다"


def test_function_fingerprints_tell_functions_apart_by_meaning():
    """Is each function's fingerprint its own (a comment changes nothing, another body
    changes it and only it), and does the last definition count?"""
    one = parse_python(["def f(x):\n    return x\n\ndef g(x):\n    return 2 * x\n"])
    commented = parse_python(["def f(x):\n    # same\n    return x\n", "def g(x):\n    return 3 * x\n"])
    redefined = parse_python(["def f(x):\n    return 0\n", "def f(x):\n    return x\n"])
    assert set(one.function_fingerprints()) == {"f", "g"}
    assert one.function_fingerprints()["f"] == commented.function_fingerprints()["f"]
    assert one.function_fingerprints()["g"] != commented.function_fingerprints()["g"]
    assert redefined.function_fingerprints() == {"f": one.function_fingerprints()["f"]}


def test_a_content_is_parsed_once_and_each_reader_gets_its_own_lists(tmp_path, monkeypatch):
    """Is a file read twice parsed once, each reader getting lists of its own (the grader
    adds to the statements it reads), and a file whose content changed parsed again?"""
    from dlcheck import extract

    parsed = []
    monkeypatch.setattr(extract, "_PARSED", {})
    monkeypatch.setattr(extract, "parse_python", lambda sources, prefix: parsed.append(prefix) or parse_python(
        sources, prefix=prefix))
    path = tmp_path / "mine.py"
    path.write_text("def f():\n    return 1\n")
    first = read_submission(path, prefix="first")
    first.statements.append(("<added>", "x = 1\n"))
    second = read_submission(path, prefix="first")
    assert parsed == ["first"] and second.statements == first.statements[:1]
    path.write_text("def f():\n    return 2\n")
    assert "return 2" in read_submission(path, prefix="first").statements[0][1] and parsed == ["first", "first"]
