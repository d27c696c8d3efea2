"""The instructors' templates run as written: the GitHub Actions workflow (examples/ci/grade.yml)
and the Gradescope autograder (examples/gradescope/), on a tiny class, on this machine.

Both install the grader with a plain ``pip install`` (not ``-e``): the package lands in
site-packages, without solutions/, and grading reads the course from
``$AUTOGRADE_PROJECT``. So the tests that grade do it from a fresh installation, as the
README's paths say, never from this development environment: the Gradescope zip is built
(``make_zip.sh``, the project at HEAD), unpacked as Gradescope unpacks it and its
``setup.sh`` run (a new venv, ``pip install ./dl-autograder``, ``dldata fetch``); the
workflow's steps, its install step included, then run with that venv's Python as the
runner's (one install of the dependencies for both: it is most of the cost). The data is a
local copy in the per-user data folder the installed ``dldata`` reads (nothing downloaded).
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
import yaml
from needs import fixture_needs

from autograder import ROOT, specs
from autograder.release import parse_percent

WORKFLOW = ROOT / "examples" / "ci" / "grade.yml"
GRADESCOPE = ROOT / "examples" / "gradescope"
BIN = Path(sys.executable).parent
BASICS = specs.get("week2/numpy_basics")
LOGISTIC = specs.get("week2/logistic_regression")
SECRET = "a long random string for the tests"


def solution_notebook(spec) -> str:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(text) if kind == "code" else nbformat.v4.new_markdown_cell(text)
                for kind, text in parse_percent((ROOT / spec.solution).read_text())]
    return nbformat.writes(nb)


def tool_env(**extra: str) -> dict[str, str]:
    """This environment with the venv's commands first on PATH (as after `pip install`)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUTOGRADE_SECRET")}
    return {**env, "PATH": f"{BIN}:{env['PATH']}", **extra}


@dataclass(frozen=True)
class Fresh:
    """The grader installed by the Gradescope zip's setup.sh, in Gradescope's layout."""

    root: Path        # $AUTOGRADER_ROOT: source/ (the zip), venv/, submission/, results/
    data_home: Path   # $XDG_DATA_HOME: the per-user data folder is its dl-exercises/
    setup_output: str  # what setup.sh printed
    setup_installed: dict  # where setup.sh installed the grader from (the workflow's test installs again)

    @property
    def bin(self) -> Path:
        return self.root / "venv" / "bin"

    def env(self, **extra: str) -> dict[str, str]:
        """A clean environment: no setting of ours nor this development venv, the data home."""
        drop = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "DL_DATASETS_DIR", "XDG_DATA_HOME")
        env = {k: v for k, v in os.environ.items() if k not in drop and not k.startswith("AUTOGRADE")}
        path = [p for p in env["PATH"].split(os.pathsep) if os.path.abspath(p) != os.path.abspath(BIN)]
        return {**env, "PATH": os.pathsep.join(path), "XDG_DATA_HOME": str(self.data_home), **extra}

    def installed_from(self) -> dict:
        """What pip recorded of where the installed grader came from (PEP 610)."""
        found = list((self.root / "venv" / "lib").glob("python3*/site-packages/dl_autograder-*.dist-info"))
        assert len(found) == 1, found
        return json.loads((found[0] / "direct_url.json").read_text())


