"""`autograde course`: a class graded into nbgrader's gradebook, and what nbgrader's own tools
(collect, export, formgrader, generate_feedback, release_feedback, and autograde, which must not be
run on it) then make of it.

The class is graded once per module (``graded``); tests that change it work on a copy.
"""

import csv
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from autograder import ROOT, specs
from autograder.release import parse_percent

pytestmark = [pytest.mark.subprocess, pytest.mark.grading, pytest.mark.real_data, pytest.mark.e2e]
SPEC = specs.get("week2/logistic_regression")
BASICS = specs.get("week2/numpy_basics")
BIN = Path(sys.executable).parent
CLASSIC = "Logistic_Regression_with_a_Neural_Network_mindset_v6a"


def _solution_notebook() -> str:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(text) if kind == "code" else nbformat.v4.new_markdown_cell(text)
                for kind, text in parse_percent((ROOT / SPEC.solution).read_text())]
    return nbformat.writes(nb)


def _hand_in(course: Path, student: str, files: dict[str, str], secret: str | None = None) -> None:
    folder = course / "submitted" / student / "week2"
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text)
    if secret is not None:  # what nbgrader collect leaves beside a submission
        (folder / "timestamp.txt").write_text("2024-03-01 17:05:12.345 UTC\n")
        (folder / "submission_secret.txt").write_text(secret)


def _config(course: Path) -> None:
    (course / "exchange").mkdir()  # nbgrader's exchange, as an administrator makes it
    (course / "nbgrader_config.py").write_text(
        "c = get_config()\nc.CourseDirectory.root = '.'\nc.CourseDirectory.course_id = 'dl'\n"
        f"c.Exchange.root = {str(course / 'exchange')!r}\n")


