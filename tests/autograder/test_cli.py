"""The `autograde` command line: its JSON contract, its exit codes, and a stdout that only
the report reaches."""

import json
import subprocess
import sys

import pytest
import report_schema

from autograder import ROOT, specs
from autograder.sandbox.isolation import LEVELS

pytestmark = pytest.mark.subprocess

AUTOGRADE = [sys.executable, "-m", "autograder"]


def run(*args, cwd=ROOT):
    return subprocess.run([*AUTOGRADE, *args], capture_output=True, text=True, cwd=cwd, timeout=600)


def test_list_json_contract():
    """Does `autograde list --json` give id, release, functions and max_score per notebook?"""
    proc = run("list", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert [r["id"] for r in rows] == list(specs.notebooks())
    for row in rows:
        spec = specs.get(row["id"])
        assert row == {"id": spec.id, "release": spec.release, "functions": [f.name for f in spec.functions],
                       "max_score": spec.max_score}
        assert (ROOT / row["release"]).exists()


@pytest.mark.parametrize("args", [["grade", "--notebook", "week9/nothing", "x.ipynb"], ["grade", "x.ipynb"],
                                  ["frobnicate"]], ids=["unknown-notebook", "missing-option", "unknown-verb"])
def test_usage_errors_exit_2(args):
    """Is a malformed command line a usage error (exit 2) with a message?"""
    proc = run(*args)
    assert proc.returncode == 2 and proc.stderr.strip()


@pytest.mark.grading
@pytest.mark.real_data
def test_unreadable_file_is_listed_with_its_reason_and_exit_1(tmp_path):
    """Does a file that cannot be graded still appear, with score 0 and the reason, and exit 1?"""
    broken = tmp_path / "broken.ipynb"
    broken.write_text("{ not json")
    stub = ROOT / "assignments/week2/logistic_regression.ipynb"
    proc = run("grade", "--dev-secret", "--notebook", "week2/logistic_regression", "--json", str(broken), str(stub))
    assert proc.returncode == 1, proc.stderr
    reports = json.loads(proc.stdout)
    assert [r["submission"] for r in reports] == [str(broken), str(stub)]
    assert reports[0]["score"] == 0 and "not valid JSON" in reports[0]["error"]
    assert reports[1]["score"] == 0 and reports[1]["max_score"] == specs.get("week2/logistic_regression").max_score
    for report in reports:
        report_schema.validate(report)
    assert reports[1]["tests"][0]["messages"]["ko"].startswith("sigmoid 함수가 아직 구현되지 않았습니다")
    assert reports[1]["isolation"] in LEVELS
    assert "[2/2]" in proc.stderr  # progress goes to stderr, JSON stays clean


@pytest.mark.grading
@pytest.mark.real_data
def test_table_output_names_each_function():
    """Does the readable table show one column per function and the failure messages?"""
    stub = ROOT / "assignments/week2/logistic_regression.ipynb"
    proc = run("grade", "--dev-secret", "--notebook", "week2/logistic_regression", str(stub))
    assert proc.returncode == 0, proc.stderr
    header = proc.stdout.splitlines()[0]
    assert all(f.name in header for f in specs.get("week2/logistic_regression").functions)
    assert "sigmoid is not implemented yet" in proc.stdout


def test_missing_data_is_one_actionable_line(tmp_path):
    """Without the cat data, does `grade` stop with where it looked and what to run, not a traceback?"""
    import os

    env = dict(os.environ, DL_DATASETS_DIR=str(tmp_path))
    proc = subprocess.run([*AUTOGRADE, "grade", "--dev-secret", "--notebook", "week2/logistic_regression",
                           str(ROOT / "assignments/week2/logistic_regression.ipynb")],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert proc.returncode == 2
    assert "-m dldata fetch" in proc.stderr and str(tmp_path) in proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_dependency_is_one_actionable_line(tmp_path):
    """If a dependency is not installed, does `autograde` say which and how to install it?"""
    (tmp_path / "numdifftools.py").write_text("raise ModuleNotFoundError('numdifftools', name='numdifftools')\n")
    import os

    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    proc = subprocess.run([sys.executable, "-m", "autograder", "list"], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=120)
    assert proc.returncode == 2 and "missing dependency 'numdifftools'" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.grading
def test_grading_refuses_the_development_secret_unless_told_it_is_a_trial(tmp_path):
    """Without an instructor secret, does `grade` refuse (hidden inputs would be computable by
    students), say how to set one, and grade when --dev-secret says it is a trial?"""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("AUTOGRADE_SECRET")}
    stub = str(ROOT / "assignments/week2/numpy_basics.ipynb")
    refused = subprocess.run([*AUTOGRADE, "grade", "--notebook", "week2/numpy_basics", stub],
                             capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert refused.returncode == 2 and "AUTOGRADE_SECRET_FILE" in refused.stderr and refused.stdout == ""
    secret = tmp_path / "secret"
    secret.write_text("a long random string\n")
    with_secret = subprocess.run([*AUTOGRADE, "grade", "--notebook", "week2/numpy_basics", stub], capture_output=True,
                                 text=True, cwd=ROOT, env=dict(env, AUTOGRADE_SECRET_FILE=str(secret)), timeout=120)
    assert with_secret.returncode == 0, with_secret.stderr


@pytest.mark.grading
@pytest.mark.real_data
def test_json_stays_clean_when_a_reference_prints(tmp_path):
    """If a student's model calls optimize(..., print_cost=True) while its callees are answered
    by the reference, does anything but the JSON reach stdout?"""
    source = (ROOT / "solutions/week2/logistic_regression.py").read_text()
    source = source.replace("1 / (1 + np.exp(-z))", "1 / (1 + np.exp(z))")  # a wrong sigmoid: model retried
    source = source.replace("optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)",
                            "optimize(w, b, X_train, Y_train, num_iterations, learning_rate, True)")
    path = tmp_path / "prints.py"
    path.write_text(source)
    proc = run("grade", "--dev-secret", "--json", "--notebook", "week2/logistic_regression", str(path))
    reports = json.loads(proc.stdout)  # nothing else on stdout
    assert reports[0]["score"] == specs.get("week2/logistic_regression").max_score - 1


@pytest.mark.grading
def test_messages_in_korean_on_request():
    """Does --lang ko print the table's messages in Korean?"""
    stub = ROOT / "assignments/week2/numpy_basics.ipynb"
    proc = run("--lang", "ko", "grade", "--dev-secret", "--notebook", "week2/numpy_basics", str(stub))
    assert "basic_sigmoid 함수가 아직 구현되지 않았습니다" in proc.stdout


def test_version():
    """Does `autograde --version` name the package and its version?"""
    from autograder import __version__

    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout == f"autograde (dl-autograder) {__version__}\n"


@pytest.mark.grading
def test_formats_of_files_named_as_in_the_classic_course(tmp_path):
    """Without --notebook, is each file graded as the notebook its (classic) name means, in
    every format: CSV with a row per file, Gradescope's results.json, JSON (also spelled
    --json, see above); and is a file whose name means nothing listed with what would
    match (exit 1)?"""
    classic = tmp_path / "Python_Basics_with_Numpy_v2a.ipynb"
    classic.write_bytes((ROOT / "assignments/week2/numpy_basics.ipynb").read_bytes())
    unknown = tmp_path / "homework.ipynb"
    unknown.write_text("{}")
    outputs = {fmt: run("grade", "--dev-secret", "--format", fmt, str(classic), str(unknown))
               for fmt in ("csv", "gradescope", "json")}
    assert {fmt: proc.returncode for fmt, proc in outputs.items()} == dict.fromkeys(outputs, 1)

    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(outputs["csv"].stdout)))
    assert [(r["submission"], r["notebook"], r["score"], r["max_score"]) for r in rows] == [
        (str(classic), "week2/numpy_basics", "0", "8"), (str(unknown), "?", "0", "0")]
    assert rows[0]["isolation"] in ("namespaces", "processes") and rows[0]["basic_sigmoid"] == "0"
    assert rows[1]["error"].startswith("cannot tell which notebook homework.ipynb is: name it after one (expected ")
    assert "logistic_regression.ipynb (or Logistic_Regression_with_a_Neural_Network_mindset*.ipynb)" in rows[1]["error"]

    results = json.loads(outputs["gradescope"].stdout)
    assert results["score"] == 0 and len(results["tests"]) == 8
    assert {t["name"] for t in results["tests"]} >= {"basic_sigmoid", "L2"}
    assert "isolation level: " in results["output"] and "homework.ipynb: not graded" in results["output"]

    reports = json.loads(outputs["json"].stdout)
    assert [(r["notebook"], r["score"]) for r in reports] == [("week2/numpy_basics", 0), ("?", 0)]


