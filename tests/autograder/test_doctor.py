"""``autograde doctor``'s course-project lines: a grader that cannot find the solutions is
not ready, and the report names the setting that fixes it (``$AUTOGRADE_PROJECT``), as it
does for the data and the secret. The isolation, data and secret lines are run through the
command in ``test_cli.py``."""

from __future__ import annotations

import pytest

from autograder import ROOT, doctor, project, specs


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """This package as ``pip install`` (not ``-e``) leaves it: the specs beside it, no
    solutions/, and no $AUTOGRADE_PROJECT."""
    (tmp_path / "autograder").mkdir()
    (tmp_path / "autograder" / "specs").symlink_to(project.CHECKOUT / project.SPECS)
    monkeypatch.setattr(project, "CHECKOUT", tmp_path)
    monkeypatch.delenv(project.ENV_VAR, raising=False)
    return tmp_path


def test_is_an_installed_grader_without_its_project_not_ready_and_told_the_setting(installed):
    """Installed, without $AUTOGRADE_PROJECT: does the doctor call the project not usable,
    name the setting and say which solutions it lacks?"""
    lines, ok = doctor.project_lines()
    count = len(specs.notebooks())
    first = next(iter(specs.notebooks().values())).solution
    assert not ok
    assert lines == [
        "course project: NOT USABLE (fix: set AUTOGRADE_PROJECT to the folder holding solutions/ and "
        "autograder/specs/, the project the grader was installed from, or pass --project DIR)",
        f"  {installed}  (the folder this grader is installed in; $AUTOGRADE_PROJECT is not set)",
        f"  missing: {first} and {count - 1} more (of {count} notebooks)"]


def test_does_the_setting_make_an_installed_grader_ready(installed, monkeypatch):
    """Installed, with $AUTOGRADE_PROJECT pointed at this project: is it ready, and does
    the report say where the project came from?"""
    monkeypatch.setenv(project.ENV_VAR, str(ROOT))
    lines, ok = doctor.project_lines()
    assert ok
    assert lines == [f"course project: ok ({len(specs.notebooks())} notebooks, each with its solution)",
                     f"  {ROOT}  ($AUTOGRADE_PROJECT or --project)"]


def test_is_a_setting_pointing_at_no_project_not_ready(tmp_path, monkeypatch):
    """$AUTOGRADE_PROJECT naming a folder without specs (a typo, the wrong folder): not
    ready, and said so?"""
    monkeypatch.setenv(project.ENV_VAR, str(tmp_path))
    lines, ok = doctor.project_lines()
    assert not ok and lines[0].startswith("course project: NOT USABLE (fix: set AUTOGRADE_PROJECT")
    assert lines[2] == f"  no notebook: {tmp_path / project.SPECS} holds no spec"