@pytest.fixture
def course(tmp_path):
    """A course dir: alice and carol hand in the solution, bob the untouched stub."""
    _config(tmp_path)
    for student, text in (("alice", _solution_notebook()), ("bob", (ROOT / SPEC.release).read_text()),
                          ("carol", _solution_notebook())):
        _hand_in(tmp_path, student, {"logistic_regression.ipynb": text})
    return tmp_path


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A class graded once: alice hands in the solution through nbgrader's exchange (`nbgrader
    submit` leaves it in the inbound folder, `nbgrader collect` puts it in submitted/); bob a
    notebook whose cost uses np.log10 (7/10), under its classic course name; carol the
    solution and the untouched NumPy-basics stub. Returns the course dir and the finished
    `autograde course` run."""
    course = tmp_path_factory.mktemp("course")
    _config(course)
    log10 = (ROOT / "examples/week2/cost_log10.ipynb").read_text()
    inbound = course / "exchange" / "dl" / "inbound" / "alice+week2+2024-03-01 17:05:12.345678 UTC+3f2a"
    inbound.mkdir(parents=True)
    (inbound / "logistic_regression.ipynb").write_text(_solution_notebook())
    (inbound / "timestamp.txt").write_text("2024-03-01 17:05:12.345678 UTC\n")
    (inbound / "submission_secret.txt").write_text("alice-secret")
    _nbgrader(course, "collect", "week2")
    assert (course / "submitted" / "alice" / "week2" / "logistic_regression.ipynb").is_file()
    _hand_in(course, "bob", {f"{CLASSIC}.ipynb": log10}, secret="bob-secret")
    _hand_in(course, "carol", {"logistic_regression.ipynb": _solution_notebook(),
                               "numpy_basics.ipynb": (ROOT / BASICS.release).read_text()}, secret="carol-secret")
    proc = _autograde(course, "--csv", str(course / "reports" / "scores.csv"))
    out, err = proc.communicate(timeout=900)
    assert proc.returncode == 0, err
    return course, out, err


def _autograde(course_dir, *extra, **kwargs):
    return subprocess.Popen([str(BIN / "autograde"), "course", "week2", "--dev-secret", "--course-dir", str(course_dir),
                             *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def _nbgrader(course_dir, *args) -> subprocess.CompletedProcess:
    env = dict(os.environ, PATH=f"{BIN}:{os.environ['PATH']}")
    proc = subprocess.run([str(BIN / "nbgrader"), *args], cwd=course_dir, capture_output=True, text=True, env=env,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc


def _export(course_dir) -> dict[str, tuple[float, float]]:
    _nbgrader(course_dir, "export")
    with open(course_dir / "grades.csv") as f:
        return {row["student_id"]: (float(row["raw_score"]), float(row["max_score"])) for row in csv.DictReader(f)}


@pytest.mark.nbgrader
def test_course_scores_reach_nbgrader_export(graded):
    """Does `nbgrader export` list every student's score (a notebook not handed in counts 0)
    and does the run's summary say what it did, where the feedback is, and at which
    isolation level?"""
    course, out, err = graded
    total = SPEC.max_score + BASICS.max_score
    assert _export(course) == {"alice": (SPEC.max_score, total), "bob": (7.0, total), "carol": (SPEC.max_score, total)}
    assert out.splitlines()[0] == (f"notebooks of week2: 4 graded, 2 not handed in (scored 0); recorded in "
                                   f"{course / 'gradebook.db'}")
    assert f"feedback: {course / 'feedback'}/<student>/week2/*.html" in out
    assert out.splitlines()[2] in ("isolation level: namespaces", "isolation level: processes")
    assert out.splitlines()[3] == f"the class: {course / 'feedback' / 'index.html'} (again later: `autograde report week2`)"
    assert "log10" in (course / "feedback" / "index.html").read_text(encoding="utf-8")  # bob's message, counted
    assert f"[-] alice/numpy_basics.ipynb not handed in: 0/{BASICS.max_score:g}" in err


def test_course_csv_has_each_students_notebooks(graded):
    """Does --csv write one row per student with each notebook's score?"""
    course, _, _ = graded
    with open(course / "reports" / "scores.csv") as f:
        rows = {r["student"]: (r["logistic_regression"], r["numpy_basics"], r["score"]) for r in csv.DictReader(f)}
    assert rows == {"alice": ("10", "0", "10"), "bob": ("7", "0", "7"), "carol": ("10", "0", "10")}


def test_each_student_gets_a_feedback_page_per_notebook(graded):
    """Is there one page per notebook handed in, named after the file, showing the lost
    points with their hint and the model's cost curve?"""
    course, _, _ = graded
    pages = sorted(str(p.relative_to(course / "feedback")) for p in (course / "feedback").rglob("*.html"))
    assert pages == ["alice/week2/logistic_regression.html", f"bob/week2/{CLASSIC}.html",
                     "carol/week2/logistic_regression.html", "carol/week2/numpy_basics.html",
                     "index.html"]  # the class page (tests/autograder/test_review.py)
    bob = (course / "feedback" / "bob" / "week2" / f"{CLASSIC}.html").read_text()
    assert "<title>logistic_regression: 7 / 10</title>" in bob
    assert "use np.log, not np.log10." in bob and "np.log10이 아니라 np.log를 쓰세요." in bob
    assert bob.count("<polyline") == 2  # model passed: its cost against the reference's


@pytest.mark.nbgrader
def test_formgrader_lists_each_submission_with_its_score_and_comments(graded):
    """Does formgrader's API list the graded submissions with their scores, none needing
    manual grading, and render a submission with our comment boxes and grade cells?"""
    from nbconvert import HTMLExporter
    from nbgrader.apps.api import NbGraderAPI
    from nbgrader.server_extensions.formgrader import handlers
    from traitlets.config import Config

    course, _, _ = graded
    config = Config()
    config.CourseDirectory.root = str(course)
    api = NbGraderAPI(config=config)
    listed = {s["student"]: (s["score"], s["needs_manual_grade"])
              for s in api.get_notebook_submissions("week2", "logistic_regression")}
    assert listed == {"alice": (10.0, False), "bob": (7.0, False), "carol": (10.0, False)}
    view = Config()
    view.HTMLExporter.template_name = "formgrade"
    view.HTMLExporter.extra_template_basedirs = [handlers.template_path]
    page, _ = HTMLExporter(config=view).from_filename(
        str(course / "autograded/bob/week2/logistic_regression.ipynb"),
        resources={"assignment_id": "week2", "notebook_id": "logistic_regression", "submission_id": "x", "index": 0,
                   "total": 3, "base_url": "", "student": "bob", "last_name": None, "first_name": None,
                   "notebook_path": "x"})
    assert 'id="test_propagate"' in page and 'id="propagate-comment"' in page


@pytest.mark.nbgrader
def test_nbgrader_generate_feedback_works_on_what_we_wrote(graded, tmp_path):
    """Does `nbgrader generate_feedback` run on our autograded copies and gradebook, its
    page carrying the score and our comment for each function?"""
    course, _, _ = graded
    _nbgrader(course, "generate_feedback", "week2", f"--CourseDirectory.feedback_directory={tmp_path / 'nb'}")
    page = (tmp_path / "nb" / "bob" / "week2" / "logistic_regression.html").read_text()
    assert "(Score: 7.0 / 10.0)" in page
    assert "propagate: 0/3. propagate: grads and cost on the classic example: cost is wrong." in page


@pytest.mark.nbgrader
def test_nbgrader_release_feedback_hands_out_our_pages(graded):
    """Does `nbgrader release_feedback` put each of our pages in the exchange under the name
    the student's `fetch_feedback` looks for (a hash of the submission's secret and the
    file's name, the classic one included)?"""
    from nbgrader.utils import notebook_hash

    course, _, _ = graded
    _nbgrader(course, "release_feedback", "week2")
    released = course / "exchange" / "dl" / "feedback" / f"{notebook_hash(secret='bob-secret', notebook_id=CLASSIC)}.html"
    assert released.read_text() == (course / "feedback" / "bob" / "week2" / f"{CLASSIC}.html").read_text()


@pytest.mark.nbgrader
def test_nbgrader_autograde_is_named_as_the_command_not_to_run_and_what_it_breaks_comes_back(graded, tmp_path):
    """The summary says which nbgrader commands work on what we wrote and that `nbgrader
    autograde` is not one of them. Is what it says true: does `nbgrader autograde --force`
    fail on our course and delete autograded copies, and does the next `autograde
    course` put them back as they were, without changing a score?"""
    course = tmp_path / "copy"
    shutil.copytree(graded[0], course)
    out = graded[1]
    assert "nbgrader: formgrader, export, generate_feedback and release_feedback work on this gradebook; " \
           "do not run `nbgrader autograde` on it" in out
    before = {p: p.read_bytes() for p in (course / "autograded").rglob("*.ipynb")}
    assert len(before) == 4
    env = dict(os.environ, PATH=f"{BIN}:{os.environ['PATH']}")
    broken = subprocess.run([str(BIN / "nbgrader"), "autograde", "week2", "--force"], cwd=course, env=env,
                            capture_output=True, text=True, timeout=300)
    assert broken.returncode != 0 and "There was an error processing assignment 'week2'" in broken.stderr
    left = {p.relative_to(course).as_posix() for p in (course / "autograded").rglob("*.ipynb")}
    assert f"autograded/bob/week2/{CLASSIC}.ipynb" not in left and len(left) < 4, left
    proc = _autograde(course)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert {p: p.read_bytes() for p in (course / "autograded").rglob("*.ipynb")} == before
    assert _export(course) == _export(graded[0])


def test_scores_changed_by_another_tool_are_said_and_regraded(graded, tmp_path):
    """If another tool replaced a score we wrote (7 -> 5), does the next `autograde course`
    say so and grade that notebook again, leaving the others unchanged?"""
    from nbgrader.api import Gradebook

    course = tmp_path / "copy"
    shutil.copytree(graded[0], course)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        gb.find_grade("test_optimize", "logistic_regression", "week2", "bob").auto_score = 0.0
        gb.db.commit()
    proc = _autograde(course)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert (f"bob/{CLASSIC}.ipynb its scores were changed in the gradebook since autograde wrote them, by another "
            "tool (nbgrader autograde?): test_optimize 2 -> 0; total 7 -> 5; grading it again") in err
    assert f"bob/{CLASSIC}.ipynb 7/10\n" in err
    assert err.count("(unchanged, not regraded)") == 3
    assert ("notebooks of week2: 1 graded (1 of them again: another tool had changed their scores), 3 unchanged "
            "since recorded (not regraded), 2 not handed in (scored 0)") in out
    assert _export(course)["bob"][0] == 7.0


def test_killed_run_resumes_and_records_each_grade_once(course):
    """After `kill -9` mid-run, does a rerun finish the class with the same grades as one clean run?"""
    proc = _autograde(course, start_new_session=True)
    deadline = time.monotonic() + 300
    line = ""
    while "[1/3]" not in line and time.monotonic() < deadline:
        line = proc.stderr.readline()
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
    rerun = _autograde(course)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert "unchanged" in err  # alice was recorded before the kill and is not graded again
    scores = _export(course)
    assert {s: v[0] for s, v in scores.items()} == {"alice": SPEC.max_score, "bob": 0, "carol": SPEC.max_score}


def test_two_jobs_grade_as_one_does_and_the_same_code_once(course, tmp_path_factory):
    """Does `--jobs 2` record the grades and say the lines one job does, in the same order;
    and is carol's file, the same code as alice's, graded once and recorded as hers?"""
    one_job = tmp_path_factory.mktemp("one-job")
    shutil.copytree(course, one_job, dirs_exist_ok=True)
    runs = {}
    for folder, jobs in ((course, "2"), (one_job, "1")):
        proc = _autograde(folder, "--jobs", jobs)
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        runs[jobs] = ([line.replace(str(folder), "COURSE") for line in err.splitlines() if line.startswith("[")],
                      _export(folder))
    assert runs["2"] == runs["1"]
    lines, scores = runs["2"]
    assert scores == {"alice": (SPEC.max_score, SPEC.max_score + BASICS.max_score),
                      "bob": (0.0, SPEC.max_score + BASICS.max_score),
                      "carol": (SPEC.max_score, SPEC.max_score + BASICS.max_score)}
    assert (f"[3/3] carol/logistic_regression.ipynb {SPEC.max_score:g}/{SPEC.max_score:g} "
            "(the same graded code as [1/3] alice/logistic_regression.ipynb, graded once)") in lines
    carol = (course / "feedback/carol/week2/logistic_regression.html").read_text()
    assert "alice" not in carol
