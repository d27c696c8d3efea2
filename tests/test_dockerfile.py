"""The Dockerfile: it parses, installs this project with the tools the sandbox needs, runs
as root (the namespaces level) and its entry point is the CLI; the build context keeps
what the grader reads and leaves out environments and data.

Where a Docker engine answers, the image is also built and its ``doctor`` run; elsewhere
(a client without an engine) that test is skipped with the reason.
"""

from __future__ import annotations

import csv
import fnmatch
import json
import shutil
import subprocess
import tomllib

import pytest

from autograder import ROOT

#: Dockerfile instructions (BuildKit's list, less the deprecated MAINTAINER).
INSTRUCTIONS = {"FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER",
                "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"}


def parse(text: str) -> list[tuple[str, str]]:
    """``(INSTRUCTION, arguments)`` per instruction: comments dropped, continued lines joined."""
    out, pending = [], ""
    for line in text.splitlines():
        stripped = line.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            continue
        if pending and stripped.startswith("#"):
            continue  # a comment inside a continued instruction
        pending += " " + stripped[:-1] if stripped.endswith("\\") else " " + stripped
        if stripped.endswith("\\"):
            continue
        keyword, _, arguments = pending.strip().partition(" ")
        out.append((keyword.upper(), " ".join(arguments.split())))
        pending = ""
    assert not pending, "the last instruction ends with a line continuation"
    return out


@pytest.fixture(scope="module")
def instructions() -> list[tuple[str, str]]:
    return parse((ROOT / "Dockerfile").read_text())


def _env(instructions) -> dict[str, str]:
    env = {}
    for keyword, arguments in instructions:
        if keyword == "ENV":
            env.update(pair.split("=", 1) for pair in arguments.split() if "=" in pair)
    return env


def test_dockerfile_parses_into_known_instructions(instructions):
    """Is every line a known instruction, the first a FROM of the slim Python image?"""
    assert instructions and all(keyword in INSTRUCTIONS for keyword, _ in instructions)
    assert instructions[0] == ("FROM", "python:3.11-slim")


def test_image_has_the_sandbox_tools_and_installs_the_project(instructions):
    """Does the image install util-linux and mount (unshare, setpriv, prlimit, mount) and
    this project, from where it copied it, so the grader finds solutions/?"""
    runs = " ".join(arguments for keyword, arguments in instructions if keyword == "RUN")
    assert "apt-get install" in runs and {"util-linux", "mount"} <= set(runs.split())
    copies = [arguments.split() for keyword, arguments in instructions if keyword == "COPY"]
    assert [".", "/opt/autograde"] in copies
    assert "pip install --no-cache-dir -e /opt/autograde" in runs
    assert _env(instructions)["AUTOGRADE_PROJECT"] == "/opt/autograde"


def test_entry_point_is_the_cli_run_as_root_at_the_namespaces_level(instructions):
    """Is the entry point the ``autograde`` console script, run as root (no USER), and
    does the image refuse any level weaker than namespaces unless told otherwise?"""
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    entry = [json.loads(arguments) for keyword, arguments in instructions if keyword == "ENTRYPOINT"]
    assert entry == [["autograde"]] and "autograde" in scripts
    assert [json.loads(arguments) for keyword, arguments in instructions if keyword == "CMD"] == [["doctor"]]
    assert not [arguments for keyword, arguments in instructions if keyword == "USER"]
    assert _env(instructions)["AUTOGRADE_ISOLATION"] == "namespaces"


def _ignored(path: str, patterns: list[str]) -> bool:
    """Does the build context leave ``path`` out (.dockerignore patterns, no exceptions)?"""
    parts = path.split("/")
    prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    return any(fnmatch.fnmatch(prefix, pattern) or fnmatch.fnmatch(prefix, pattern.removeprefix("**/"))
               or fnmatch.fnmatch(parts[-1], pattern.removeprefix("**/"))
               for pattern in patterns for prefix in prefixes)


def test_build_context_keeps_what_grading_reads_and_drops_the_rest():
    """Does the context hold the packages, specs, expected values and solutions, and leave
    out the environment, the history and data files?"""
    patterns = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
                if line.strip() and not line.startswith("#")]
    assert not any(p.startswith("!") for p in patterns)  # _ignored does not handle exceptions
    needed = ["pyproject.toml", "README.md", "autograder/cli.py", "autograder/specs/week2/logistic_regression.py",
              "autograder/specs/week2/logistic_regression.expected.json", "autograder/helpers/lr_utils.py",
              "dlcheck/wire.py", "dldata/store.py", "solutions/week2/logistic_regression.py"]
    for path in needed:
        assert (ROOT / path).exists(), path
        assert not _ignored(path, patterns), f"{path} is left out of the image"
    for path in [".venv/bin/python", ".git/HEAD", "dldata/train_catvnoncat.h5", "x/test_signs.h5",
                 "autograder/__pycache__/cli.cpython-311.pyc", "tests/conftest.py", ".autograde/cache/k"]:
        assert _ignored(path, patterns), f"{path} would be copied into the image"


def _engine_answers() -> str | None:
    if not shutil.which("docker"):
        return "no docker client"
    done = subprocess.run(["docker", "info"], capture_output=True, text=True, timeout=30)
    return None if done.returncode == 0 else f"no Docker engine answers: {done.stderr.strip()[:200]}"


@pytest.mark.subprocess
@pytest.mark.grading
@pytest.mark.real_data
@pytest.mark.e2e
def test_image_builds_and_grades_at_the_namespaces_level(tmp_path):
    """Where a Docker engine runs: does the image build, does its doctor find the
    namespaces level and the project, and does the README's `docker run ... course week2`
    (the course, the data and the secret mounted) grade a one-student class?"""
    why_not = _engine_answers()
    if why_not:
        pytest.skip(why_not)
    from dldata.store import find_file

    subprocess.run(["docker", "build", "-q", "-t", "autograde-test", str(ROOT)], check=True, timeout=1800)
    flags = ["--cap-add", "SYS_ADMIN", "--security-opt", "apparmor=unconfined"]
    done = subprocess.run(["docker", "run", "--rm", *flags, "autograde-test", "doctor"], capture_output=True, text=True,
                          timeout=300)
    assert "namespaces  offered   <- grading uses this one" in done.stdout, done.stdout + done.stderr
    assert "course project: ok" in done.stdout and "  /opt/autograde  ($AUTOGRADE_PROJECT" in done.stdout

    course, secret = tmp_path / "course", tmp_path / "secret"
    (course / "submitted" / "alice" / "week2").mkdir(parents=True)
    shutil.copy(ROOT / "examples" / "week2" / "correct.ipynb",
                course / "submitted" / "alice" / "week2" / "logistic_regression.ipynb")
    secret.write_text("a long random string for the image's test")
    data = find_file("train_catvnoncat.h5").parent
    graded = subprocess.run(["docker", "run", "--rm", *flags, "-v", f"{course}:/course", "-v", f"{data}:/data:ro",
                             "-e", "DL_DATASETS_DIR=/data", "-v", f"{secret}:/run/secrets/autograde:ro",
                             "-e", "AUTOGRADE_SECRET_FILE=/run/secrets/autograde",
                             "autograde-test", "course", "week2", "--course-dir", "/course", "--csv", "/course/s.csv"],
                            capture_output=True, text=True, timeout=900)
    assert graded.returncode == 0, graded.stdout + graded.stderr
    with open(course / "s.csv") as f:
        (alice,) = csv.DictReader(f)
    assert (alice["student"], alice["logistic_regression"], alice["isolation"]) == ("alice", "10", "namespaces")