@pytest.fixture(scope="module")
@fixture_needs("subprocess", "real_data", "e2e")
def fresh(tmp_path_factory) -> Fresh:
    """The Gradescope zip built, unpacked into /autograder/source and set up, as the README
    says (built once for the module: a venv with every dependency, 2.5 to 3.5 minutes on
    the 2-core machine, most of it pip resolving and unpacking)."""
    from dldata import verify
    from dldata.store import REQUIRED, find_file

    if not verify().ok:
        pytest.skip("the cat/non-cat data is not in place: run `python -m dldata fetch`")
    if subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True).returncode != 0:
        pytest.skip("make_zip.sh packs the project at HEAD: this copy is not a git checkout")
    tmp = tmp_path_factory.mktemp("gradescope")
    (tmp / "secret").write_text(SECRET)
    root, data_home = tmp / "autograder", tmp / "share"
    (data_home / "dl-exercises").mkdir(parents=True)
    for name in REQUIRED:  # the local copy setup.sh's fetch finds, as if downloaded before
        shutil.copy(find_file(name), data_home / "dl-exercises" / name)
    made = subprocess.run(["bash", str(GRADESCOPE / "make_zip.sh"), str(tmp / "autograder.zip")], capture_output=True,
                          text=True, timeout=300, env={**os.environ, "AUTOGRADE_SECRET_FILE": str(tmp / "secret")})
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(tmp / "autograder.zip") as z:
        z.extractall(root / "source")  # Gradescope unpacks the zip into /autograder/source
    installation = Fresh(root, data_home, "", {})
    start = time.perf_counter()
    setup = subprocess.run(["bash", "setup.sh"], cwd=root / "source", capture_output=True, text=True, timeout=1200,
                           env=installation.env(AUTOGRADER_ROOT=str(root)))
    print(f"setup.sh (fresh venv, pip install of the zip's project): {time.perf_counter() - start:.1f} s")
    assert setup.returncode == 0, setup.stdout + setup.stderr
    return Fresh(root, data_home, setup.stdout, installation.installed_from())


# -- GitHub Actions ---------------------------------------------------------------------

def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text())


def resolve(value: str, context: dict[str, dict[str, str]]) -> str:
    """Evaluate the ``${{ a.b || 'literal' }}`` expressions the template uses."""

    def evaluate(match: re.Match) -> str:
        for operand in match.group(1).split("||"):
            operand = operand.strip()
            if operand.startswith("'"):
                return operand.strip("'")
            scope, _, name = operand.partition(".")
            found = context.get(scope, {}).get(name) if scope != "github" else None
            if found:
                return found
        return ""

    return re.sub(r"\$\{\{\s*(.+?)\s*\}\}", evaluate, str(value))


def test_is_the_workflow_a_valid_github_actions_job():
    """Does the template trigger by hand (with the assignment) and on new submissions, pin
    each action to a major version, read the secret from the repository's secrets, and
    upload the reports folder whatever happened?"""
    wf = workflow()
    triggers = wf[True] if True in wf else wf["on"]  # YAML 1.1 reads the key `on` as True
    assert triggers["workflow_dispatch"]["inputs"]["assignment"]["required"] is True
    assert triggers["push"]["paths"] == ["course/submitted/**"]
    steps = wf["jobs"]["grade"]["steps"]
    assert [s["uses"].split("@")[0] for s in steps if "uses" in s] == [
        "actions/checkout", "actions/checkout", "actions/setup-python", "actions/upload-artifact"]
    assert steps[1]["with"]["path"] == wf["env"]["AUTOGRADE_PROJECT"]  # the grader's project, read when grading
    assert all(re.fullmatch(r"v\d+", s["uses"].split("@")[1]) for s in steps if "uses" in s)
    grading = next(s for s in steps if "autograde course" in s.get("run", ""))
    assert grading["env"]["AUTOGRADE_SECRET"] == "${{ secrets.AUTOGRADE_SECRET }}"
    upload = steps[-1]
    assert upload["if"] == "always()" and upload["with"]["path"] == "${{ env.REPORTS }}"


