"""`autograde doctor`'s lines in the language asked for (the levels themselves, tried for
real, are tested through the command in test_cli.py)."""

from autograder import doctor, secret
from dlcheck.text import set_language


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
