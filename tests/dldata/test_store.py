"""Tests for dldata.store (finding, verifying, fetching) and the CLI built on it."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import urllib.error
from pathlib import Path
from types import SimpleNamespace

import pytest

from dldata import store
from dldata.__main__ import main
from dldata.store import DataError, fetch, find_file, verify

NAME = "data.mat"  # any known name: its content is replaced by GOOD for these tests
GOOD = b"the one right content of this file\n"
SAME_SIZE_BAD = b"THE one right content of this file\n"
REAL_TABLE = dict(store.KNOWN_FILES)  # taken at import, before any test patches it


@pytest.fixture(autouse=True)
def good(register) -> store.KnownFile:
    """Make GOOD the known content of NAME."""
    return register(NAME, GOOD)


def write(folder: Path, content: bytes = GOOD, name: str = NAME) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def files_in(folder: Path) -> list[str]:
    """Every entry in ``folder``, hidden temporary files included."""
    return sorted(p.name for p in folder.iterdir() if p.name != "README.md") if folder.exists() else []


# -- the package and its table ----------------------------------------------------------

def test_is_dldata_the_project_package_with_its_public_api():
    """Does `import dldata` give this project's package (not a tests folder shadowing it),
    exporting the documented names?"""
    import dldata

    assert Path(dldata.__file__).parent == Path(store.__file__).parent
    assert set(dldata.__all__) == {"KNOWN_FILES", "CatVsNonCat", "DataError", "fetch",
                                     "find_file", "load_catvnoncat", "load_dataset", "verify"}



@pytest.mark.parametrize("name", list(REAL_TABLE))
def test_do_the_real_shared_files_match_the_table(name, real_dir):
    """Are the table's size and sha256 for each file those of the real shared file?"""
    path = real_dir / name
    if not path.is_file():
        pytest.skip(f"{name} is not in {real_dir}")
    assert (path.stat().st_size, store.sha256_of(path)) == (
        REAL_TABLE[name].size, REAL_TABLE[name].sha256)


# -- where files are found --------------------------------------------------------------

@pytest.mark.parametrize(
    "holders, explicit, env, winner",
    [
        (["explicit", "env", "project", "shared"], True, True, "explicit"),
        (["env", "project", "shared"], False, True, "env"),
        (["project", "shared"], False, False, "project"),
        (["shared"], False, False, "shared"),
    ],
    ids=["data_dir-beats-all", "env-beats-defaults", "home-beats-shared", "shared-last"],
)
def test_which_folder_wins_when_several_hold_the_file(holders, explicit, env, winner,
                                                      folders, monkeypatch):
    """Does each step of the search order win over every later one?"""
    for holder in holders:
        write(getattr(folders, holder))
    if env:
        monkeypatch.setenv(store.ENV_VAR, str(folders.env))
    data_dir = folders.explicit if explicit else None
    assert find_file(NAME, data_dir) == getattr(folders, winner) / NAME


@pytest.mark.parametrize("given", ["explicit", "env"], ids=["data_dir", "env-var"])
def test_is_a_given_folder_without_the_file_an_error_rather_than_a_fallback(
        given, folders, monkeypatch):
    """When data_dir or DL_DATASETS_DIR names a folder without the file, do we refuse to
    fall back to the default folders (which hold it), and name that folder?"""
    write(folders.project)
    write(folders.shared)
    if given == "env":
        monkeypatch.setenv(store.ENV_VAR, str(folders.env))
    with pytest.raises(DataError) as err:
        find_file(NAME, folders.explicit if given == "explicit" else None)
    [place] = err.value.places
    assert place.folder == getattr(folders, given)
    assert f"{place.folder} ({place.origin}): not there" in str(err.value)
    # The hint names the exact command, pointing at the verified copy it can see; fetch
    # writes into $DL_DATASETS_DIR by default, so only data_dir needs --to.
    to = f" --to {place.folder}" if given == "explicit" else ""
    assert f"{store.fetch_command()} --from {folders.shared}{to} {NAME}" in str(err.value)


def test_is_an_empty_env_var_ignored(folders, monkeypatch):
    """Does DL_DATASETS_DIR="" mean "unset" rather than "the current folder"?"""
    write(folders.project)
    monkeypatch.setenv(store.ENV_VAR, "")
    assert find_file(NAME) == folders.project / NAME


# -- what the errors say ----------------------------------------------------------------

def test_does_the_missing_message_list_every_place_and_the_fix(folders):
    """Is the message for a file found nowhere exactly this text (golden)?"""
    with pytest.raises(DataError) as err:
        find_file(NAME)
    assert str(err.value) == (
        f"{NAME} is missing. Looked in:\n"
        f"  - {folders.project} (project data folder): not there\n"
        f"  - {folders.shared} (shared folder): not there\n"
        f"To fix it, run:  {store.fetch_command()} --from DIR_OR_URL {NAME}\n"
        f"  (DIR_OR_URL: a folder or http(s):// base URL holding the verified files)\n"
        f"or set DL_DATASETS_DIR to a folder holding the verified files."
    )
    assert isinstance(err.value, RuntimeError)


