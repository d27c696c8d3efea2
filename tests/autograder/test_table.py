"""The readable report of `autograde grade`: files told apart by their path, tables and
messages fitted to the terminal, in the language asked for."""

import pytest

from autograder.table import cut, format_table, labels, terminal_width
from dlcheck.results import SubmissionReport, TestResult
from dlcheck.text import cells, tr

FUNCTIONS = ["initialize_parameters_deep", "linear_forward", "linear_activation_forward", "L_model_forward",
             "compute_cost", "linear_backward", "linear_activation_backward", "L_model_backward",
             "update_parameters"]


def _report(path: str, passed: bool) -> SubmissionReport:
    message = ("{f} returned the wrong values: the second column of A2 differs from the reference's by 0.25; "
                 "did you apply relu where sigmoid belongs?",
                 "{f}의 반환값이 다릅니다: A2의 둘째 열이 정답과 0.25만큼 다릅니다. sigmoid 자리에 relu를 쓰지 않았나요?")
    tests = [TestResult(f"test_{f}", f, float(passed), 1.0, passed, tr(*message, f=f)) for f in FUNCTIONS]
    return SubmissionReport(path, "week4/deep_network_application", tests, isolation="processes")


CLASS = [_report("/course/submitted/alice/week4/deep_network_application.ipynb", True),
         _report("/course/submitted/bob/week4/deep_network_application.ipynb", False)]


@pytest.mark.parametrize("paths, expected", [
    (["/c/alice/week4/app.ipynb", "/c/bob/week4/app.ipynb", "/c/bob/week4/y.ipynb"],
     ["alice/…/app.ipynb", "bob/…/app.ipynb", "y.ipynb"]),
    (["/c/alice/W4A1/app.ipynb", "/c/alice/W4A2/app.ipynb"], ["W4A1/app.ipynb", "W4A2/app.ipynb"]),
    (["/c/a/x/f.ipynb", "/c/a/y/f.ipynb", "/c/b/x/f.ipynb"], ["a/…/f.ipynb", "y/f.ipynb", "b/…/f.ipynb"]),
    (["f.ipynb", "f.ipynb"], ["f.ipynb", "f.ipynb"]),
], ids=["students", "folders", "elided-middle", "same-file"])
def test_files_are_named_by_the_end_of_their_path_that_tells_them_apart(paths, expected):
    """Is each file named by the shortest end of its path that no other file shares, with
    the folders between the first that differs and the file name elided?"""
    assert labels(paths) == expected


def test_two_students_files_of_one_name_are_told_apart_in_the_table():
    """Do two students' deep_network_application.ipynb get rows that name the student?"""
    rows = format_table(CLASS).splitlines()[2:4]
    assert rows[0].startswith("alice/…/deep_network_application.ipynb ")
    assert rows[1].startswith("bob/…/deep_network_application.ipynb ")


@pytest.mark.parametrize("width", [80, 50])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_report_fits_the_terminal(width, lang):
    """Does every line fit ``width`` terminal cells (Hangul counting two), the functions
    numbered in the header and named below it, each message cut with an ellipsis and the
    report saying where the whole messages are?"""
    lines = format_table(CLASS, width, lang).splitlines()
    assert max(cells(line) for line in lines) <= width
    text = "\n".join(lines)
    assert all(f"] {f}" in text for f in FUNCTIONS)
    failures = [line for line in lines if line.startswith("bob/…/deep_network_application.ipynb: ")]
    assert len(failures) == len(FUNCTIONS) and all(line.endswith("…") for line in failures)
    assert "--format json" in lines[-3]


def test_without_a_width_nothing_is_cut():
    """Does output to a file or a pipe (no width) keep the functions' names and the whole
    messages?"""
    text = format_table(CLASS)
    assert all(f in text.splitlines()[0] for f in FUNCTIONS) and "…" not in text.replace("/…/", "")
    assert CLASS[1].tests[0].message.en in text


def test_the_table_speaks_korean_when_asked():
    """Are the headers, the notes and the isolation level in Korean with lang="ko"?"""
    report = SubmissionReport("x.ko.ipynb", "week2/numpy_basics", CLASS[1].tests[:1], isolation="processes",
                              notes=[tr("graded as numpy_basics", "numpy_basics로 채점했습니다")])
    lines = format_table([report], lang="ko").splitlines()
    assert lines[0].startswith("제출 파일") and lines[0].endswith("합계")
    assert "x.ko.ipynb: 참고: numpy_basics로 채점했습니다" in lines
    assert lines[-1] == "격리 수준: processes"


def test_cut_counts_terminal_cells():
    """Is a Korean line cut by the cells it takes, not by its characters?"""
    assert cut("가나다라마", 6) == "가나…" and cells("가나…") == 5
    assert cut("short", 10) == "short" and cut("two\nlines", 10) == "two…"


def test_a_file_or_a_pipe_has_no_width(tmp_path, monkeypatch):
    """Is a report written to a file (or a pipe) never cut, whatever $COLUMNS says?"""
    monkeypatch.setenv("COLUMNS", "40")
    with open(tmp_path / "report.txt", "w") as stream:
        assert terminal_width(stream) is None
