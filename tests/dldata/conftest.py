"""Fixtures for the dldata tests: isolated search folders, fake known files, real data.

Every test runs with the default folders pointed at empty temporary ones,
``DL_DATASETS_DIR`` unset and no mirrors, so files a developer fetched never change a
result; a download from anywhere but this machine fails the test (no test touches the
real network). Fake files are made on the fly and registered in ``KNOWN_FILES`` under a
real name with their own size and sha256.
"""

from __future__ import annotations

import hashlib
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import h5py
import numpy as np
import pytest
from needs import fixture_needs

from dldata import catvnoncat, store
from dldata.store import KnownFile

#: The real files, beside the project as ``../shared/datasets`` (read before any patching).
REAL_DIR = store.SHARED_DIR

Register = Callable[[str, bytes], KnownFile]


@pytest.fixture(autouse=True)
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    """Empty stand-ins for the default folders (the clone's datasets/ folder, with its
    README, is the data's home), plus two more for data_dir and the env var."""
    f = SimpleNamespace(
        project=tmp_path / "project" / "datasets",
        package=tmp_path / "project" / "dldata",
        user=tmp_path / "home" / "dl-exercises",
        shared=tmp_path / "shared" / "datasets",
        explicit=tmp_path / "explicit",
        env=tmp_path / "env",
    )
    for folder in vars(f).values():
        folder.mkdir(parents=True)
    (f.project / "README.md").write_text("the project's data folder\n")
    monkeypatch.setattr(store, "PACKAGE_DIR", f.package)
    monkeypatch.setattr(store, "PROJECT_DATA_DIR", f.project)
    monkeypatch.setattr(store, "USER_DIR", f.user)
    monkeypatch.setattr(store, "SHARED_DIR", f.shared)
    monkeypatch.setattr(store, "MIRRORS", ())
    monkeypatch.setattr(urllib.request, "urlopen", _local_only(urllib.request.urlopen))
    monkeypatch.delenv(store.ENV_VAR, raising=False)
    store.clear_cache()
    catvnoncat.clear_cache()
    return f


def _local_only(urlopen: Callable) -> Callable:
    """``urlopen`` for this machine's servers only: anything else fails the test."""

    def guarded(url, *args, **kwargs):
        host = urllib.parse.urlsplit(url if isinstance(url, str) else url.full_url).hostname
        if host not in ("127.0.0.1", "localhost"):
            pytest.fail(f"a test tried to reach the network: {url}")
        return urlopen(url, *args, **kwargs)

    return guarded


@pytest.fixture
def register(monkeypatch: pytest.MonkeyPatch) -> Register:
    """Make ``content`` the known, valid content of the data file ``name`` for one test."""

    def _register(name: str, content: bytes) -> KnownFile:
        known = KnownFile(name, len(content), hashlib.sha256(content).hexdigest(), "fake")
        monkeypatch.setitem(store.KNOWN_FILES, name, known)
        return known

    return _register


def write_catvnoncat_h5(path: Path, split: str, x: np.ndarray, y: np.ndarray,
                        classes: list[bytes] | None = None) -> None:
    """Write an HDF5 file laid out like the course's ``<split>_catvnoncat.h5``."""
    with h5py.File(path, "w") as f:
        f[f"{split}_set_x"] = x
        f[f"{split}_set_y"] = y
        if classes is not None:
            f["list_classes"] = np.array(classes)


@pytest.fixture
def write_h5() -> Callable[..., None]:
    """`write_catvnoncat_h5`, for tests (a fixture, since test modules do not import conftest)."""
    return write_catvnoncat_h5


@pytest.fixture
def fake_pair(tmp_path: Path, register: Register) -> SimpleNamespace:
    """A tiny, registered cat/non-cat pair: 6 training and 4 test images of 4x5x3 pixels.

    Height, width and channels differ so that a wrong flatten order cannot pass by symmetry.
    """
    rng = np.random.default_rng(0)
    fake = SimpleNamespace(
        folder=tmp_path / "fake",
        train_x=rng.integers(0, 256, size=(6, 4, 5, 3), dtype=np.uint8),
        train_y=np.array([1, 0, 0, 1, 1, 0], dtype=np.int64),
        test_x=rng.integers(0, 256, size=(4, 4, 5, 3), dtype=np.uint8),
        test_y=np.array([0, 1, 0, 0], dtype=np.int64),
        classes=[b"non-cat", b"cat"],
    )
    fake.folder.mkdir()
    for split, x, y in [("train", fake.train_x, fake.train_y), ("test", fake.test_x, fake.test_y)]:
        path = fake.folder / f"{split}_catvnoncat.h5"
        write_catvnoncat_h5(path, split, x, y, fake.classes)
        register(path.name, path.read_bytes())
    return fake


@pytest.fixture
@fixture_needs("real_data")
def real_dir() -> Path:
    """The folder of the real data files; skips the test when the cat/non-cat pair is absent."""
    absent = [name for name in store.REQUIRED if not (REAL_DIR / name).is_file()]
    if absent:
        pytest.skip(f"real data not found: {', '.join(absent)} missing from {REAL_DIR}")
    return REAL_DIR
