"""The adversarial suite at every isolation level this machine offers, each run the way
that level is used: ``namespaces`` by a root grader, ``userns`` and ``processes`` by an
ordinary user (``nobody`` when this run is root, see :mod:`.unprivileged`).

The level of this very run is tested by the suite itself; the other levels by running
the :data:`SUITE` again in a subprocess with ``AUTOGRADE_ISOLATION`` set. A level the
machine does not offer is skipped with the reason it is not.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from autograder import ROOT
from autograder.sandbox.isolation import ENV_VAR, LEVELS

from . import unprivileged
from .conftest import LEVEL

# The suite again, in a pytest child per level (the adversarial cases grade the model on the real data).
pytestmark = [pytest.mark.subprocess, pytest.mark.grading, pytest.mark.real_data]

#: Skip reasons a level's run may give, by level (the kernel one: Linux < 5.14 counts
#: processes per uid, so sandboxes of one ordinary user share their process quota).
ALLOWED_SKIPS = {
    "namespaces": (),
    "userns": ("counts processes per uid",),
    "processes": ("holds at the namespaces and userns isolation levels",),
}
#: Fewest cases that must run (not be skipped) at a level: most of the suite holds everywhere.
FEWEST_RUN = 45
#: What runs again at each other level: the attacks on the sandbox and on the grading logic
#: around it (time-outs, deaths, retries), which the level changes. The files a class hands
#: in are read, and the instructor's tools write, in the grader's own process, the same
#: code at every level (tests/security/test_class_files.py, test_instructor_tools.py).
SUITE = ("tests/security/test_adversarial.py", "tests/security/test_grading_logic.py")


def _user_of(level: str) -> int:
    """The uid a grader at ``level`` runs as, in this test."""
    if level == "namespaces" or os.geteuid() != 0:
        return os.geteuid()
    return unprivileged.NOBODY


@pytest.fixture
def workspace() -> Iterator[Path]:
    """A temporary folder only the test's user may use (home, caches, pytest's tmp)."""
    folder = Path(tempfile.mkdtemp(prefix="autograde-levels-"))
    folder.chmod(0o711)  # enterable, for the home made inside for another user
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run_as(uid: int, argv: list[str], env: dict[str, str], workspace: Path, timeout: float):
    if uid == os.geteuid():
        return subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    stage = workspace / "stage"
    stage.mkdir(exist_ok=True)
    return unprivileged.run(argv, env, stage, uid, cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def _environment(level: str, home: Path) -> dict[str, str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "TMPDIR": str(home), "LANG": "C.UTF-8",
           "AUTOGRADE_CACHE_DIR": str(home / "cache"), "HYPOTHESIS_STORAGE_DIRECTORY": str(home / "hypothesis"),
           "PYTHONDONTWRITEBYTECODE": "1", ENV_VAR: level}
    env.update({k: v for k, v in os.environ.items() if k.startswith("OPENBLAS_")})  # the machine's BLAS needs
    return env


@pytest.mark.parametrize("level", LEVELS, ids=LEVELS)
def test_adversarial_suite_holds_at_level(level, workspace):
    """Does every case of the adversarial suite that a level claims hold at that level,
    with the grader run as the user that level is meant for?"""
    if level == LEVEL:
        pytest.skip(f"this run is at the {level} level: the suite itself tests it")
    uid = _user_of(level)
    home = workspace / "home"
    home.mkdir()
    os.chown(home, uid, uid)
    env = _environment(level, home)
    python = [str(Path(sys.executable).absolute())]
    offered = _run_as(uid, [*python, "-c", "import json; from autograder.sandbox import isolation; "
                                           "print(json.dumps(isolation.offered()))"], env, workspace, 120)
    assert offered.returncode == 0, offered.stderr[-2000:]
    why_not = json.loads(offered.stdout.strip().splitlines()[-1])[level]
    if why_not is not None:
        pytest.skip(f"the {level} level is not offered to uid {uid} here: {why_not}")

    report = home / "report.xml"
    done = _run_as(uid, [*python, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--basetemp", str(home / "pytest"),
                         f"--junitxml={report}", *SUITE], env, workspace, 1200)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    cases = ET.parse(report).getroot().iter("testcase")
    skips = {case.get("name"): case.find("skipped").get("message", "") for case in cases
             if case.find("skipped") is not None}
    ran = sum(1 for _ in ET.parse(report).getroot().iter("testcase")) - len(skips)
    unexpected = {name: why for name, why in skips.items()
                  if not any(allowed in why for allowed in ALLOWED_SKIPS[level])}
    assert not unexpected, f"cases skipped at the {level} level: {unexpected}"
    assert ran >= FEWEST_RUN, f"only {ran} cases ran at the {level} level"


ROOT_PROBE = """
import json, textwrap
from autograder.sandbox import isolation
from autograder.sandbox.sandbox import Sandbox
probe = textwrap.dedent('''
    def probe():
        import os
        ranges = [[int(n) for n in line.split()] for line in open("/proc/self/uid_map")]
        status = dict(line.split(":", 1) for line in open("/proc/self/status"))
        return {"uid": os.getuid(), "map": ranges, "caps": status["CapEff"].strip(),
                "bounding": status["CapBnd"].strip(), "no_new_privs": status["NoNewPrivs"].strip()}
''')
with Sandbox([("<cell 1>", probe)], {}) as sandbox, sandbox.open("probe", {}) as session:
    print(json.dumps({"level": sandbox.level, "identity": session.call().value}))
"""


@pytest.mark.skipif(os.geteuid() != 0, reason="a root grader's userns level: this run is not root")
def test_root_grader_builds_the_userns_level_as_a_sandbox_uid(workspace):
    """Asked for the userns level, does a root grader make the user namespace as a sandbox
    uid (never as the real root, whom no process limit bounds), with no capabilities?"""
    env = dict(_environment("userns", workspace), HOME=str(workspace))
    stage = workspace / "stage"
    stage.mkdir()
    # root, in a mount namespace where the Python folders are open to other users
    done = unprivileged.run([str(Path(sys.executable).absolute()), "-c", ROOT_PROBE], env, stage, uid=0,
                            open_to=unprivileged.NOBODY, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    identity = found["identity"]
    assert found["level"] == "userns" and identity["uid"] == 0
    [[inside, outside, count]] = identity["map"]
    assert (inside, count) == (0, 1) and 60000 <= outside < 61000  # isolation.UID_FIRST, UID_COUNT
    assert int(identity["caps"], 16) == int(identity["bounding"], 16) == 0 and identity["no_new_privs"] == "1"
