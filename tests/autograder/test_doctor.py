"""``autograde doctor``'s lines: a grader that cannot find the solutions is not ready, and
the report names the setting that fixes it (``$AUTOGRADE_PROJECT``), as it does for the
data and the secret; each line in the language asked for. The isolation levels themselves,
tried for real, are tested through the command in ``test_cli.py``."""

from __future__ import annotations

import pytest

from autograder import ROOT, doctor, project, secret, specs, trainings
from dlcheck.text import set_language


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
    lines = [str(line) for line in lines]
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
    lines = [str(line) for line in lines]
    assert ok
    assert lines == [f"course project: ok ({len(specs.notebooks())} notebooks, each with its solution)",
                     f"  {ROOT}  ($AUTOGRADE_PROJECT or --project)",
                     "  the reference's full trainings: recorded, current"]


def test_a_stale_record_of_the_references_trainings_is_named(monkeypatch):
    """A solution edited since `autograde release`: the doctor names the notebook whose record
    grading will not read (its first grading trains in full), without calling the project unusable."""
    monkeypatch.setattr(trainings, "record_key", lambda spec, root: "another key")
    lines, ok = doctor.project_lines()
    assert ok
    assert str(lines[-1]) == (
        "  the reference's full trainings: the record of week2/logistic_regression, week3/planar_data_classification, "
        "week4/deep_network_application is stale (a solution or spec changed since `autograde release`): run it, or "
        "each notebook's first grading on a machine trains the reference in full")


def test_is_a_setting_pointing_at_no_project_not_ready(tmp_path, monkeypatch):
    """$AUTOGRADE_PROJECT naming a folder without specs (a typo, the wrong folder): not
    ready, and said so?"""
    monkeypatch.setenv(project.ENV_VAR, str(tmp_path))
    lines, ok = doctor.project_lines()
    lines = [str(line) for line in lines]
    assert not ok and lines[0].startswith("course project: NOT USABLE (fix: set AUTOGRADE_PROJECT")
    assert lines[2] == f"  no notebook: {tmp_path / project.SPECS} holds no spec"


def test_the_secret_and_the_data_are_reported_in_korean(tmp_path, monkeypatch):
    """With the language set to Korean, do the secret's and the data's lines speak Korean,
    the file names, paths and commands kept as they are?"""
    monkeypatch.delenv(secret.ENV_VAR, raising=False)
    monkeypatch.setenv(secret.FILE_ENV_VAR, str(tmp_path / "secret"))
    (tmp_path / "secret").write_text("a long random string for this test only\n")
    monkeypatch.setenv("DL_DATASETS_DIR", str(tmp_path / "empty"))
    set_language("ko")
    (line,), ok = doctor.secret_lines()
    assert ok and str(line) == f"강사 비밀값: 설정됨, {secret.FILE_ENV_VAR}={tmp_path / 'secret'}"
    lines, ok = doctor.data_lines()
    assert not ok and str(lines[0]).startswith("데이터: 사용할 수 없음 (해결: ")
    assert str(lines[1]) == f"  train_catvnoncat.h5  없음  없는 곳: {tmp_path / 'empty'} ($DL_DATASETS_DIR)"
    assert str(lines[-1]).endswith(" (선택)")
    monkeypatch.delenv(secret.FILE_ENV_VAR)
    (line,), ok = doctor.secret_lines()
    assert not ok and str(line).startswith("강사 비밀값: 설정되지 않음")
