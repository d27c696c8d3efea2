"""Reading a file that someone else put there: regular files only, never blocking, bounded.

Every file the grader reads before any sandbox (a submission, its companion notebook,
nbgrader's ``timestamp.txt``, a data file copied by ``dldata fetch --from``) may have
been placed by a hostile hand: a named pipe whose read blocks forever, a sparse file of
100 GB, a symbolic or hard link to someone else's file, a device. :func:`open_regular`
opens without blocking (``O_NONBLOCK``) and, for a file that must be the submitter's
own, without following a link (``O_NOFOLLOW``); it judges the opened file's type, links
and size (``fstat``, so a path swapped after a check is still judged), and the reads
stop at ``limit`` bytes. Anything else raises :class:`NotReadable` with a one-line
reason in both languages, which costs that file only.

Imports: the standard library and :mod:`dlcheck.text` (the student-side packages use it).
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .text import Text, tr

_CHUNK = 1 << 20


class NotReadable(OSError):
    """A file that is not read: ``text`` says why, in both languages."""

    def __init__(self, text: Text):
        self.text = text
        super().__init__(text.en)


class TooLarge(NotReadable):
    """A file over the size bound."""


def _kind(mode: int) -> Text:
    if stat.S_ISDIR(mode):
        return tr("a folder", "폴더")
    if stat.S_ISFIFO(mode):
        return tr("a named pipe (FIFO)", "이름 있는 파이프(FIFO)")
    if stat.S_ISSOCK(mode):
        return tr("a socket", "소켓")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return tr("a device", "장치 파일")
    return tr("not a regular file", "일반 파일이 아닌 것")


def _judge(st: os.stat_result, own: bool) -> Text | None:
    if stat.S_ISLNK(st.st_mode):
        return tr("it is a symbolic link; only files of their own are graded",
                  "심볼릭 링크입니다. 그 자체로 있는 파일만 채점합니다")
    if not stat.S_ISREG(st.st_mode):
        return tr("it is {kind}, not a regular file", "일반 파일이 아니라 {kind}입니다", kind=_kind(st.st_mode))
    if own and st.st_nlink > 1:
        return tr("it is a hard link ({n} names for one file); only files of their own are graded",
                  "하드 링크입니다 (한 파일에 이름 {n}개). 그 자체로 있는 파일만 채점합니다", n=st.st_nlink)
    return None


def refusal(path: str | os.PathLike[str], *, own: bool = True) -> Text | None:
    """Why ``path`` is not read as a regular file, or ``None``, without opening it.

    With ``own`` (a submission: the file must be the submitter's own), a symbolic link
    and a file with other hard links (the same file as another student's, or as the
    instructor's copy) are refused too; without, a link is followed.
    """
    try:
        st = os.lstat(path) if own else os.stat(path)
    except OSError as exc:
        return tr("it cannot be read ({why})", "읽을 수 없습니다 ({why})", why=exc.strerror or type(exc).__name__)
    return _judge(st, own)


def _size(n: int) -> str:
    """``"100 GB"``, ``"20 MB"``, ``"4 KB"``, ``"12 bytes"``: at most one decimal, none when whole."""
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if n >= scale:
            return f"{round(n / scale, 1):g} {unit}"
    return f"{n} bytes"


def _too_large(path: Path, size: int, limit: int) -> TooLarge:
    return TooLarge(tr("{name} is {size}; the limit is {limit}", "{name}의 크기가 {size}입니다. 한도는 {limit}입니다",
                       name=path.name, size=_size(size), limit=_size(limit)))


def open_regular(path: str | os.PathLike[str], limit: int, *, own: bool = True) -> BinaryIO:
    """The regular file at ``path``, opened for reading (binary, unbuffered); see
    :func:`refusal` for ``own``. :class:`NotReadable` when it is refused, cannot be
    opened, or is larger than ``limit`` bytes (judged by its size, before any read: a
    sparse file costs nothing). Read it through :func:`chunks` to keep to ``limit``."""
    path = Path(path)
    why = refusal(path, own=own)
    if why is not None:
        raise NotReadable(why)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    if own:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise NotReadable(tr("it cannot be read ({why})", "읽을 수 없습니다 ({why})",
                             why=exc.strerror or type(exc).__name__)) from None
    st = os.fstat(fd)
    problem = _judge(st, own)  # again, on what was opened
    if problem is None and st.st_size > limit:
        os.close(fd)
        raise _too_large(path, st.st_size, limit)
    if problem is not None:
        os.close(fd)
        raise NotReadable(problem)
    return os.fdopen(fd, "rb", buffering=0)


def chunks(path: str | os.PathLike[str], limit: int, *, own: bool = True) -> Iterator[bytes]:
    """The bytes of the file at ``path`` (opened by :func:`open_regular`), in pieces;
    :class:`NotReadable` once more than ``limit`` bytes came (a file that grows)."""
    path = Path(path)
    total = 0
    with open_regular(path, limit, own=own) as f:
        try:
            while chunk := f.read(min(_CHUNK, limit + 1 - total)):
                total += len(chunk)
                if total > limit:
                    raise _too_large(path, total, limit)
                yield chunk
        except BlockingIOError:
            raise NotReadable(tr("it cannot be read without waiting", "기다리지 않고는 읽을 수 없습니다")) from None


def read_regular(path: str | os.PathLike[str], limit: int, *, own: bool = True) -> bytes:
    """All the bytes of the file at ``path``, read as :func:`chunks` reads them."""
    return b"".join(chunks(path, limit, own=own))


def sha256_regular(path: str | os.PathLike[str], limit: int, *, own: bool = True) -> str:
    """The hex sha256 of the file at ``path``, read as :func:`chunks` reads it."""
    digest = hashlib.sha256()
    for chunk in chunks(path, limit, own=own):
        digest.update(chunk)
    return digest.hexdigest()
