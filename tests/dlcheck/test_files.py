"""Reading files someone else put there (dlcheck/files.py): what is refused, and that
nothing blocks or reads past its bound."""

from __future__ import annotations

import os

import pytest

from dlcheck.files import NotReadable, TooLarge, read_regular, refusal, sha256_regular


@pytest.fixture
def regular(tmp_path):
    path = tmp_path / "notebook.ipynb"
    path.write_bytes(b"{}" * 10)
    return path


def test_a_regular_file_is_read_whole(regular):
    """Is a regular file under the bound read as it is, and hashed the same way?"""
    assert read_regular(regular, 100) == b"{}" * 10
    assert len(sha256_regular(regular, 100)) == 64
    assert refusal(regular) is None


def _fifo(path):
    os.mkfifo(path)


def _symlink(path):
    path.with_name("target.ipynb").write_text("{}")
    path.symlink_to(path.with_name("target.ipynb"))


def _hard_link(path):
    path.with_name("target.ipynb").write_text("{}")
    os.link(path.with_name("target.ipynb"), path)


def _folder(path):
    path.mkdir()


@pytest.mark.parametrize("make, words", [
    pytest.param(_fifo, "named pipe", id="fifo"),
    pytest.param(_symlink, "symbolic link", id="symlink"),
    pytest.param(_hard_link, "hard link", id="hard-link"),
    pytest.param(_folder, "a folder", id="folder"),
])
def test_what_is_not_a_file_of_its_own_is_refused_without_blocking(tmp_path, make, words):
    """Is a FIFO, a link or a folder refused, with the reason, at once (a FIFO's read would
    block forever)?"""
    path = tmp_path / "notebook.ipynb"
    make(path)
    assert words in refusal(path).en
    with pytest.raises(NotReadable, match=words):
        read_regular(path, 1000)
    with pytest.raises(NotReadable, match=words):
        sha256_regular(path, 1000)


def test_links_are_followed_when_the_file_need_not_be_ones_own(tmp_path):
    """Without ``own`` (a data file, the self-check's own notebook), is a link followed to a
    regular file, while a FIFO behind it is still refused?"""
    target = tmp_path / "data.h5"
    target.write_bytes(b"data")
    (tmp_path / "link.h5").symlink_to(target)
    os.link(target, tmp_path / "hard.h5")
    assert read_regular(tmp_path / "link.h5", 10, own=False) == b"data"
    assert read_regular(tmp_path / "hard.h5", 10, own=False) == b"data"
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "to-pipe.h5").symlink_to(tmp_path / "pipe")
    with pytest.raises(NotReadable, match="named pipe"):
        read_regular(tmp_path / "to-pipe.h5", 10, own=False)


def test_a_huge_sparse_file_is_refused_by_its_size_unread(tmp_path):
    """Is a 100 GB sparse file refused by its size before any byte is read?"""
    path = tmp_path / "huge.ipynb"
    with open(path, "wb") as f:
        f.truncate(100 * 2**30)
    with pytest.raises(TooLarge, match="the limit is 20 MB"):
        read_regular(path, 20 * 2**20)


def test_a_device_is_refused(tmp_path):
    """Is a device (``/dev/zero``, endless) refused, even followed through a link?"""
    (tmp_path / "zero.ipynb").symlink_to("/dev/zero")
    with pytest.raises(NotReadable, match="device"):
        read_regular(tmp_path / "zero.ipynb", 10, own=False)
