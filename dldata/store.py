"""Where the real data files live, whether they are the right ones, and how to get them.

The data has one home, where ``fetch`` writes, ``verify`` looks and every loader reads
(:func:`home`): in a clone of the project, its top-level ``datasets/`` folder (git-ignored
files beside a committed README; where the classic course's notebooks look too); anywhere
else (the installed package, the student kit, Gradescope), the per-user data folder
(:func:`user_data_dir`). A file is looked up by name in these folders, in this order:

1. ``data_dir``, when the caller passes one (the CLI's ``--data-dir``);
2. the folder named by the environment variable ``DL_DATASETS_DIR``;
3. the home above;
4. ``<root>/../shared/datasets/``, beside the project root (a shared copy, read only).

Steps 1 and 2 are authoritative: when one is given, it is the only folder searched, so a
wrong path is an error rather than a silent fall-back to other data. Of the default
folders (3-4) the first that holds the file decides; a corrupt file there is an error,
not skipped.

Every file is checked against its known byte size and sha256 before use. The digest is
cached in-process per (path, size, mtime), so loading a file again costs one ``stat``.

``fetch`` without a source tries the local folders (those above, the per-user folder, and
``dldata/``, where earlier versions fetched into in a checkout), then the public `MIRRORS`
(copies pinned to a commit), in order; whatever it gets lands only once its size and
sha256 are right.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dlcheck.files import NotReadable, open_regular
from dlcheck.text import Text, as_text, join, tr

ENV_VAR = "DL_DATASETS_DIR"
APP_NAME = "dl-exercises"
PACKAGE_DIR = Path(__file__).resolve().parent
#: A clone's data folder: the project's top-level ``datasets/`` (its README is committed).
PROJECT_DATA_DIR = PACKAGE_DIR.parent / "datasets"
SHARED_DIR = PACKAGE_DIR.parent.parent / "shared" / "datasets"


def user_data_dir() -> Path:
    """The per-user data folder: ``%LOCALAPPDATA%\\dl-exercises`` on Windows,
    ``~/Library/Application Support/dl-exercises`` on macOS, and
    ``$XDG_DATA_HOME/dl-exercises`` (default ``~/.local/share/dl-exercises``) elsewhere."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Application Support")
    else:
        base = os.environ.get("XDG_DATA_HOME", "").strip() or str(Path.home() / ".local" / "share")
    return Path(base) / APP_NAME


USER_DIR = user_data_dir()

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

#: The files ``verify`` requires and ``fetch`` gets by default: without them the graded
#: notebooks cannot run.
REQUIRED = ("train_catvnoncat.h5", "test_catvnoncat.h5")


@dataclass(frozen=True)
class Mirror:
    """A public copy of some data files: a repository folder pinned to one commit.

    The file ``name`` is at ``<host>/<repo>/<commit>/<folder>/<name>`` (folder and name
    URL-quoted). A mirror is trusted for nothing: every file it serves is checked against
    ``KNOWN_FILES`` before it lands.
    """

    repo: str
    commit: str
    folder: str
    files: tuple[str, ...] = REQUIRED
    host: str = "https://raw.githubusercontent.com"

    def url(self, name: str) -> str:
        path = "/".join(urllib.parse.quote(part) for part in (*self.folder.split("/"), name) if part)  # "": the root
        return f"{self.host.rstrip('/')}/{self.repo}/{self.commit}/{path}"

    def __str__(self) -> str:
        return f"{self.repo}@{self.commit[:7]}"


#: The regularization exercise's points (week 5), fetched on request (``fetch data.mat``).
REGULARIZATION = ("data.mat",)