def test_does_the_corrupt_message_name_the_path_both_digests_and_the_fix(folders, good):
    """Does a same-size corrupt file get its folder, the sha256 got vs expected, and the
    fetch command in the message?"""
    bad = write(folders.project, SAME_SIZE_BAD)
    with pytest.raises(DataError) as err:
        find_file(NAME)
    message = str(err.value)
    got = store.sha256_of(bad)
    assert message.startswith(f"{NAME} is corrupt. Looked in:\n")
    assert (f"  - {folders.project} (project data folder): "
            f"sha256 mismatch: got {got}, expected {good.sha256}\n") in message
    assert f"{store.fetch_command()} --from DIR_OR_URL {NAME}" in message


def test_is_a_corrupt_file_an_error_even_when_a_later_folder_has_a_good_copy(folders):
    """Is the first copy found authoritative, so corruption is reported, not skipped, and
    does the fix name the good copy as the source?"""
    write(folders.project, SAME_SIZE_BAD)
    write(folders.shared)
    with pytest.raises(DataError) as err:
        find_file(NAME)
    assert [p.folder for p in err.value.places] == [folders.project]
    assert f"{store.fetch_command()} --from {folders.shared} {NAME}" in str(err.value)


def test_is_a_truncated_file_reported_as_a_size_mismatch(folders, good):
    """Does a short file say how many bytes it has and how many it should have?"""
    write(folders.project, GOOD[:5])
    with pytest.raises(DataError, match=f"size mismatch: got 5 bytes, expected {good.size}"):
        find_file(NAME)


def test_is_an_unknown_name_rejected_with_the_known_names():
    """Does asking for a file not in the table list the files that are?"""
    with pytest.raises(DataError, match=r"unknown data file 'cats\.zip'; known files: .*data\.mat"):
        find_file("cats.zip")


# -- the verdict cache ------------------------------------------------------------------

def test_is_an_unchanged_file_hashed_only_once(folders, monkeypatch):
    """Do repeated lookups of the same unchanged file reuse the cached sha256?"""
    write(folders.project)
    real_sha256 = store.hashlib.sha256
    calls = []
    monkeypatch.setattr(store, "hashlib", SimpleNamespace(
        sha256=lambda *a: calls.append(1) or real_sha256(*a)))
    for _ in range(3):
        find_file(NAME)
    assert len(calls) == 1


def test_is_a_file_changed_in_place_checked_again(folders):
    """After a file is overwritten (same size, new mtime), is it verified afresh?"""
    path = write(folders.project)
    find_file(NAME)
    path.write_bytes(SAME_SIZE_BAD)
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    with pytest.raises(DataError, match="sha256 mismatch"):
        find_file(NAME)


# -- fetch ------------------------------------------------------------------------------

def test_does_fetch_copy_and_verify_the_files(folders, tmp_path, register):
    """Does fetch copy each named file into dest, verified, and return the new paths?"""
    register("test_signs.h5", b"signs")
    write(folders.shared)
    write(folders.shared, b"signs", "test_signs.h5")
    dest = tmp_path / "new" / "dest"
    paths = fetch([NAME, "test_signs.h5"], folders.shared, dest)
    assert paths == [dest / NAME, dest / "test_signs.h5"]
    assert [p.read_bytes() for p in paths] == [GOOD, b"signs"]
    assert files_in(dest) == sorted([NAME, "test_signs.h5"])


def test_does_fetch_default_to_shared_folder_into_package_folder(folders):
    """Without source and dest, does fetch copy from ../shared/datasets into the package?"""
    write(folders.shared)
    assert fetch([NAME]) == [folders.project / NAME]
    assert find_file(NAME) == folders.project / NAME


def test_does_fetch_default_to_the_env_var_as_source(folders, monkeypatch):
    """With DL_DATASETS_DIR set and no source, is that folder the source?"""
    write(folders.env)
    monkeypatch.setenv(store.ENV_VAR, str(folders.env))
    assert fetch([NAME], dest=folders.explicit) == [folders.explicit / NAME]


@pytest.mark.parametrize(
    "content, problem",
    [(SAME_SIZE_BAD, "sha256 mismatch"), (GOOD[:5], "size mismatch: got 5 bytes"),
     (GOOD + b"trailing junk", "size mismatch: got more than")],
    ids=["same-size", "truncated", "too-long"],
)
def test_does_fetch_refuse_a_corrupt_source_and_leave_nothing_behind(
        content, problem, folders, tmp_path):
    """Does a corrupt source raise, naming it, with no file (or temp file) left in dest?"""
    write(folders.shared, content)
    dest = tmp_path / "dest"
    with pytest.raises(DataError, match=problem) as err:
        fetch([NAME], folders.shared, dest)
    assert str(folders.shared / NAME) in str(err.value)
    assert files_in(dest) == []


