"""Tests for fetching without a source: local folders first, then public mirrors, in order.

The mirrors are served by an HTTP server on this machine laid out like the real ones
(``<repo>/<commit>/<folder>/<file>``); the conftest fails any test that reaches further.
"""

from __future__ import annotations

import functools
import http.server
import io
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from dldata import store
from dldata.__main__ import DownloadProgress, main
from dldata.store import DataError, Mirror, fetch

TRAIN, TEST = store.REQUIRED
GOOD = {TRAIN: b"train images, the right bytes\n" * 50, TEST: b"test images, the right bytes\n" * 20}
COMMIT = "0123456789abcdef0123456789abcdef01234567"
REAL_MIRRORS = store.MIRRORS  # taken at import, before the conftest empties it for each test


@pytest.fixture(autouse=True)
def known(register) -> None:
    """Make GOOD the known content of the two required files."""
    for name, content in GOOD.items():
        register(name, content)


class _Server(http.server.ThreadingHTTPServer):
    requests: list[str]


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_request(self, code: object = "-", size: object = "-") -> None:
        self.server.requests.append(self.path)

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SimpleNamespace]:
    """An HTTP server on 127.0.0.1 serving ``root``, remembering each path requested."""
    root = tmp_path / "www"
    root.mkdir()
    httpd = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(root)))
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield SimpleNamespace(root=root, url=f"http://127.0.0.1:{httpd.server_address[1]}", requests=httpd.requests)
    finally:
        httpd.shutdown()
        httpd.server_close()


def publish(server: SimpleNamespace, repo: str, folder: str, files: dict[str, bytes]) -> Mirror:
    """Put ``files`` where a mirror of ``repo`` at COMMIT serves them; return that mirror."""
    where = server.root / repo / COMMIT / folder
    where.mkdir(parents=True)
    for name, content in files.items():
        (where / name).write_bytes(content)
    return Mirror(repo, COMMIT, folder, host=server.url)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "README.md") if folder.exists() else []


# -- the built-in list ------------------------------------------------------------------

@pytest.mark.parametrize("mirror", REAL_MIRRORS, ids=str)
def test_is_each_built_in_mirror_pinned_to_a_commit_and_quoted(mirror):
    """Does each real mirror name a full commit, hold both cat files or the regularization
    points, and build URLs whose folder is quoted (no raw spaces, no empty part)?"""
    assert re.fullmatch(r"[0-9a-f]{40}", mirror.commit)
    assert set(store.REQUIRED) <= set(mirror.files) or mirror.files == store.REGULARIZATION
    name = mirror.files[0]
    url = mirror.url(name)
    assert url.startswith(f"https://raw.githubusercontent.com/{mirror.repo}/{mirror.commit}/")
    assert " " not in url and "//" not in url.removeprefix("https://") and url.endswith(f"/{name}")


def test_are_the_built_in_mirrors_the_four_known_copies():
    """Is the real mirror list the documented one, in the documented order (tried first to
    last), with the first URL exactly as the repository serves it?"""
    assert [m.repo for m in REAL_MIRRORS] == [
        "Kulbear/deep-learning-coursera", "MinnDdu/DL_specialization_coursera",
        "martishin/coursera-deep-learning-specialization", "Mikhailry/dl-logistic-regression",
        "MarcosSoares10/Improving-Deep-Neural-Networks-Hyperparameter-Tuning-Regularization-and-Optimization",
        "SiHaoShen/Improving-Deep-Neural-Networks", "siddharthchd/Improving-Deep-Neural-Networks",
        "Pavgro/NN_optimization_methods"]
    assert REAL_MIRRORS[0].url(TRAIN) == (
        "https://raw.githubusercontent.com/Kulbear/deep-learning-coursera/8ef9dd4fd4a627217d4ff31e63b661dbb3db9150/"
        "Neural%20Networks%20and%20Deep%20Learning/datasets/train_catvnoncat.h5")
    assert REAL_MIRRORS[-1].url("data.mat") == (
        "https://raw.githubusercontent.com/Pavgro/NN_optimization_methods/8bd3386f700f274c7ffe241d715449e3cd6bbbd2/"
        "data.mat")


# -- downloading from mirrors -----------------------------------------------------------