#: Tried in order by ``fetch`` when no local folder holds a valid copy, each for the files
#: it lists: the first four hold both cat/non-cat files, the last four ``data.mat``, each
#: with exactly the sha256 of ``KNOWN_FILES`` at the pinned commit.
MIRRORS: tuple[Mirror, ...] = (
    Mirror("Kulbear/deep-learning-coursera", "8ef9dd4fd4a627217d4ff31e63b661dbb3db9150",
           "Neural Networks and Deep Learning/datasets"),
    Mirror("MinnDdu/DL_specialization_coursera", "8e246bdb18a94f0b68e75f7e1e9edcb9de8fa48c", "W2A2/datasets"),
    Mirror("martishin/coursera-deep-learning-specialization", "10e38146d2e9498d1a82792d5570730d1b374571",
           "W2A2/datasets"),
    Mirror("Mikhailry/dl-logistic-regression", "5946e8823f28e3a161fcec1a489c6be3bd2a1c03", "datasets"),
    Mirror("MarcosSoares10/Improving-Deep-Neural-Networks-Hyperparameter-Tuning-Regularization-and-Optimization",
           "31506571c83dce8f7a089b182c44cf16c53b66f2", "datasets", REGULARIZATION),
    Mirror("SiHaoShen/Improving-Deep-Neural-Networks", "7128e3e3b06abde57c775a50ea7e5d77276bf7fc",
           "Regularization/datasets", REGULARIZATION),
    Mirror("siddharthchd/Improving-Deep-Neural-Networks", "1e96ebce16cbb86f91a7823336b7c993969adb0f",
           "Hyperparameter-tuning/Regularization/datasets", REGULARIZATION),
    Mirror("Pavgro/NN_optimization_methods", "8bd3386f700f274c7ffe241d715449e3cd6bbbd2", "", REGULARIZATION),
)


class DataError(RuntimeError):
    """A data file is unknown, missing, corrupt or cannot be fetched.

    The message names every folder searched, what was wrong in each, and the command that
    fixes it; ``text`` holds it in each language, ``str()`` in :func:`dlcheck.text.language`.
    ``places`` holds the same facts for programs (empty for fetch errors).
    """

    def __init__(self, message: Text | str, *, name: str | None = None,
                 places: Iterable[Place] = ()) -> None:
        self.text = as_text(message)
        super().__init__(self.text.en)
        self.name = name
        self.places = tuple(places)

    def __str__(self) -> str:
        return str(self.text)


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
        raise DataError(tr("unknown data file {name!r}; known files: {known}",
                           "알 수 없는 데이터 파일 {name!r}; 알려진 파일: {known}", name=name,
                           known=", ".join(KNOWN_FILES)), name=name) from None


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
    env = _env_folder()
    if env is not None:
        return [(env, f"${ENV_VAR}")]
    return [home(), (SHARED_DIR, "shared folder")]


def _env_folder() -> Path | None:
    env = os.environ.get(ENV_VAR, "").strip()
    return Path(env).expanduser() if env else None


def _installed(folder: Path) -> bool:
    """Whether ``folder`` is inside an installed distribution (site-packages), where files
    written would be lost on upgrade and are shared by every user of the environment."""
    return any(part in ("site-packages", "dist-packages") for part in folder.parts)


def home() -> tuple[Path, str]:
    """The data's home, with its name: a clone's ``datasets/`` folder (this package not
    installed, the folder's README beside it), else the per-user data folder."""
    if not _installed(PACKAGE_DIR) and (PROJECT_DATA_DIR / "README.md").is_file():
        return PROJECT_DATA_DIR, "project data folder"
    return USER_DIR, "user data folder"


def default_destination() -> Path:
    """Where ``fetch`` writes by default: ``$DL_DATASETS_DIR`` when set, else :func:`home`."""
    env = _env_folder()
    return env if env is not None else home()[0]


def _locate(name: str, data_dir: str | os.PathLike[str] | None) -> tuple[Path | None, list[Place]]:
    """Search for ``name``; return the valid file (or ``None``) and every place looked."""
    places = []
    for folder, origin in search_folders(data_dir):
        problem = check_file(folder / name)
        places.append(Place(folder, origin, problem))
        if problem != "not there":  # the first folder holding the file decides
            return (folder / name if problem is None else None), places
    return None, places


def python_command() -> str:
    """How to start this Python from a shell: ``python`` when that is it (an active
    environment, the kit's), else its path (a clone's ``.venv/bin/python``, not activated),
    so that a command a message suggests runs with this ``dldata``."""
    found = shutil.which("python")
    if found and os.path.normpath(os.path.abspath(found)) == os.path.normpath(os.path.abspath(sys.executable)):
        return "python"
    executable = Path(os.path.abspath(sys.executable))
    try:
        return str(executable.relative_to(Path.cwd()))
    except ValueError:
        return str(executable)


def fetch_command() -> str:
    """The command that runs ``dldata fetch`` with this Python."""
    return f"{python_command()} -m dldata fetch"


