"""Tests of the markers' guard (``tests/support/needs.py``) and of the fast tier that
relies on it: does a test that needs a sandbox, a child process, the real data or an
nbgrader application fail unless its markers say so, and does ``make check`` leave out
every test marked with a need?

Each case runs the guard for a stand-in test inside this one; nothing is started or read
(the guard refuses before), so these tests are part of ``make check`` themselves.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator

import h5py
import needs
import numpy as np
import pytest

from autograder import ROOT
from autograder.sandbox.sandbox import Sandbox


class StandIn:
    """What the guard reads of a test: its markers and its id."""

    def __init__(self, *markers: str) -> None:
        self.markers = [getattr(pytest.mark, name).mark for name in markers]
        self.nodeid = f"stand-in marked {markers}"

    def iter_markers(self):
        return iter(self.markers)


@pytest.fixture(autouse=True)
def refusing(monkeypatch):
    """The guard refuses in these tests, in a survey run too (``NEEDS_SURVEY``), where it
    would otherwise list the stand-ins' needs and let them run."""
    monkeypatch.setattr(needs.GUARD, "survey", None)


@contextlib.contextmanager
def refused(need: str) -> Iterator[None]:
    """The block, run as an unmarked test, is refused ``need`` where it asks, and the test
    fails even if the code under test swallows the refusal."""
    with pytest.raises(pytest.fail.Exception, match=f"not marked '{need}'"):
        with needs.GUARD.running(StandIn()):
            with pytest.raises(needs.UndeclaredNeed, match=f"not marked '{need}'"):
                yield


def start_a_sandbox() -> None:
    sandbox = Sandbox([("<cell 1>", "x = 1\n")], {})  # may refuse already: the level's trial run is a sandbox
    try:
        sandbox.start()
    finally:
        sandbox.close()


def test_an_unmarked_test_cannot_start_a_child_process():
    with refused("subprocess"):
        subprocess.run(["true"])


@pytest.mark.parametrize("start", [
    lambda: os.system("true"),
    lambda: os.fork() or os._exit(0),  # were it not refused, the child would leave at once
    lambda: os.posix_spawnp("true", ["true"], {}),
], ids=["os.system", "os.fork", "os.posix_spawnp"])
def test_other_ways_to_start_a_process_are_refused_too(start):
    with refused("subprocess"):
        start()


def test_a_process_started_by_the_sandbox_package_needs_grading():
    with refused("grading"):
        start_a_sandbox()
    # Any process the sandbox package starts counts, whatever it is.
    code = compile("import subprocess\nsubprocess.run(['true'])\n", str(ROOT / "autograder" / "sandbox" / "x.py"),
                   "exec")
    with refused("grading"):
        exec(code, {})


def test_a_swallowed_refusal_still_fails_the_test():
    with pytest.raises(pytest.fail.Exception, match="not marked 'subprocess'"):
        with needs.GUARD.running(StandIn()):
            with contextlib.suppress(Exception):
                subprocess.run(["true"])


def test_a_survey_lists_an_undeclared_need_instead_of_refusing_it(tmp_path, monkeypatch):
    survey = tmp_path / "survey.txt"
    monkeypatch.setattr(needs.GUARD, "survey", str(survey))
    with needs.GUARD.running(StandIn()):
        needs.GUARD.check("subprocess", "starts a child process")
    assert survey.read_text() == "stand-in marked ()\tsubprocess\tstarts a child process\n"


def test_marked_needs_are_allowed_and_nothing_is_guarded_between_tests():
    with needs.GUARD.running(StandIn("grading", "subprocess", "real_data", "nbgrader")):
        for need in needs.NEEDS:
            assert not needs.GUARD.refuses(need)
    with needs.GUARD.running(StandIn("subprocess")):
        assert needs.GUARD.refuses("grading") and not needs.GUARD.refuses("subprocess")
    outside = needs.GUARD.allowed
    needs.GUARD.allowed = None
    try:
        assert not any(needs.GUARD.refuses(need) for need in needs.NEEDS)
    finally:
        needs.GUARD.allowed = outside


def test_opening_a_real_data_file_needs_real_data(tmp_path, monkeypatch):
    """A file is real by its size and sha256 (here a stand-in registered as real), wherever
    it lies and whatever its name; another file of the same size is not."""
    real, other = tmp_path / "copy.h5", tmp_path / "other.h5"
    for path, value in [(real, 1.0), (other, 2.0)]:
        with h5py.File(path, "w") as f:
            f["x"] = np.full(4, value)
    assert real.stat().st_size == other.stat().st_size
    monkeypatch.setitem(needs.REAL_FILES, (real.stat().st_size, hashlib.sha256(real.read_bytes()).hexdigest()),
                        "train_catvnoncat.h5")
    with refused("real_data"):
        h5py.File(real, "r")
    with needs.GUARD.running(StandIn()):
        h5py.File(other, "r").close()
    with needs.GUARD.running(StandIn("real_data")):
        h5py.File(real, "r").close()


def test_verifying_a_real_data_file_needs_real_data(tmp_path, monkeypatch):
    from dldata import store

    content = b"the real file, in this test"
    path = tmp_path / "train_catvnoncat.h5"
    path.write_bytes(content)
    sha = hashlib.sha256(content).hexdigest()
    monkeypatch.setitem(store.KNOWN_FILES, path.name, store.KnownFile(path.name, len(content), sha, "stand-in"))
    store.clear_cache()
    with needs.GUARD.running(StandIn()):
        assert store.check_file(path) is None  # a registered fake: not the real data
    monkeypatch.setitem(needs.REAL_FILES, (len(content), sha), path.name)
    store.clear_cache()
    with refused("real_data"):
        store.check_file(path)


def test_running_nbgrader_or_exporting_a_notebook_needs_nbgrader(tmp_path):
    """Importing nbgrader (its gradebook API) needs no mark; its API and nbconvert's exporters do."""
    import nbformat
    from nbconvert import HTMLExporter
    from nbgrader.apps.api import NbGraderAPI

    with refused("nbgrader"):
        NbGraderAPI()
    with refused("nbgrader"):
        HTMLExporter().from_notebook_node(nbformat.v4.new_notebook())


def test_make_check_leaves_out_every_marked_need_and_the_markers_are_registered():
    makefile = (ROOT / "Makefile").read_text()
    [pure] = re.findall(r"^PURE := (.*)$", makefile, re.MULTILINE)
    left_out = set(re.fullmatch(r"not \((.*)\)", pure).group(1).split(" or "))
    assert left_out == {*needs.NEEDS, "e2e", "slow"}
    registered = {m.split(":")[0] for m in tomllib.loads((ROOT / "pyproject.toml").read_text())
                  ["tool"]["pytest"]["ini_options"]["markers"]}
    assert left_out <= registered


def test_the_guard_is_in_place_in_every_run():
    """tests/conftest.py loads it, so ``make test`` and ``make check`` alike fail an unmarked need."""
    assert hasattr(subprocess.Popen._execute_child, "__wrapped__")
    assert any(isinstance(f, needs._GuardOnImport) for f in sys.meta_path)
