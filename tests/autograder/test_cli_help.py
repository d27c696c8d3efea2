"""What `autograde ... --help` tells a user before anything runs (no process started)."""

from click.testing import CliRunner

from autograder.cli import main


def _help(*args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--help"])
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def test_grade_and_course_help_name_the_secret_and_the_other_settings():
    """Do `grade --help` and `course --help` say where the instructor secret comes from
    (AUTOGRADE_SECRET, AUTOGRADE_SECRET_FILE) and which other settings they read, the Dask
    cluster to grade on among them?"""
    for verb in ("grade", "course"):
        text = _help(verb)
        for setting in ("AUTOGRADE_SECRET,", "AUTOGRADE_SECRET_FILE", "AUTOGRADE_JOBS", "DL_DATASETS_DIR", "--jobs",
                        "--scheduler ADDRESS", "AUTOGRADE_SCHEDULER", "dask worker ADDRESS"):
            assert setting in text, (verb, setting)


def test_data_help_lists_its_commands():
    """Does `autograde data --help` (and a bare `autograde data`) list fetch and verify?"""
    for args in (["data", "--help"], ["data"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0
        assert "usage: autograde data" in result.output and "fetch" in result.output and "verify" in result.output


def test_doctor_help_says_what_its_exit_status_means():
    """Does `autograde doctor --help` say when it exits 1 (no secret, data or sandbox)?"""
    text = _help("doctor")
    assert "Exits 0 when grading that counts can run here" in text and "else 1" in text