def _fix_hint(name: str, places: list[Place]) -> Text:
    """The commands that would put a valid ``name`` where it was looked for."""
    failed = {p.folder for p in places}
    dest = places[0].folder
    to = "" if dest == default_destination() else f" --to {dest}"
    if SHARED_DIR not in failed and check_file(SHARED_DIR / name) is None:
        # A verified copy is right there: name it exactly.
        lines = [tr("To fix it, run:  {command}", "해결하려면 실행하세요:  {command}",
                    command=f"{fetch_command()} --from {SHARED_DIR}{to} {name}")]
    elif any(name in m.files for m in MIRRORS):
        lines = [tr("To fix it, run:  {command}", "해결하려면 실행하세요:  {command}",
                    command=f"{fetch_command()}{to} {name}"),
                 tr("  (it downloads a public copy and checks its sha256; offline, add --from DIR_OR_URL: "
                    "a folder or http(s):// base URL holding the verified files)",
                    "  (공개 사본을 내려받아 sha256을 확인합니다. 오프라인이면 --from DIR_OR_URL을 더하세요: "
                    "검증된 파일이 있는 폴더나 http(s):// 기본 URL)")]
    else:
        lines = [tr("To fix it, run:  {command}", "해결하려면 실행하세요:  {command}",
                    command=f"{fetch_command()} --from DIR_OR_URL{to} {name}"),
                 tr("  (DIR_OR_URL: a folder or http(s):// base URL holding the verified files)",
                    "  (DIR_OR_URL: 검증된 파일이 있는 폴더나 http(s):// 기본 URL)")]
    if places[0].origin == f"${ENV_VAR}":
        lines.append(tr("or point {var} at a folder holding the verified files (or unset it).",
                        "또는 {var}에 검증된 파일이 있는 폴더를 지정하세요 (아니면 설정을 지우세요).", var=ENV_VAR))
    else:
        lines.append(tr("or set {var} to a folder holding the verified files.",
                        "또는 {var}에 검증된 파일이 있는 폴더를 지정하세요.", var=ENV_VAR))
    return join(lines, "\n")


