"""Where the real data files live, whether they are the right ones, and how to get them.

A data file is looked up by name in these folders, in this order:

1. ``data_dir``, when the caller passes one (the CLI's ``--data-dir``);
2. the folder named by the environment variable ``DL_DATASETS_DIR``;
3. this package's own folder, ``<root>/dldata/`` (where ``fetch`` puts files; git-ignored);
4. ``<root>/../shared/datasets/``, beside the project root.

Steps 1 and 2 are authoritative: when one is given, it is the only folder searched, so a
wrong path is an error rather than a silent fall-back to other data. Among the default
folders (3, 4) the first that holds the file decides; a corrupt file there is an error,
not skipped.

Every file is checked against its known byte size and sha256 before use. The digest is
cached in-process per (path, size, mtime), so loading a file again costs one ``stat``.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

ENV_VAR = "DL_DATASETS_DIR"
PACKAGE_DIR = Path(__file__).resolve().parent
SHARED_DIR = PACKAGE_DIR.parent.parent / "shared" / "datasets"

FIX_COMMAND = "python -m dldata fetch --from DIR_OR_URL"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class KnownFile:
    """A data file the project knows, identified by its exact size and sha256."""

    name: str
    size: int
    sha256: str
    contents: str


KNOWN_FILES: dict[str, KnownFile] = {
    f.name: f
    for f in [
        KnownFile(
            "train_catvnoncat.h5", 2_572_022,
            "fbe56ab67c3ae28d564e3a644189117976d6b31af0a3ce9bb17dbf22908af242",
            "cat/non-cat training images (209, 64, 64, 3) uint8, 72 cats",
        ),
        KnownFile(
            "test_catvnoncat.h5", 616_958,
            "6a9d39ce52fa85953c5834695b8534a30ed8cfd54971fb2f080b5a24d002b951",
            "cat/non-cat test images (50, 64, 64, 3) uint8, 33 cats",
        ),
        KnownFile(
            "data.mat", 6_038,
            "1218828095bf91d215622d00b2a5b8784c359e29d9d9c5734949b8e60c5bc231",
            "2-D points for the regularization exercise (X, y, Xval, yval)",
        ),
        KnownFile(
            "test_signs.h5", 1_477_712,
            "539fb746ed9e947eb244cfca73f4d1b03f9bf5524d609eeed2cd76ddb1b179be",
            "hand signs (120, 64, 64, 3) uint8, labels 0-5 (spare, not required)",
        ),
    ]
}

#: The files ``verify`` requires: without them the graded notebooks cannot run.
REQUIRED = ("train_catvnoncat.h5", "test_catvnoncat.h5")


class DataError(RuntimeError):
    """A data file is unknown, missing, corrupt or cannot be fetched.

    The message names every folder searched, what was wrong in each, and the command that
    fixes it. ``places`` holds the same facts for programs (empty for fetch errors).
    """

    def __init__(self, message: str, *, name: str | None = None,
                 places: Iterable[Place] = ()) -> None:
        super().__init__(message)
        self.name = name
        self.places = tuple(places)


@dataclass(frozen=True)
class Place:
    """One folder searched for a file, and what was wrong there (``None``: nothing)."""

    folder: Path
    origin: str
    problem: str | None

    def __str__(self) -> str:
        return f"{self.folder} ({self.origin}): {self.problem or 'OK'}"


def known_file(name: str) -> KnownFile:
    """Return the table entry for ``name``; raise `DataError` for an unknown name."""
    try:
        return KNOWN_FILES[name]
    except KeyError:
        raise DataError(
            f"unknown data file {name!r}; known files: {', '.join(KNOWN_FILES)}", name=name
        ) from None


# -- checking ------------------------------------------------------------------------

_digests: dict[tuple[str, int, int], str] = {}


def sha256_of(path: Path) -> str:
    """Return the hex sha256 of the file at ``path``, cached per (path, size, mtime)."""
    st = path.stat()
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    if key not in _digests:
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            while chunk := f.read(_CHUNK):
                digest.update(chunk)
        _digests[key] = digest.hexdigest()
    return _digests[key]


def clear_cache() -> None:
    """Forget every cached digest (the next check of each file hashes it again)."""
    _digests.clear()


def _mismatch(got_size: int, got_sha: str | None, known: KnownFile) -> str | None:
    if got_size != known.size:
        return f"size mismatch: got {got_size} bytes, expected {known.size}"
    if got_sha != known.sha256:
        return f"sha256 mismatch: got {got_sha}, expected {known.sha256}"
    return None


def check_file(path: str | os.PathLike[str]) -> str | None:
    """Say what is wrong with the data file at ``path``, or return ``None`` if it is valid.

    The file is judged against the known file of the same name: ``"not there"``, a size
    mismatch, or ``"sha256 mismatch: got ..., expected ..."``.
    """
    path = Path(path)
    known = known_file(path.name)
    if not path.is_file():
        return "not there"
    size = path.stat().st_size
    # Hash only files of the right size: a truncated download fails without reading it.
    return _mismatch(size, sha256_of(path) if size == known.size else None, known)


# -- finding -------------------------------------------------------------------------

def search_folders(data_dir: str | os.PathLike[str] | None = None) -> list[tuple[Path, str]]:
    """Return the folders ``find_file`` searches, in order, each with where it came from.

    An explicit ``data_dir`` or a non-empty ``DL_DATASETS_DIR`` is the only folder searched.
    """
    if data_dir is not None:
        return [(Path(data_dir).expanduser(), "data_dir option")]
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return [(Path(env).expanduser(), f"${ENV_VAR}")]
    return [(PACKAGE_DIR, "package folder"), (SHARED_DIR, "shared folder")]


def _locate(name: str, data_dir: str | os.PathLike[str] | None) -> tuple[Path | None, list[Place]]:
    """Search for ``name``; return the valid file (or ``None``) and every place looked."""
    places = []
    for folder, origin in search_folders(data_dir):
        problem = check_file(folder / name)
        places.append(Place(folder, origin, problem))
        if problem != "not there":  # the first folder holding the file decides
            return (folder / name if problem is None else None), places
    return None, places


def _fix_hint(name: str, places: list[Place]) -> str:
    """The commands that would put a valid ``name`` where it was looked for."""
    failed = {p.folder for p in places}
    source = "DIR_OR_URL"
    if SHARED_DIR not in failed and check_file(SHARED_DIR / name) is None:
        source = str(SHARED_DIR)  # a verified copy is right there: name it exactly
    dest = places[0].folder
    to = "" if dest == PACKAGE_DIR else f" --to {dest}"
    lines = [f"To fix it, run:  python -m dldata fetch --from {source}{to} {name}"]
    if source == "DIR_OR_URL":
        lines.append("  (DIR_OR_URL: a folder or http(s):// base URL holding the verified files)")
    if places[0].origin == f"${ENV_VAR}":
        lines.append(f"or point {ENV_VAR} at a folder holding the verified files (or unset it).")
    else:
        lines.append(f"or set {ENV_VAR} to a folder holding the verified files.")
    return "\n".join(lines)


def find_file(name: str, data_dir: str | os.PathLike[str] | None = None) -> Path:
    """Return the path of the verified data file ``name``.

    Parameters
    ----------
    name : str
        A file of ``KNOWN_FILES``, e.g. ``"train_catvnoncat.h5"``.
    data_dir : path, optional
        The folder to read from. When given (or when ``DL_DATASETS_DIR`` is set) it is the
        only folder searched; otherwise the package folder, then ``../shared/datasets/``.

    Raises
    ------
    DataError
        If the file is missing everywhere searched or the first copy found is corrupt.
        The message lists each folder with its reason and the command that fixes it.
    """
    path, places = _locate(name, data_dir)
    if path is not None:
        return path
    missing = all(p.problem == "not there" for p in places)
    lines = [f"{name} is {'missing' if missing else 'corrupt'}. Looked in:"]
    lines += [f"  - {p}" for p in places]
    lines.append(_fix_hint(name, places))
    raise DataError("\n".join(lines), name=name, places=places)


# -- fetching ------------------------------------------------------------------------

def _is_url(source: str | os.PathLike[str]) -> bool:
    return str(source).startswith(("http://", "https://"))


def default_source() -> str | Path:
    """Where ``fetch`` copies from when no source is given: ``$DL_DATASETS_DIR``, else the
    shared folder beside the project, if it exists."""
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    if SHARED_DIR.is_dir():
        return SHARED_DIR
    raise DataError(f"no source to fetch from: pass --from DIR_OR_URL or set {ENV_VAR}")


def _open_source(source: str | os.PathLike[str], name: str, timeout: float) -> BinaryIO:
    if _is_url(source):
        url = f"{str(source).rstrip('/')}/{name}"
        try:
            return urllib.request.urlopen(url, timeout=timeout)
        except (urllib.error.URLError, OSError) as exc:
            raise DataError(f"cannot download {url}: {getattr(exc, 'reason', exc)}") from exc
    try:
        return open(Path(source).expanduser() / name, "rb")
    except FileNotFoundError:
        raise DataError(f"cannot fetch {name}: not there in {source}") from None
    except OSError as exc:
        raise DataError(f"cannot read {Path(source) / name}: {exc.strerror}") from exc


def _fetch_one(name: str, source: str | os.PathLike[str], dest: Path, timeout: float) -> Path:
    """Copy one file into ``dest`` through a temporary file that replaces the target only
    once its size and sha256 are right; on any failure the temporary file is removed."""
    known = known_file(name)
    target = dest / name
    if check_file(target) is None:
        return target  # already there and valid (also covers source == dest)
    origin = str(source).rstrip("/") + "/" + name if _is_url(source) else Path(source) / name
    try:
        dest.mkdir(parents=True, exist_ok=True)
        tmp_fd, tmp_name = tempfile.mkstemp(dir=dest, prefix=f".{name}.", suffix=".part")
    except OSError as exc:
        raise DataError(f"cannot write into {dest}: {exc.strerror}") from exc
    tmp = Path(tmp_name)
    try:
        digest, size = hashlib.sha256(), 0
        with os.fdopen(tmp_fd, "wb") as out, _open_source(source, name, timeout) as src:
            while chunk := src.read(_CHUNK):
                size += len(chunk)
                if size > known.size:  # a wrong file or an error page: stop reading
                    break
                digest.update(chunk)
                out.write(chunk)
        if size > known.size:
            problem = f"size mismatch: got more than {known.size} bytes, expected {known.size}"
        else:
            problem = _mismatch(size, digest.hexdigest(), known)
        if problem is not None:
            raise DataError(f"refusing {origin}: {problem}; nothing was written to {dest}")
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        raise DataError(f"cannot fetch {origin} into {dest}: {exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return target


def fetch(
    names: Iterable[str] | None = None,
    source: str | os.PathLike[str] | None = None,
    dest: str | os.PathLike[str] | None = None,
    *,
    timeout: float = 60.0,
) -> list[Path]:
    """Copy (or download) data files into ``dest``, verifying each before it lands.

    Parameters
    ----------
    names : iterable of str, optional
        Files of ``KNOWN_FILES`` to fetch; all of them by default.
    source : path or str, optional
        A folder holding the files, or an ``http(s)://`` base URL (``<source>/<name>`` is
        downloaded). Default: ``$DL_DATASETS_DIR``, else ``../shared/datasets/``.
    dest : path, optional
        The folder to write into; default the package's own folder (git-ignored).
    timeout : float
        Seconds to wait for a download's server.

    Returns
    -------
    list of Path
        The verified files in ``dest``, in the order of ``names``. A file already valid in
        ``dest`` is not copied again.

    Raises
    ------
    DataError
        On the first file that cannot be read or does not match its size and sha256.
        A bad file never lands in ``dest``; files fetched before it stay (they are valid).
    """
    names = list(KNOWN_FILES) if names is None else list(names)
    for name in names:
        known_file(name)  # reject unknown names before copying anything
    source = default_source() if source is None else source
    dest = PACKAGE_DIR if dest is None else Path(dest).expanduser()
    return [_fetch_one(name, source, dest, timeout) for name in names]


# -- verifying -----------------------------------------------------------------------

@dataclass(frozen=True)
class FileStatus:
    """What ``verify`` found for one known file.

    Attributes
    ----------
    name : str
        The file name.
    status : {"ok", "corrupt", "missing"}
        Whether a valid copy was found.
    path : Path or None
        The copy that was judged (valid or corrupt); ``None`` when missing.
    places : tuple of Place
        Every folder searched, with what was wrong there.
    required : bool
        Whether the cat/non-cat exercises need this file.
    """

    name: str
    status: str
    path: Path | None
    places: tuple[Place, ...]
    required: bool

    @property
    def detail(self) -> str:
        """Where the file is, or why it is not usable."""
        if self.status == "ok":
            return str(self.path)
        if self.status == "corrupt":
            return f"{self.path}: {self.places[-1].problem}"
        return "not in " + ", ".join(f"{p.folder} ({p.origin})" for p in self.places)


@dataclass(frozen=True)
class VerifyReport:
    """The status of every known file; ``ok`` when all required files are valid."""

    files: tuple[FileStatus, ...]

    @property
    def ok(self) -> bool:
        return all(f.status == "ok" for f in self.files if f.required)


def verify(data_dir: str | os.PathLike[str] | None = None) -> VerifyReport:
    """Check every known file where ``find_file`` would look for it (never raises for a
    missing or corrupt file: that is what the report is for)."""
    files = []
    for name in KNOWN_FILES:
        path, places = _locate(name, data_dir)
        if path is not None:
            status, found = "ok", path
        elif places[-1].problem == "not there":
            status, found = "missing", None
        else:
            status, found = "corrupt", places[-1].folder / name
        files.append(FileStatus(name, status, found, tuple(places), name in REQUIRED))
    return VerifyReport(tuple(files))