def test_does_fetch_from_a_folder_without_the_file_fail_cleanly(folders, tmp_path):
    """Is a source folder lacking the file a DataError naming it, leaving nothing behind?"""
    dest = tmp_path / "dest"
    with pytest.raises(DataError, match=f"cannot fetch {NAME}: not there in {folders.shared}"):
        fetch([NAME], folders.shared, dest)
    assert files_in(dest) == []


def test_does_fetch_reject_unknown_names_before_copying_anything(folders, tmp_path):
    """Does one unknown name stop the whole fetch before any file is written?"""
    write(folders.shared)
    with pytest.raises(DataError, match="unknown data file 'bogus.h5'"):
        fetch([NAME, "bogus.h5"], folders.shared, tmp_path / "dest")
    assert files_in(tmp_path / "dest") == []


def test_does_fetch_replace_a_corrupt_file_at_the_destination(folders):
    """Is a corrupt file in dest replaced by the verified copy?"""
    write(folders.project, SAME_SIZE_BAD)
    write(folders.shared)
    fetch([NAME], folders.shared, folders.project)
    assert (folders.project / NAME).read_bytes() == GOOD
    assert files_in(folders.project) == [NAME]


def test_does_fetch_keep_an_already_valid_file_untouched(folders):
    """Is a valid file in dest kept as it is (not rewritten), even from a bad source?"""
    kept = write(folders.project)
    mtime = kept.stat().st_mtime_ns
    write(folders.shared, SAME_SIZE_BAD)
    assert fetch([NAME], folders.shared, folders.project) == [kept]
    assert kept.stat().st_mtime_ns == mtime


@pytest.mark.parametrize(
    "body, ok", [(GOOD, True), (SAME_SIZE_BAD, False)], ids=["valid", "corrupt"])
def test_does_a_download_go_through_the_same_verify_then_rename(body, ok, monkeypatch, tmp_path):
    """Is a download (urlopen faked: no network here) written to dest only if it verifies?"""
    urls = []

    def fake_urlopen(url, timeout):
        urls.append(url)
        return io.BytesIO(body)

    monkeypatch.setattr(store.urllib.request, "urlopen", fake_urlopen)
    dest = tmp_path / "dest"
    if ok:
        assert fetch([NAME], "https://example.org/data/", dest) == [dest / NAME]
        assert files_in(dest) == [NAME]
    else:
        with pytest.raises(DataError, match="refusing https://example.org/data/data.mat"):
            fetch([NAME], "https://example.org/data/", dest)
        assert files_in(dest) == []
    assert urls == ["https://example.org/data/data.mat"]


def test_is_an_unreachable_url_one_clear_error(monkeypatch, tmp_path):
    """Does a failed connection become a DataError naming the URL, leaving nothing behind?"""

    def refuse(url, timeout):
        raise urllib.error.URLError("connection refused")

    monkeypatch.setattr(store.urllib.request, "urlopen", refuse)
    with pytest.raises(DataError, match="cannot download http://host/data.mat: connection refused"):
        fetch([NAME], "http://host", tmp_path / "dest")
    assert files_in(tmp_path / "dest") == []


# -- verify -----------------------------------------------------------------------------

@pytest.fixture
def cat_pair(register, folders) -> SimpleNamespace:
    """Valid fake cat/non-cat files registered and written to the shared folder."""
    for name in store.REQUIRED:
        register(name, name.encode())
        write(folders.shared, name.encode(), name)
    return folders


@pytest.mark.parametrize(
    "damage, ok, status",
    [(None, True, "ok"), ("delete", False, "missing"), ("corrupt", False, "corrupt")],
    ids=["intact", "train-missing", "train-corrupt"],
)
def test_does_verify_report_ok_only_when_the_cat_pair_is_valid(damage, ok, status, cat_pair):
    """Is the report ok exactly when both cat/non-cat files are valid, whatever the
    optional files' state (data.mat is absent in every case)?"""
    train = cat_pair.shared / "train_catvnoncat.h5"
    if damage == "delete":
        train.unlink()
    elif damage == "corrupt":
        train.write_bytes(b"TRAIN_catvnoncat.h5")
    report = verify()
    by_name = {f.name: f for f in report.files}
    assert report.ok is ok
    assert by_name["train_catvnoncat.h5"].status == status
    assert by_name[NAME].status == "missing" and not by_name[NAME].required


# -- the CLI (dldata/__main__.py) -----------------------------------------------------

