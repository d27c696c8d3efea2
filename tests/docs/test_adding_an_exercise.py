"""docs/adding-an-exercise.md, followed step by step in a fresh project folder: do its two
files make a notebook that grades, releases and self-checks as the guide says?"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from needs import fixture_needs

from autograder import ROOT

GUIDE = ROOT / "docs" / "adding-an-exercise.md"
BIN = Path(sys.executable).parent


def files_of_the_guide() -> dict[str, str]:
    """The guide's code blocks that name a file (```python <path>)."""
    return dict(re.findall(r"^```python (\S+)\n(.*?)^```$", GUIDE.read_text(encoding="utf-8"), re.M | re.S))


def commands_of_the_guide() -> list[tuple[str, str]]:
    """``(command, expected)`` for each line of the guide's sh blocks (``# 1/1`` comments)."""
    commands = []
    for block in re.findall(r"^```sh\n(.*?)^```$", GUIDE.read_text(encoding="utf-8"), re.M | re.S):
        for line in block.splitlines():
            command, _, comment = line.partition("#")
            if command.strip():
                commands.append((command.strip(), comment.strip()))
    return commands


@pytest.fixture(scope="module")
@fixture_needs("subprocess", "grading", "e2e")
def project(tmp_path_factory) -> Path:
    """A project holding only the guide's two files, after the guide's commands ran."""
    root = tmp_path_factory.mktemp("project")
    for path, text in files_of_the_guide().items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def run(command: str, project: Path) -> subprocess.CompletedProcess:
    program, *args = command.split()
    env = dict(os.environ, AUTOGRADE_PROJECT=str(project), AUTOGRADE_CACHE_DIR=str(project / ".cache"))
    return subprocess.run([str(BIN / program), *args], cwd=project, env=env, capture_output=True, text=True,
                          timeout=300)


def test_the_guide_names_exactly_two_hand_written_files():
    assert sorted(files_of_the_guide()) == ["autograder/specs/week1/activations.py", "solutions/week1/activations.py"]


def test_following_the_guide_gives_a_notebook_that_grades_and_self_checks(project):
    """Does each command of the guide do what its comment says, in a project made of the
    guide's two files only?"""
    steps = commands_of_the_guide()
    assert [c.split()[:2] for c, _ in steps] == [["autograde", "release"], ["autograde", "grade"],
                                                 ["autograde", "grade"], ["pytest", "assignments/week1"]]
    release = run(steps[0][0], project)
    assert release.returncode == 0, release.stderr
    for generated in ("assignments/week1/activations.ipynb", "assignments/week1/activations.ko.ipynb",
                      "autograder/specs/week1/activations.expected.json", "assignments/week1/conftest.py",
                      "assignments/week1/test_week1_public.py"):
        assert (project / generated).is_file(), generated
    assert run("autograde release --check", project).returncode == 0
    for command, expected in steps[1:3]:
        graded = run(command, project)
        assert graded.returncode == 0, graded.stderr
        total = graded.stdout.splitlines()[2].split()[-1]
        assert total == expected, graded.stdout
    self_check = run(steps[3][0], project)
    assert self_check.returncode == 1, self_check.stdout + self_check.stderr
    assert "Work on relu next: relu is not implemented yet" in self_check.stdout


def test_the_students_copy_holds_no_answer(project):
    """Is the solution line (np.maximum) absent from the student notebook, which has a stub instead?"""
    notebook = (project / "assignments/week1/activations.ipynb").read_text(encoding="utf-8")
    assert "np.maximum(0, z)" not in notebook and "raise NotImplementedError" in notebook
    korean = (project / "assignments/week1/activations.ko.ipynb").read_text(encoding="utf-8")
    assert "활성화 함수" in korean and 'checker(\\"week1/activations\\", lang=\\"ko\\")' in korean
