"""The instructors' templates run as written: the GitHub Actions workflow (examples/ci/grade.yml)
and the Gradescope autograder (examples/gradescope/), on a tiny class, on this machine."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest
import yaml

from autograder import ROOT, specs
from autograder.release import parse_percent

WORKFLOW = ROOT / "examples" / "ci" / "grade.yml"
GRADESCOPE = ROOT / "examples" / "gradescope"
BIN = Path(sys.executable).parent
BASICS = specs.get("week2/numpy_basics")
SECRET = "a long random string for the tests"


def solution_notebook(spec) -> str:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(text) if kind == "code" else nbformat.v4.new_markdown_cell(text)
                for kind, text in parse_percent((ROOT / spec.solution).read_text())]
    return nbformat.writes(nb)


@pytest.fixture
def data_ready():
    """Skip when the cat data is not where the grader looks (`make test` fetches it first)."""
    from dldata import verify

    if not verify().ok:
        pytest.skip("the cat/non-cat data is not in place: run `python -m dldata fetch`")


def tool_env(**extra: str) -> dict[str, str]:
    """This environment with the venv's commands first on PATH (as after `pip install`)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUTOGRADE_SECRET")}
    return {**env, "PATH": f"{BIN}:{env['PATH']}", **extra}


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


@pytest.mark.subprocess
@pytest.mark.grading
@pytest.mark.real_data
@pytest.mark.e2e
def test_does_the_workflow_grade_a_tiny_class_when_its_steps_run_here(tmp_path, data_ready):
    """Run every shell step of the workflow but the install (the venv is the installed
    grader) in a checkout holding a two-student course: are the scores CSV, the feedback
    pages and the gradebook left where the upload step takes them from?"""
    wf = workflow()
    repo = tmp_path / "repo"
    for student, text in (("alice", solution_notebook(BASICS)), ("bob", (ROOT / BASICS.release).read_text())):
        folder = repo / "course" / "submitted" / student / "week2"
        folder.mkdir(parents=True)
        (folder / "numpy_basics.ipynb").write_text(text)
    (repo / "grader").symlink_to(ROOT)  # the grader's repository, checked out beside the course
    context = {"secrets": {"AUTOGRADE_SECRET": SECRET}, "env": {}}
    context["env"] = {k: resolve(v, context) for k, v in wf["env"].items()}
    ran = []
    for step in wf["jobs"]["grade"]["steps"]:
        if "run" not in step or step.get("id") == "install":
            continue
        env = tool_env(**context["env"], **{k: resolve(v, context) for k, v in step.get("env", {}).items()})
        proc = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True,
                              timeout=900)
        assert proc.returncode == 0, f"step {step['name']!r} failed:\n{proc.stdout}\n{proc.stderr}"
        ran.append(step["name"])
    assert ran == ["Fetch the data", "Grade the class", "Collect the reports"]

    reports = repo / resolve("${{ env.REPORTS }}", context)
    with open(reports / "scores.csv") as f:
        scores = {r["student"]: (r["numpy_basics"], r["logistic_regression"]) for r in csv.DictReader(f)}
    assert scores == {"alice": (f"{BASICS.max_score:g}", "0"), "bob": ("0", "0")}
    assert (reports / "all-students.csv").read_text() == (reports / "scores.csv").read_text()
    assert (reports / "feedback" / "alice" / "week2" / "numpy_basics.html").is_file()
    assert (reports / "gradebook.db").is_file()


# -- Gradescope -------------------------------------------------------------------------

@pytest.mark.subprocess
@pytest.mark.grading
@pytest.mark.real_data
@pytest.mark.e2e
def test_does_run_autograder_write_gradescope_results(tmp_path, data_ready):
    """With Gradescope's layout (/autograder/submission, source/secret, results/), does
    run_autograder grade a notebook named as in the classic course and write a results.json
    with one test per function, the student's messages in Korean?"""
    root = tmp_path / "autograder"
    (root / "submission").mkdir(parents=True)
    (root / "source").mkdir()
    (root / "source" / "secret").write_text(SECRET)
    (root / "submission" / "Python_Basics_with_Numpy_v2a.ipynb").write_bytes((ROOT / BASICS.release).read_bytes())
    proc = subprocess.run([str(GRADESCOPE / "run_autograder")], capture_output=True, text=True, timeout=600,
                          env=tool_env(AUTOGRADER_ROOT=str(root), AUTOGRADE=str(BIN / "autograde"),
                                       AUTOGRADE_LANG=""))  # unset: the script's default, Korean
    assert proc.returncode == 0, proc.stdout + proc.stderr
    results = json.loads((root / "results" / "results.json").read_text())
    assert results["score"] == 0 and results["visibility"] == "after_published"
    assert [t["name"] for t in results["tests"]] == [f.name for f in BASICS.functions]
    assert results["tests"][0]["output"].startswith("basic_sigmoid이(가) 아직 구현되지 않았습니다")
    assert "[1/1]" in proc.stdout  # the grading log, for the instructor


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