@pytest.mark.parametrize("intact, code", [(True, 0), (False, 1)], ids=["intact", "missing"])
def test_does_cli_verify_exit_0_only_when_the_cat_pair_is_valid(intact, code, cat_pair, capsys):
    """Does `verify` print each file's place and status, and exit 0 / 1?"""
    if not intact:
        (cat_pair.shared / "test_catvnoncat.h5").unlink()
    assert main(["verify"]) == code
    out, err = capsys.readouterr()
    assert f"train_catvnoncat.h5  OK       {cat_pair.shared / 'train_catvnoncat.h5'}" in out
    if intact:
        assert out.endswith("cat/non-cat data: OK\n") and err == ""
    else:
        assert "test_catvnoncat.h5   missing  not in " in out
        assert err == f"cat/non-cat data: NOT USABLE. To fix it, run:  {store.fetch_command()}\n"


def test_does_cli_verify_with_data_dir_look_only_there(cat_pair, tmp_path, capsys):
    """Does `verify --data-dir EMPTY` fail even though the shared folder is intact?"""
    assert main(["verify", "--data-dir", str(tmp_path / "empty")]) == 1
    assert f"--to {tmp_path / 'empty'}" in capsys.readouterr().err


def test_does_cli_fetch_copy_files_and_exit_0(folders, tmp_path, capsys):
    """Does `fetch --from DIR --to DIR NAME` copy the file and print where it went?"""
    write(folders.shared)
    dest = tmp_path / "dest"
    assert main(["fetch", "--from", str(folders.shared), "--to", str(dest), NAME]) == 0
    assert capsys.readouterr().out == f"OK  {dest / NAME}\n"
    assert (dest / NAME).read_bytes() == GOOD


def test_does_cli_fetch_print_one_error_line_for_a_corrupt_source(folders, tmp_path, capsys):
    """Does a corrupt source give exit 1 and one `error:` line, no traceback, no file?"""
    write(folders.shared, SAME_SIZE_BAD)
    dest = tmp_path / "dest"
    assert main(["fetch", "--from", str(folders.shared), "--to", str(dest), NAME]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"error: refusing {folders.shared / NAME}: sha256 mismatch")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert files_in(dest) == []


@pytest.mark.parametrize("argv", [[], ["frobnicate"], ["verify", "--nope"]],
                         ids=["no-verb", "bad-verb", "bad-option"])
def test_does_cli_return_2_for_a_usage_error(argv, capsys):
    """Does a usage error return 2 (not raise SystemExit), with argparse's message?"""
    assert main(argv) == 2
    assert "usage: python -m dldata" in capsys.readouterr().err


@pytest.mark.subprocess
def test_does_python_m_dldata_verify_pass_on_the_real_files(real_dir):
    """Does the module entry point run and find the real pair valid (exit 0)?"""
    run = subprocess.run(
        [sys.executable, "-m", "dldata", "verify", "--data-dir", str(real_dir)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert run.returncode == 0, run.stderr
    assert f"train_catvnoncat.h5  OK       {real_dir / 'train_catvnoncat.h5'}" in run.stdout
    assert run.stderr == ""


@pytest.mark.parametrize("active", [True, False], ids=["environment-active", "not-active"])
def test_the_suggested_command_runs_this_python(active, tmp_path, monkeypatch):
    """Does a message suggest `python -m dldata fetch` where `python` is this interpreter
    (an active environment), and this interpreter's path where it is not (a clone's
    .venv/bin/python, not activated), so the command it gives finds this dldata?"""
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    python = bin_dir / "python"
    python.write_text("#!/bin/sh\n")
    python.chmod(0o755)
    monkeypatch.setattr(store.sys, "executable", str(python))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", str(bin_dir) if active else str(tmp_path / "elsewhere"))
    assert store.fetch_command() == ("python -m dldata fetch" if active else ".venv/bin/python -m dldata fetch")


def test_does_cli_verify_speak_korean_when_asked(cat_pair, capsys):
    """With the language set to Korean, are the statuses, the verdict and the fix in Korean,
    the columns still aligned (a Hangul syllable takes two cells)?"""
    from dlcheck.text import set_language

    (cat_pair.shared / "test_catvnoncat.h5").unlink()
    set_language("ko")
    assert main(["verify"]) == 1
    out, err = capsys.readouterr()
    assert "test_catvnoncat.h5   없음     없는 곳: " in out
    assert err == f"cat/non-cat 데이터: 사용할 수 없음. 해결하려면 실행하세요:  {store.fetch_command()}\n"
    with pytest.raises(DataError) as raised:
        store.find_file("test_catvnoncat.h5")
    assert str(raised.value).startswith("test_catvnoncat.h5 파일이 없습니다. 찾아본 곳:\n")
    assert "해결하려면 실행하세요:  " in str(raised.value) and raised.value.text.en.startswith("test_catvnoncat.h5 is missing.")