def test_export_without_a_gradebook_is_one_line(tmp_path):
    """Does `autograde export` on a folder without a gradebook say so in one line (exit 2),
    without creating one?"""
    proc = run("export", "week2", "--course-dir", str(tmp_path))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert f"no gradebook at {tmp_path / 'gradebook.db'}" in proc.stderr
    assert not (tmp_path / "gradebook.db").exists()


def _env(**changes):
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith(("AUTOGRADE_SECRET", "AUTOGRADE_ISOLATION"))}
    return dict(env, **changes)


@pytest.mark.grading
def test_processes_level_is_announced_on_stderr():
    """Does grading at the processes level say so loudly on stderr, while stdout keeps only
    the report, which names the level too?"""
    stub = str(ROOT / "assignments/week2/numpy_basics.ipynb")
    proc = subprocess.run([*AUTOGRADE, "grade", "--dev-secret", "--json", "--notebook", "week2/numpy_basics", stub],
                          capture_output=True, text=True, cwd=ROOT, env=_env(AUTOGRADE_ISOLATION="processes"),
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "WARNING: isolation level 'processes' (AUTOGRADE_ISOLATION=processes asks for it)" in proc.stderr
    assert "autograde doctor" in proc.stderr
    assert json.loads(proc.stdout)[0]["isolation"] == "processes"


@pytest.mark.parametrize("lang, said", [
    ("en", "autograde: AUTOGRADE_ISOLATION='docker' is not an isolation level; use one of namespaces, userns, processes"),
    ("ko", "autograde: AUTOGRADE_ISOLATION='docker': 그런 격리 수준은 없습니다. 다음 중 하나를 쓰세요: namespaces, userns, "
           "processes")], ids=["en", "ko"])
def test_unknown_isolation_level_is_one_line_exit_2(lang, said):
    """Does a typo in AUTOGRADE_ISOLATION stop grading with one line naming the levels, in
    the language asked for?"""
    proc = subprocess.run([*AUTOGRADE, "--lang", lang, "grade", "--dev-secret", "--notebook", "week2/numpy_basics",
                           "x.ipynb"], capture_output=True, text=True, cwd=ROOT, env=_env(AUTOGRADE_ISOLATION="docker"),
                          timeout=120)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip().splitlines() == [said]


@pytest.mark.grading
@pytest.mark.real_data
def test_doctor_reports_levels_data_and_secret(tmp_path):
    """Does `autograde doctor` list every level with why it is not offered, mark the one
    grading uses, and say whether a secret is configured, without printing it?"""
    from autograder.sandbox.isolation import offered, strongest

    secret = tmp_path / "secret"
    secret.write_text("do-not-print-me-4242\n")
    configured = subprocess.run([*AUTOGRADE, "doctor"], capture_output=True, text=True, cwd=ROOT,
                                env=_env(AUTOGRADE_SECRET_FILE=str(secret)), timeout=120)
    assert configured.returncode == 0, configured.stdout + configured.stderr
    lines = configured.stdout.splitlines()
    for level, why_not in offered().items():
        line = next(line for line in lines if line.split()[:1] == [level] and "offered" in line)
        assert ("not offered: " + why_not if why_not else "offered") in line
        assert line.endswith("<- grading uses this one") == (level == strongest())
    assert f"instructor secret: configured by AUTOGRADE_SECRET_FILE={secret}" in lines
    assert "do-not-print-me" not in configured.stdout
    missing = subprocess.run([*AUTOGRADE, "doctor"], capture_output=True, text=True, cwd=ROOT, env=_env(),
                             timeout=120)
    assert missing.returncode == 1 and "instructor secret: not configured" in missing.stdout


def test_the_command_line_imports_nbgrader_only_for_the_verbs_that_need_it():
    """Does loading the CLI (what `autograde list` and `grade` pay for) leave nbgrader and
    its server stack unimported (seconds of start-up), until a course verb needs it?"""
    probe = ("import sys, autograder.cli; "
             "print(sorted({m.split('.')[0] for m in sys.modules} & {'nbgrader', 'sqlalchemy', 'tornado'}))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]", loaded


def test_files_renamed_by_learners_are_graded_as_the_notebook_they_are(tmp_path):
    """Without --notebook, is a renamed classic week-3 notebook (numbered in front) graded as
    its notebook by its name, and a step-by-step notebook whose name says nothing graded
    as the notebook whose functions it defines, the choice said in a note and on stderr?"""
    planar = tmp_path / "a1_planar_data_classification_with_one_hidden_layer.ipynb"
    planar.write_bytes((ROOT / "examples/week3/classic_course.ipynb").read_bytes())
    step = tmp_path / "a1_building_your_deep_neural_network.ipynb"
    step.write_bytes((ROOT / "examples/week4/step_by_step/classic_course.ipynb").read_bytes())
    proc = run("grade", "--dev-secret", "--json", str(planar), str(step))
    assert proc.returncode == 0, proc.stderr
    reports = {r["submission"]: r for r in json.loads(proc.stdout)}
    assert [(r["notebook"], r["score"], r["max_score"]) for r in reports.values()] == [
        ("week3/planar_data_classification", 12, 12), ("week4/deep_network_step_by_step", 12, 12)]
    assert reports[str(planar)]["notes"] == []
    [note] = reports[str(step)]["notes"]
    assert note["message"] == ("a1_building_your_deep_neural_network.ipynb: its name means no notebook; it defines 10 "
                               "of the 10 graded functions of week4/deep_network_step_by_step, so it is taken for "
                               "week4/deep_network_step_by_step")
    assert note["messages"]["ko"].startswith("a1_building_your_deep_neural_network.ipynb: 이름으로는")
    assert "so it is taken for week4/deep_network_step_by_step" in proc.stderr


def test_a_file_of_no_notebook_by_name_or_functions_says_why(tmp_path):
    """Is a notebook whose name says nothing and which defines few graded functions listed
    as of no notebook, saying so (exit 1)?"""
    scratch = tmp_path / "scratch.ipynb"
    scratch.write_text(json.dumps({"cells": [{"cell_type": "code", "source": "def sigmoid(z):\n    return z\n"}],
                                   "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    proc = run("grade", "--dev-secret", "--json", str(scratch))
    assert proc.returncode == 1
    [report] = json.loads(proc.stdout)
    assert report["notebook"] == "?" and report["error"].endswith(
        "or pass --notebook ID; it defines no more than a few graded functions of any notebook")


def test_the_notebooks_of_one_call_are_paired_with_the_companion_nearest_them(tmp_path):
    """Is an application file of a ``grade`` call paired with the call's step-by-step file in
    its folder, else in the one folder next to it (``W4A1/`` beside ``W4A2/``), but never with
    another student's, two folders as near, or a file further away?"""
    from autograder.cli import pair_companions

    step, app = "week4/deep_network_step_by_step", "week4/deep_network_application"

    def files(*names: str) -> list[str]:
        for name in names:
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_text("{}")
        return [str(tmp_path / n) for n in names]

    a1, a2, b2, c1, c1b, c2, d, d2 = files(
        "alice/W4A1/a1.ipynb", "alice/W4A2/a2.ipynb", "bob/W4A2/app.ipynb", "carol/x/step.ipynb",
        "carol/y/step.ipynb", "carol/z/app.ipynb", "dave/step.ipynb", "dave/app.ipynb")
    work = [(a1, step), (a2, app), (b2, app), (c1, step), (c1b, step), (c2, app), (d, step), (d2, app)]
    paired = pair_companions(work)
    assert paired == {a2: {step: tmp_path / "alice/W4A1/a1.ipynb"}, d2: {step: tmp_path / "dave/step.ipynb"}}


def test_the_table_says_each_files_notes_before_its_failures():
    """Does the readable table say what the grader decided for a whole file (a note) under
    the table, with the file's name, before the failures?"""
    from autograder.cli import format_table
    from dlcheck.results import SubmissionReport, TestResult
    from dlcheck.text import Text

    note = Text("a2.ipynb was graded with the grader's own versions of the deep_network_step_by_step functions", "")
    failed = TestResult("test_predict", "predict", 0.0, 1.0, False, Text("predict: wrong", ""))
    report = SubmissionReport("/x/W4A2/a2.ipynb", "week4/deep_network_application", [failed], notes=[note],
                              isolation="processes")
    assert format_table([report]).splitlines()[3:] == [
        "", f"a2.ipynb: note: {note.en}", "a2.ipynb: predict: wrong", "", "isolation level: processes"]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_course_summary_counts_each_kind_of_notebook_once(tmp_path, lang):
    """Does the summary of a course run give each number one meaning (graded now, not
    graded, unchanged, not handed in), never "7 of 7 graded (7 not handed in)", in the
    language asked for?"""
    from autograder.cli import NBGRADER_COMMANDS, course_summary
    from autograder.course import CourseRun
    from dlcheck.results import SubmissionReport
    from dlcheck.text import Text, set_language, tr

    set_language(lang)
    run = CourseRun(reports=[SubmissionReport("a.ipynb", "x"), SubmissionReport("b.ipynb", "x", error=Text("no", "no"))],
                    unchanged=3, not_handed_in=7, skipped=[(tmp_path / "c.txt", Text("why", "why"))])
    lines = [str(line) for line in course_summary(run, tmp_path, "week2", ["processes"])]
    assert lines[-2:] == [str(tr("the class: {page} (again later: `autograde report week2`)",
                                 "반 전체: {page} (나중에 다시 만들려면 `autograde report week2`)",
                                 page=tmp_path / "feedback" / "index.html")), str(NBGRADER_COMMANDS)]
    assert lines[:-2] == {
        "en": [f"notebooks of week2: 1 graded, 1 could not be graded (scored 0, listed above), 3 unchanged since "
               f"recorded (not regraded), 7 not handed in (scored 0); recorded in {tmp_path / 'gradebook.db'}",
               "other files not graded: 1 (each listed above with why)",
               f"feedback: {tmp_path / 'feedback'}/<student>/week2/*.html (hand it out with "
               "`nbgrader release_feedback week2`)", "isolation level: processes"],
        "ko": [f"week2의 노트북: 1개 채점, 1개 채점 불가 (0점, 위에 사유 표시), 3개 기록 후 변경 없음 (다시 채점하지 않음), "
               f"7개 미제출 (0점); 기록한 곳: {tmp_path / 'gradebook.db'}",
               "채점하지 않은 다른 파일: 1개 (위에 각각 사유 표시)",
               f"피드백: {tmp_path / 'feedback'}/<student>/week2/*.html (`nbgrader release_feedback week2` 명령으로 "
               "나눠 주세요)", "격리 수준: processes"]}[lang]
    nothing = course_summary(CourseRun(), tmp_path, "week2", ["processes"])[0]
    assert nothing.en == f"notebooks of week2: 0 graded; recorded in {tmp_path / 'gradebook.db'}"