def find_file(name: str, data_dir: str | os.PathLike[str] | None = None) -> Path:
    """Return the path of the verified data file ``name``.

    Parameters
    ----------
    name : str
        A file of ``KNOWN_FILES``, e.g. ``"train_catvnoncat.h5"``.
    data_dir : path, optional
        The folder to read from. When given (or when ``DL_DATASETS_DIR`` is set) it is the
        only folder searched; otherwise the data's home (:func:`home`), then
        ``../shared/datasets/``.

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
    lines = [tr("{name} is missing. Looked in:", "{name} 파일이 없습니다. 찾아본 곳:", name=name) if missing else
             tr("{name} is corrupt. Looked in:", "{name} 파일이 손상되었습니다. 찾아본 곳:", name=name)]
    lines += [f"  - {p}" for p in places]
    lines.append(_fix_hint(name, places))
    raise DataError(join(lines, "\n"), name=name, places=places)


# -- fetching ------------------------------------------------------------------------

#: Reports a download: ``progress(label, received_bytes, total_bytes)``, called once when
#: it starts (received 0), as chunks arrive, and once at the end (received == total).
Progress = Callable[[str, int, int], None]

_DOWNLOAD_CHUNK = 1 << 16
#: A local file larger than this is refused before it is read (the known files are a few MB).
_LOCAL_COPY_LIMIT = 1 << 30


class SourceError(DataError):
    """One source could not give a valid file; ``reason`` says why in a few words, and
    ``unreachable`` is set when its server could not be reached at all."""

    def __init__(self, message: str, reason: str, *, unreachable: bool = False) -> None:
        super().__init__(message)
        self.reason = reason
        self.unreachable = unreachable


def _is_url(source: str | os.PathLike[str] | Mirror) -> bool:
    return isinstance(source, Mirror) or str(source).startswith(("http://", "https://"))


def _origin(source: str | os.PathLike[str] | Mirror, name: str) -> str:
    """The URL or path ``name`` is read from in ``source``."""
    if isinstance(source, Mirror):
        return source.url(name)
    if _is_url(source):
        return f"{str(source).rstrip('/')}/{urllib.parse.quote(name)}"
    return str(Path(source).expanduser() / name)


def _open_origin(origin: str, name: str, source: object, timeout: float) -> tuple[BinaryIO, int | None]:
    """The stream of ``origin`` and the size its server announces (``None`` if unknown)."""
    if origin.startswith(("http://", "https://")):
        try:
            response = urllib.request.urlopen(origin, timeout=timeout)
        except urllib.error.HTTPError as exc:
            reason = f"HTTP {exc.code} {exc.reason}"
            raise SourceError(f"cannot download {origin}: {reason}", reason) from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = str(getattr(exc, "reason", exc))
            raise SourceError(f"cannot download {origin}: {reason}", f"unreachable ({reason})",
                              unreachable=True) from exc
        length = response.headers.get("Content-Length") if hasattr(response, "headers") else None
        return response, int(length) if length and length.isdigit() else None
    if not os.path.lexists(origin):
        raise SourceError(f"cannot fetch {name}: not there in {source}", "not there")
    try:  # a regular file (a link to one is fine), never blocking: a FIFO there must not hang fetch
        return open_regular(origin, _LOCAL_COPY_LIMIT, own=False), None
    except NotReadable as exc:
        raise SourceError(f"cannot read {origin}: {exc.text.en}", exc.text.en) from None


def _fetch_one(name: str, source: str | os.PathLike[str] | Mirror, dest: Path, timeout: float,
               progress: Progress | None = None) -> Path:
    """Copy one file into ``dest`` through a temporary file that replaces the target only
    once its size and sha256 are right; on any failure the temporary file is removed."""
    known = known_file(name)
    target = dest / name
    if check_file(target) is None:
        return target  # already there and valid (also covers source == dest)
    origin = _origin(source, name)
    try:
        dest.mkdir(parents=True, exist_ok=True)
        tmp_fd, tmp_name = tempfile.mkstemp(dir=dest, prefix=f".{name}.", suffix=".part")
    except OSError as exc:
        raise DataError(tr("cannot write into {dest}: {why}", "{dest}에 쓸 수 없습니다: {why}", dest=dest,
                           why=exc.strerror)) from exc
    tmp = Path(tmp_name)
    label = f"{name} from {source}"
    try:
        digest, size = hashlib.sha256(), 0
        with os.fdopen(tmp_fd, "wb") as out:
            src, announced = _open_origin(origin, name, source, timeout)
            with src:
                if announced is not None and announced != known.size:
                    problem = f"size mismatch: the server announces {announced} bytes, expected {known.size}"
                    raise SourceError(f"refusing {origin}: {problem}; nothing was written to {dest}", problem)
                downloading = progress is not None and _is_url(source)
                if downloading:
                    progress(label, 0, known.size)
                while chunk := src.read(_DOWNLOAD_CHUNK if downloading else _CHUNK):
                    size += len(chunk)
                    if size > known.size:  # a wrong file or an error page: stop reading
                        break
                    digest.update(chunk)
                    out.write(chunk)
                    if downloading:
                        progress(label, size, known.size)
        if size > known.size:
            problem = f"size mismatch: got more than {known.size} bytes, expected {known.size}"
        else:
            problem = _mismatch(size, digest.hexdigest(), known)
        if problem is not None:
            raise SourceError(f"refusing {origin}: {problem}; nothing was written to {dest}", problem)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        raise SourceError(f"cannot fetch {origin} into {dest}: {exc}", str(exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return target


def local_sources() -> list[Path]:
    """The folders ``fetch`` copies from before trying the mirrors, in order:
    ``$DL_DATASETS_DIR``, the data's home, the per-user folder, the package folder (where
    earlier versions fetched into in a checkout), the shared folder."""
    folders = [f for f in (_env_folder(), home()[0], USER_DIR, PACKAGE_DIR, SHARED_DIR) if f is not None]
    return list(dict.fromkeys(folders))


def _host(source: str | os.PathLike[str] | Mirror, name: str) -> str | None:
    return urllib.parse.urlsplit(_origin(source, name)).netloc if _is_url(source) else None


def _fetch_any(name: str, sources: list, dest: Path, timeout: float, progress: Progress | None,
               dead_hosts: set[str]) -> tuple[Path | None, list[tuple[str, str]]]:
    """The first valid copy of ``name`` from ``sources``, in order, and what each source
    tried said. A host that could not be reached once is not tried again."""
    if check_file(dest / name) is None:
        return dest / name, []
    tried: list[tuple[str, str]] = []
    for source in sources:
        if isinstance(source, Mirror) and name not in source.files:
            continue
        host = _host(source, name)
        if host in dead_hosts:
            tried.append((str(source), "not tried (server unreachable)"))
            continue
        try:
            return _fetch_one(name, source, dest, timeout, progress), tried
        except SourceError as exc:
            if exc.unreachable and host:
                dead_hosts.add(host)
            tried.append((str(source), exc.reason))
    return None, tried


def _summary(tried: list[tuple[str, str]]) -> str:
    """``"A, B: not there; C: HTTP 404 Not Found"``: sources grouped by what they said."""
    groups: list[tuple[list[str], str]] = []
    for where, reason in tried:
        if groups and groups[-1][1] == reason:
            groups[-1][0].append(where)
        else:
            groups.append(([where], reason))
    return "; ".join(f"{', '.join(wheres)}: {reason}" for wheres, reason in groups)


def fetch(
    names: Iterable[str] | None = None,
    source: str | os.PathLike[str] | Mirror | None = None,
    dest: str | os.PathLike[str] | None = None,
    *,
    timeout: float = 30.0,
    mirrors: Iterable[Mirror] | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Copy (or download) data files into ``dest``, verifying each before it lands.

    Parameters
    ----------
    names : iterable of str, optional
        Files of ``KNOWN_FILES`` to fetch; by default the required ones (``REQUIRED``).
    source : path, str or Mirror, optional
        Where to read: a folder holding the files, an ``http(s)://`` base URL
        (``<source>/<name>`` is downloaded), or a `Mirror`. By default each file is looked
        for in `local_sources`, then downloaded from ``mirrors``, in order, until a copy
        verifies.
    dest : path, optional
        The folder to write into; default `default_destination`.
    timeout : float
        Seconds to wait for a download's server.
    mirrors : iterable of Mirror, optional
        The mirrors tried when no source is given; default ``MIRRORS``.
    progress : callable, optional
        Told about each download as it goes (see `Progress`); local copies are silent.

    Returns
    -------
    list of Path
        The verified files in ``dest``, in the order of ``names``. A file already valid in
        ``dest`` is not copied again.

    Raises
    ------
    DataError
        On the first file no source could give. With a ``source``, the message is that
        source's; without one, it is one line naming what each source said, the folder to
        put the files in, and the command to run. A bad file never lands in ``dest``;
        files fetched before it stay (they are valid).
    """
    names = list(REQUIRED) if names is None else list(names)
    for name in names:
        known_file(name)  # reject unknown names before copying anything
    dest = default_destination() if dest is None else Path(dest).expanduser()
    if source is not None:
        return [_fetch_one(name, source, dest, timeout, progress) for name in names]
    sources = [*local_sources(), *(MIRRORS if mirrors is None else mirrors)]
    dead_hosts: set[str] = set()
    fetched = []
    for name in names:
        path, tried = _fetch_any(name, sources, dest, timeout, progress, dead_hosts)
        if path is None:
            missing = [n for n in names if check_file(dest / n) is not None]
            raise DataError(tr(
                "no valid copy of {name} (tried {tried}). Put {missing} into {dest} (or into a folder named by "
                "${var}), or run: {command}",
                "{name}의 올바른 사본이 없습니다 (시도한 곳: {tried}). {missing} 파일을 {dest}에 넣거나 (또는 ${var}에 "
                "지정한 폴더에) 다음을 실행하세요: {command}",
                name=name, tried=_summary(tried), missing=" and ".join(missing), dest=dest, var=ENV_VAR,
                command=f"{fetch_command()} --from DIR_OR_URL"), name=name)
        fetched.append(path)
    return fetched


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
    def status_text(self) -> Text:
        """:attr:`status` in each language."""
        return {"ok": tr("ok", "ok"), "missing": tr("missing", "없음"), "corrupt": tr("corrupt", "손상")}[self.status]

    @property
    def detail(self) -> str:
        """Where the file is, or why it is not usable (in :func:`dlcheck.text.language`)."""
        return str(self.detail_text)

    @property
    def detail_text(self) -> Text:
        """:attr:`detail` in each language."""
        if self.status == "ok":
            return as_text(str(self.path))
        if self.status == "corrupt":
            return as_text(f"{self.path}: {self.places[-1].problem}")
        return tr("not in {places}", "없는 곳: {places}", places=", ".join(f"{p.folder} ({p.origin})" for p in self.places))


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