def test_does_a_mirror_in_a_folder_with_spaces_serve_both_files(server, folders):
    """Are both files downloaded from a folder whose name has spaces, verified, into the
    package folder, with progress from 0 to the full size?"""
    mirror = publish(server, "someone/course", "Neural Networks and Deep Learning/datasets", GOOD)
    seen = []
    paths = fetch(mirrors=[mirror], progress=lambda label, got, total: seen.append((label, got, total)))
    assert paths == [folders.project / TRAIN, folders.project / TEST]
    assert [p.read_bytes() for p in paths] == [GOOD[TRAIN], GOOD[TEST]]
    assert files_in(folders.project) == sorted(GOOD)
    assert server.requests[0] == f"/someone/course/{COMMIT}/Neural%20Networks%20and%20Deep%20Learning/datasets/{TRAIN}"
    train = [(got, total) for label, got, total in seen if label.startswith(TRAIN)]
    assert train[0] == (0, len(GOOD[TRAIN])) and train[-1] == (len(GOOD[TRAIN]), len(GOOD[TRAIN]))


@pytest.mark.parametrize(
    "bad_files, reason",
    [({}, "HTTP 404"),
     ({TRAIN: b"T" + GOOD[TRAIN][1:], TEST: GOOD[TEST]}, "sha256 mismatch"),
     ({TRAIN: GOOD[TRAIN] + b"<html>an error page</html>", TEST: GOOD[TEST]}, "the server announces")],
    ids=["404", "corrupt", "too-long"],
)
def test_is_a_failing_mirror_skipped_for_the_next_one(bad_files, reason, server, folders):
    """Does a mirror that 404s, or serves a corrupt or oversized file, leave nothing
    behind and hand over to the next mirror, which is used?"""
    bad = publish(server, "first/bad", "W2A2/datasets", bad_files)
    good = publish(server, "second/good", "datasets", GOOD)
    paths = fetch([TRAIN], mirrors=[bad, good])
    assert paths == [folders.project / TRAIN] and paths[0].read_bytes() == GOOD[TRAIN]
    assert files_in(folders.project) == [TRAIN]
    assert [p.split("/")[1] for p in server.requests] == ["first", "second"]


def test_are_local_folders_tried_before_any_mirror(server, folders):
    """When the shared folder holds a valid copy, is it copied without a single download?"""
    (folders.shared / TRAIN).write_bytes(GOOD[TRAIN])
    mirror = publish(server, "someone/course", "datasets", GOOD)
    assert fetch([TRAIN], mirrors=[mirror]) == [folders.project / TRAIN]
    assert server.requests == []


def test_is_a_corrupt_local_copy_passed_over_for_a_mirror(server, folders):
    """Does a corrupt copy in the shared folder fall through to the mirror's good one?"""
    (folders.shared / TRAIN).write_bytes(b"T" + GOOD[TRAIN][1:])
    mirror = publish(server, "someone/course", "datasets", GOOD)
    assert fetch([TRAIN], mirrors=[mirror])[0].read_bytes() == GOOD[TRAIN]
    assert len(server.requests) == 1


def test_is_an_unreachable_server_tried_once(server, folders):
    """After a server refuses a connection, are its other mirrors skipped (one wait, not
    one per mirror and file) and a mirror elsewhere used?"""
    closed = "http://127.0.0.1:9"  # the discard port: nothing listens there
    dead = [Mirror("a/one", COMMIT, "d", host=closed), Mirror("b/two", COMMIT, "d", host=closed)]
    good = publish(server, "c/three", "datasets", GOOD)
    assert fetch(mirrors=[*dead, good]) == [folders.project / TRAIN, folders.project / TEST]


def test_does_a_failure_everywhere_give_one_line_saying_where_to_put_the_files(server, folders):
    """With no local copy and every mirror failing, is the error one line naming each
    source's reason, the folder to put both files in and the command, with nothing written?"""
    missing = publish(server, "first/gone", "datasets", {})
    corrupt = publish(server, "second/corrupt", "datasets", {TRAIN: b"T" + GOOD[TRAIN][1:]})
    with pytest.raises(DataError) as err:
        fetch(mirrors=[missing, corrupt])
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(f"no valid copy of {TRAIN} (tried {folders.project}, {folders.user}, {folders.package}, "
                              f"{folders.shared}: "
                              f"not there; first/gone@0123456: HTTP 404 File not found; second/corrupt@0123456: "
                              f"sha256 mismatch")
    assert message.endswith(f"Put {TRAIN} and {TEST} into {folders.project} (or into a folder named by "
                            f"$DL_DATASETS_DIR), or run: {store.fetch_command()} --from DIR_OR_URL")
    assert files_in(folders.project) == []