@pytest.mark.grading
def test_does_the_workflow_install_the_grader_and_grade_a_tiny_class(tmp_path, fresh):
    """Run every shell step of the workflow, the install included (``python -m pip install
    ./grader``: not editable), in a checkout holding a two-student course and the grader's
    repository beside it: does the grader installed from that checkout grade the class (its
    solutions read through AUTOGRADE_PROJECT, as the workflow sets it), and are the scores
    CSV, the feedback pages and the gradebook left where the upload step takes them from?"""
    wf = workflow()
    repo = tmp_path / "repo"
    for student, text in (("alice", solution_notebook(BASICS)), ("bob", (ROOT / BASICS.release).read_text())):
        folder = repo / "course" / "submitted" / student / "week2"
        folder.mkdir(parents=True)
        (folder / "numpy_basics.ipynb").write_text(text)
    context = {"secrets": {"AUTOGRADE_SECRET": SECRET}, "env": {}}
    context["env"] = {k: resolve(v, context) for k, v in wf["env"].items()}
    grader = repo / context["env"]["AUTOGRADE_PROJECT"]  # the second checkout: the grader's repository at HEAD
    grader.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", "HEAD"], capture_output=True,
                             check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(grader)], input=archive, check=True)
    runner = f"{fresh.bin}{os.pathsep}"  # setup-python's interpreter: a Python of its own, first on PATH
    ran = []
    for step in wf["jobs"]["grade"]["steps"]:
        if "run" not in step:
            continue
        env = fresh.env(**context["env"], **{k: resolve(v, context) for k, v in step.get("env", {}).items()})
        env["PATH"] = runner + env["PATH"]
        proc = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True,
                              timeout=900)
        assert proc.returncode == 0, f"step {step['name']!r} failed:\n{proc.stdout}\n{proc.stderr}"
        ran.append(step["name"])
    assert ran == ["Install the grader", "Fetch the data", "Grade the class", "Collect the reports"]
    installed = fresh.installed_from()
    assert installed["url"] == grader.resolve().as_uri() and not installed.get("dir_info", {}).get("editable")

    reports = repo / resolve("${{ env.REPORTS }}", context)
    with open(reports / "scores.csv") as f:
        scores = {r["student"]: (r["numpy_basics"], r["logistic_regression"]) for r in csv.DictReader(f)}
    assert scores == {"alice": (f"{BASICS.max_score:g}", "0"), "bob": ("0", "0")}
    assert (reports / "all-students.csv").read_text() == (reports / "scores.csv").read_text()
    assert (reports / "feedback" / "alice" / "week2" / "numpy_basics.html").is_file()
    assert (reports / "gradebook.db").is_file()


# -- Gradescope -------------------------------------------------------------------------

@pytest.mark.grading  # the doctor tries the isolation levels
def test_does_setup_install_the_grader_from_the_zip_and_the_data(fresh):
    """Did setup.sh install the zip's project into its venv with pip, not editable (so
    site-packages holds no solutions/), and its fetch verify the data in the per-user
    folder? Without AUTOGRADE_PROJECT, does the installed grader's doctor say it is not
    ready and name the setting?"""
    installed = fresh.setup_installed
    assert installed["url"] == (fresh.root / "source" / "dl-autograder").resolve().as_uri()
    assert not installed.get("dir_info", {}).get("editable")
    assert not list((fresh.root / "venv" / "lib").glob("python3*/site-packages/solutions"))
    assert fresh.setup_output.splitlines()[0] == f"OK  {fresh.data_home / 'dl-exercises' / 'train_catvnoncat.h5'}"
    doctor = subprocess.run([str(fresh.bin / "autograde"), "doctor"], capture_output=True, text=True, timeout=300,
                            env=fresh.env(AUTOGRADE_SECRET_FILE=str(fresh.root / "source" / "secret")))
    assert doctor.returncode == 1, doctor.stdout + doctor.stderr
    assert "course project: NOT USABLE (fix: set AUTOGRADE_PROJECT to the folder holding solutions/" in doctor.stdout
    # Pointed at the zip's project, the installed grader finds release's records of the
    # reference's full trainings current (their key holds in site-packages): no container trains.
    doctor = subprocess.run([str(fresh.bin / "autograde"), "doctor"], capture_output=True, text=True, timeout=300,
                            env=fresh.env(AUTOGRADE_SECRET_FILE=str(fresh.root / "source" / "secret"),
                                          AUTOGRADE_PROJECT=str(fresh.root / "source" / "dl-autograder")))
    assert "  the reference's full trainings: recorded, current" in doctor.stdout, doctor.stdout + doctor.stderr


