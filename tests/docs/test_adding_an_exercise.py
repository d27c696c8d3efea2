"""docs/adding-an-exercise.md, followed step by step in a fresh project folder: do its two
files make a notebook that grades, releases and self-checks as the guide says?"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from needs import fixture_needs

from autograder import ROOT, specs

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
    release = run("autograde release", project)  # the guide's step 3, whichever test runs first
    assert release.returncode == 0, release.stderr
    notebook = (project / "assignments/week1/activations.ipynb").read_text(encoding="utf-8")
    assert "np.maximum(0, z)" not in notebook and "raise NotImplementedError" in notebook
    korean = (project / "assignments/week1/activations.ko.ipynb").read_text(encoding="utf-8")
    assert "활성화 함수" in korean and 'checker(\\"week1/activations\\", lang=\\"ko\\")' in korean


# -- the table of every file a notebook touches ------------------------------------------------

#: Folders of the project that hold no file of its own (tools' caches, the environment, builds).
NOT_THE_PROJECT = re.compile(r"^\.|^__pycache__$|\.egg-info$|^build$")
#: What a placeholder of the table stands for.
PLACEHOLDERS = {"<week>": r"week\d+", "<stem>": r"\w+", "<module>": r"\w+", "**/": r"(?:.*/)?", "*": r"[^/]*"}


def table_of_the_guide() -> list[tuple[list[str], str]]:
    """``(file patterns, when)`` of each row of the guide's table of every file a notebook touches."""
    section = GUIDE.read_text(encoding="utf-8").split("## Every file a notebook touches\n", 1)[1].split("\n## ")[0]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in section.splitlines()
            if line.startswith("| `")]
    return [(re.findall(r"`([^`]+)`", patterns), when) for patterns, _, when in rows]


def project_files() -> list[str]:
    """Every file of the project, by its path from the root."""
    found = []
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = sorted(d for d in subfolders if not NOT_THE_PROJECT.search(d))
        found += [(Path(folder) / f).relative_to(ROOT).as_posix() for f in files if not f.endswith((".pyc", ".h5", ".mat"))]
    return found


def matches(pattern: str, path: str) -> bool:
    """Whether ``path`` is a file ``pattern`` of the table names."""
    parts = re.split(r"(<week>|<stem>|<module>|\*\*/|\*)", pattern)
    return re.fullmatch("".join(PLACEHOLDERS.get(part, re.escape(part)) for part in parts), path) is not None


def notebooks() -> list[tuple[str, str]]:
    """``(week, stem)`` of every notebook of the project."""
    return [tuple(notebook_id.split("/")) for notebook_id in specs.notebooks()]


def test_every_notebook_and_week_has_the_files_the_table_says():
    """Does every notebook have each file the guide's table says every notebook has (and each
    week, every week's), the shared ones naming it?"""
    files, missing = project_files(), []
    for patterns, when in table_of_the_guide():
        for week, stem in notebooks() if when.startswith(("every notebook", "every week")) else ():
            for pattern in patterns:
                if "<" not in pattern:  # a shared file: it names the notebook
                    if f"{week}/{stem}" not in (ROOT / pattern).read_text(encoding="utf-8"):
                        missing.append(f"{pattern} does not name {week}/{stem}")
                    continue
                concrete = pattern.replace("<week>", week)
                if when.startswith("every notebook"):
                    concrete = concrete.replace("<stem>", stem)
                if not any(matches(concrete, f) for f in files):
                    missing.append(f"{concrete} (of {week}/{stem})")
    assert not missing, missing


def test_every_other_row_of_the_table_names_files_that_exist():
    """Does each pattern of a row with a condition name at least one file (so none is stale)?"""
    files = project_files()
    stale = [pattern for patterns, when in table_of_the_guide() if not when.startswith(("every notebook", "every week"))
             for pattern in patterns if not any(matches(pattern, f) for f in files)]
    assert not stale, stale


def test_every_file_named_after_a_week_or_a_notebook_is_in_the_table():
    """Is every file of the project whose path names a week or a notebook one the guide's
    table lists (so a file a new notebook needs cannot hide from the guide)?"""
    named = re.compile(r"week\d+|" + "|".join(re.escape(stem) for _, stem in notebooks()))
    patterns = [pattern for row, _ in table_of_the_guide() for pattern in row]
    unlisted = [f for f in project_files() if named.search(f) and not any(matches(p, f) for p in patterns)]
    assert not unlisted, unlisted


def test_every_document_that_names_every_notebook_is_in_the_table():
    """Is every document or module outside the tests that names every notebook (a list of
    them, which a new notebook must join) one the guide's table lists?"""
    ids = [f"{week}/{stem}" for week, stem in notebooks()]
    patterns = [pattern for row, _ in table_of_the_guide() for pattern in row]
    lists = [f for f in project_files() if f.endswith((".md", ".py")) and not f.startswith("tests/")
             and all(i in (ROOT / f).read_text(encoding="utf-8") for i in ids)]
    assert lists, "no document names every notebook: where did the README's curriculum go?"
    unlisted = [f for f in lists if not any(matches(p, f) for p in patterns)]
    assert not unlisted, unlisted