# -- where files land -------------------------------------------------------------------

@pytest.mark.parametrize(
    "package, env, expected",
    [("clone", False, "project"), ("kit", False, "user"), ("site-packages", False, "user"), ("clone", True, "env")],
    ids=["clone", "kit", "installed", "env-var"],
)
def test_where_does_fetch_write_by_default(package, env, expected, server, folders, tmp_path, monkeypatch):
    """Does fetch write into a clone's datasets/ folder; into the per-user folder from the
    student kit (a dldata folder with no datasets/README.md beside it) and from an
    installed package; into $DL_DATASETS_DIR when set; and is the file then found there,
    by the same rule a notebook's loader follows?"""
    if package == "kit":
        (folders.project / "README.md").unlink()
    if package == "site-packages":
        installed = tmp_path / "venv" / "lib" / "python3.11" / "site-packages" / "dldata"
        installed.mkdir(parents=True)
        monkeypatch.setattr(store, "PACKAGE_DIR", installed)
    if env:
        monkeypatch.setenv(store.ENV_VAR, str(folders.env))
    mirror = publish(server, "someone/course", "datasets", GOOD)
    [path] = fetch([TRAIN], mirrors=[mirror])
    assert path == getattr(folders, expected) / TRAIN
    assert store.find_file(TRAIN) == path


def test_outside_a_clone_the_user_folder_is_searched(folders):
    """Outside a clone (the kit, an installed package), is a file in the per-user data
    folder found; and in a clone, is that folder only a source to fetch from?"""
    (folders.user / TRAIN).write_bytes(GOOD[TRAIN])
    with pytest.raises(DataError):
        store.find_file(TRAIN)
    assert fetch([TRAIN], mirrors=[]) == [folders.project / TRAIN]
    (folders.project / "README.md").unlink()
    (folders.project / TRAIN).unlink()
    assert store.find_file(TRAIN) == folders.user / TRAIN


def test_files_fetched_into_the_package_folder_by_earlier_versions_are_moved_home(folders):
    """Is a file an earlier version fetched into ``dldata/`` copied to the clone's datasets/
    folder by a plain fetch, offline?"""
    (folders.package / TRAIN).write_bytes(GOOD[TRAIN])
    assert fetch([TRAIN], mirrors=[]) == [folders.project / TRAIN]


# -- the command line -------------------------------------------------------------------

def test_does_cli_fetch_download_with_progress_on_stderr(server, folders, monkeypatch, capsys):
    """Does `python -m dldata fetch` with no source download from the mirrors, with a
    progress line per file on stderr and the paths on stdout?"""
    monkeypatch.setattr(store, "MIRRORS", (publish(server, "someone/course", "W2A2/datasets", GOOD),))
    assert main(["fetch"]) == 0
    out, err = capsys.readouterr()
    assert out == f"OK  {folders.project / TRAIN}\nOK  {folders.project / TEST}\n"
    assert f"downloading {TRAIN} from someone/course@0123456 (0.0 MB)\ndownloaded {TRAIN} from" in err


def test_does_cli_fetch_offline_print_one_error_line(folders, monkeypatch, capsys):
    """Offline and without a copy, is the whole output one `error:` line (exit 1)?"""
    monkeypatch.setattr(store, "MIRRORS", (Mirror("a/one", COMMIT, "d", host="http://127.0.0.1:9"),))
    assert main(["fetch", "--quiet"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert err.startswith(f"error: no valid copy of {TRAIN} (tried ") and "unreachable" in err


def test_does_the_progress_redraw_one_line_on_a_terminal():
    """On a terminal, is the progress one line redrawn with carriage returns and ended
    with a newline once the file is complete?"""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    show = DownloadProgress(stream, every=0.0)
    for got in (0, 1_000_000, 2_000_000):
        show("x.h5 from m", got, 2_000_000)
    assert stream.getvalue() == ("downloading x.h5 from m (2.0 MB)"
                                 "\rdownloading x.h5 from m: 1.0 of 2.0 MB (50 %)"
                                 "\rdownloaded x.h5 from m (2.0 MB)\n")