def run_autograder(fresh: Fresh, submitted: dict[str, bytes], **settings: str) -> tuple[dict, str]:
    """Gradescope's run of one submission: the files in /autograder/submission, the
    zip's run_autograder run; the results.json it wrote, and its log."""
    shutil.rmtree(fresh.root / "submission", ignore_errors=True)
    shutil.rmtree(fresh.root / "results", ignore_errors=True)
    (fresh.root / "submission").mkdir()
    for name, content in submitted.items():
        (fresh.root / "submission" / name).write_bytes(content)
    proc = subprocess.run(["bash", str(fresh.root / "source" / "run_autograder")], capture_output=True, text=True,
                          timeout=600, env=fresh.env(AUTOGRADER_ROOT=str(fresh.root), **settings))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return json.loads((fresh.root / "results" / "results.json").read_text()), proc.stdout


@pytest.mark.grading
def test_does_the_readme_trial_score_as_it_says(fresh):
    """The Gradescope README's trial, literally: examples/week2/correct.ipynb uploaded as
    it is named scores 10/10 from the installed grader? (Its other file, cost_log10.ipynb,
    7/10, is graded with the examples, test_week2_examples.py: a second training of the
    model here would add 20 s and test no more of the installation.)"""
    example, score = "correct.ipynb", 10
    results, log = run_autograder(fresh, {example: (ROOT / "examples" / "week2" / example).read_bytes()},
                                  AUTOGRADE_LANG="en")
    assert (results["score"], sum(t["max_score"] for t in results["tests"])) == (score, LOGISTIC.max_score)
    assert [t["name"] for t in results["tests"]] == [f.name for f in LOGISTIC.functions]
    assert "it is taken for week2/logistic_regression" in results["output"]  # recognised by what it defines
    assert f"{example}: {score}/{LOGISTIC.max_score:g}" in log


@pytest.mark.grading
def test_does_run_autograder_write_gradescope_results(fresh):
    """With Gradescope's layout (/autograder/submission, source/secret, results/), does
    run_autograder grade an untouched notebook named as in the classic course and write a
    results.json with one test per function, 0 points, the student's messages in Korean?"""
    results, log = run_autograder(fresh, {"Python_Basics_with_Numpy_v2a.ipynb": (ROOT / BASICS.release).read_bytes()})
    assert results["score"] == 0 and results["visibility"] == "after_published"
    assert [t["name"] for t in results["tests"]] == [f.name for f in BASICS.functions]
    assert results["tests"][0]["output"].startswith("basic_sigmoid 함수가 아직 구현되지 않았습니다")
    assert "[1/1]" in log  # the grading log, for the instructor


@pytest.mark.subprocess
def test_does_run_autograder_fail_visibly_when_the_grader_cannot_work(tmp_path):
    """Without the secret, does run_autograder write no results (Gradescope then reports a
    failed run, not a 0) and say why in its log?"""
    root = tmp_path / "autograder"
    (root / "submission").mkdir(parents=True)
    (root / "submission" / "numpy_basics.ipynb").write_bytes((ROOT / BASICS.release).read_bytes())
    proc = subprocess.run([str(GRADESCOPE / "run_autograder")], capture_output=True, text=True, timeout=300,
                          env=tool_env(AUTOGRADER_ROOT=str(root), AUTOGRADE=str(BIN / "autograde")))
    assert proc.returncode == 1
    assert not (root / "results" / "results.json").exists()
    assert "secret" in proc.stdout.lower()


@pytest.mark.subprocess
def test_does_make_zip_pack_the_scripts_the_project_and_the_secret(tmp_path):
    """Does make_zip.sh build a zip with setup.sh, run_autograder (executable), the secret
    and the project's source at its root?"""
    secret = tmp_path / "secret"
    secret.write_text(SECRET)
    proc = subprocess.run([str(GRADESCOPE / "make_zip.sh"), str(tmp_path / "autograder.zip")], capture_output=True,
                          text=True, timeout=300, env=tool_env(AUTOGRADE_SECRET_FILE=str(secret)))
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(tmp_path / "autograder.zip") as z:
        names = set(z.namelist())
        assert {"setup.sh", "run_autograder", "secret", "dl-autograder/pyproject.toml",
                "dl-autograder/autograder/cli.py"} <= names
        assert z.read("secret").decode() == SECRET
        assert z.getinfo("run_autograder").external_attr >> 16 & 0o111
