"""A grader installed with pip, not editable (as ``examples/gradescope/setup.sh`` and
``examples/ci/grade.yml`` install it), keeps its package in site-packages: the hidden
checks (``autograder/specs``), their compiled ``.pyc``, and ``solutions/`` where an
installed copy looks for them (beside the package, ``autograder.project``). The sandbox
mounts site-packages read-only, for NumPy. An editable checkout is never in the sandbox,
so ``test_adversarial.py`` cannot see this: the installation has to be built for real.

It is: a fresh virtual environment holding a copy of this project (``pip install
--no-deps``, so the checkout stays clean) and NumPy (the worker imports it in the
sandbox); the grader's other dependencies come from this environment through a ``.pth``
file, a folder the sandbox never mounts; the instructor's secret file is kept in the
environment's folder, which the sandbox mounts too. Its ``autograde grade`` then grades a
submission whose ``image2vector`` tries to read those files, as the user each level is for
(root for namespaces, an ordinary user for userns, as in ``test_levels.py``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import site
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from autograder import ROOT
from autograder.sandbox.isolation import ENV_VAR, LEVELS

from . import unprivileged

pytestmark = [pytest.mark.subprocess, pytest.mark.grading, pytest.mark.e2e]

SPEC = "autograder/specs/week2/logistic_regression.py"
SOLUTION = "solutions/week2/logistic_regression.py"
#: Text of the spec's hidden checks (a parameter of the strategy that draws hidden problems:
#: in the .py and, as a name, in its .pyc), and of the solution.
HIDDEN_MARKER, SOLUTION_MARKER = "max_features", "### BEGIN SOLUTION"
SECRET = f"installed-grader-secret-{uuid.uuid4().hex}"
HONEST = ("basic_sigmoid", "sigmoid", "sigmoid_derivative")


@dataclass(frozen=True)
class Installed:
    """A non-editable installation of the grader in a virtual environment of its own."""

    folder: Path         # holds the environment (readable by everyone)
    autograde: Path      # its console script
    site_packages: Path  # where the grader's package, NumPy and solutions/ are
    secret_file: Path    # the instructor's secret, kept in the environment's folder (a mounted root)

    def secrets(self) -> dict[str, str]:
        """What a student must not read, by path: the spec, its .pyc, the solution, the secret file."""
        spec = self.site_packages / SPEC
        pyc = spec.parent / "__pycache__" / f"{spec.stem}.{sys.implementation.cache_tag}.pyc"
        return {str(spec): HIDDEN_MARKER, str(pyc): HIDDEN_MARKER,
                str(self.site_packages / SOLUTION): SOLUTION_MARKER, str(self.secret_file): SECRET}


def _run(argv: list[str], cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def installed() -> Iterator[Installed]:
    """The grader installed as the examples install it (built once for every level)."""
    folder = Path(tempfile.mkdtemp(prefix="autograde-installed-"))
    folder.chmod(0o755)  # the ordinary user of the userns level runs it too
    try:
        source = folder / "source"
        for name in ("autograder", "dlcheck", "dldata"):
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        for name in ("pyproject.toml", "README.md"):
            shutil.copy(ROOT / name, source / name)
        venv = folder / "venv"
        made = _run([sys.executable, "-m", "venv", str(venv)], folder)
        assert made.returncode == 0, made.stderr
        python = venv / "bin" / "python"
        # Before the .pth below: pip would find this environment's NumPy already there.
        install = _run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(source),
                        f"numpy=={np.__version__}"], folder)
        assert install.returncode == 0, install.stdout + install.stderr
        purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], folder)
        site_packages = Path(purelib.stdout.strip())
        # The grader's other dependencies, from this environment. Only a site folder's own
        # .pth files run, so this environment's editable finder for the checkout does not.
        (site_packages / "zz_grader_dependencies.pth").write_text(
            "\n".join([*site.getsitepackages(), sysconfig.get_paths()["purelib"]]) + "\n")
        shutil.copytree(ROOT / "solutions", site_packages / "solutions")  # where an installed copy looks
        hidden = re.findall(r"### BEGIN HIDDEN(.*?)### END HIDDEN", (ROOT / SPEC).read_text(), re.S)
        assert any(HIDDEN_MARKER in region for region in hidden), f"{HIDDEN_MARKER!r} is no longer hidden in {SPEC}"
        compiled = _run([str(python), "-m", "compileall", "-q", str(site_packages / SPEC)], folder)
        assert compiled.returncode == 0, compiled.stdout
        found = _run([str(python), "-c", "import autograder, numpy; print(autograder.__file__, numpy.__file__)"],
                     folder)  # not the checkout, whose folder would come first as the current one
        assert found.returncode == 0, found.stderr
        assert all(Path(p).is_relative_to(site_packages) for p in found.stdout.split()), found.stdout
        secret_file = venv / "autograde-secret"
        secret_file.write_text(SECRET + "\n")
        secret_file.chmod(0o644)  # the ordinary user's grader reads it too
        yield Installed(folder, venv / "bin" / "autograde", site_packages, secret_file)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def submission(secrets: dict[str, str], package: str) -> str:
    """Honest numpy_basics functions, and an ``image2vector`` that tries to lift the cover
    off the grader's package, then raises with what it found of each secret (around its
    marker) and what it sees of the package."""
    return textwrap.dedent(f"""
        import math
        import numpy as np

        def basic_sigmoid(x):
            return 1 / (1 + math.exp(-x))

        def sigmoid(x):
            return 1 / (1 + np.exp(-x))

        def sigmoid_derivative(x):
            s = sigmoid(x)
            return s * (1 - s)

        def image2vector(image):
            import ctypes, os
            libc = ctypes.CDLL(None, use_errno=True)
            libc.unshare(0x10000000 | 0x00020000)  # a user and mount namespace of its own, if allowed
            found = ["lift the cover: " + str(libc.umount2({package!r}.encode(), 2))]  # MNT_DETACH
            for path, marker in {secrets!r}.items():
                try:
                    with open(path, "rb") as f:
                        content = f.read().decode(errors="replace")
                except OSError as exc:
                    found.append(path + " blocked:" + type(exc).__name__)
                    continue
                at = content.find(marker)
                leak = " leak:" + content[at:at + 80] if at >= 0 else ""
                found.append(f"{{path}} read {{len(content)}} bytes{{leak}}")
            try:
                found.append("package lists " + str(sorted(os.listdir({package!r}))))
            except OSError as exc:
                found.append("package blocked:" + type(exc).__name__)
            raise ValueError(" | ".join(found))
    """)


@pytest.mark.namespace_levels
@pytest.mark.parametrize("level", LEVELS, ids=LEVELS)
def test_installed_grader_keeps_its_hidden_checks_and_solutions_from_student_code(level, installed):
    """With the grader installed in site-packages, can a function read the installed hidden
    checks (source and .pyc) or the solution beside them, and carry them out in its message?"""
    if level == "processes":
        pytest.skip("at the processes level student code runs as the grader's user and reads whatever it can: the "
                    "installed grader cannot be hidden (docs/security.md, 'Not protected')")
    if level == "namespaces" and os.geteuid() != 0:
        pytest.skip(f"the namespaces level needs a root grader; this run is uid {os.geteuid()}")
    uid = unprivileged.NOBODY if level == "userns" and os.geteuid() == 0 else os.geteuid()
    home = Path(tempfile.mkdtemp(prefix="autograde-installed-home-"))
    try:
        home.chmod(0o755)
        os.chown(home, uid, uid)
        secrets = installed.secrets()
        assert all(marker in Path(path).read_bytes().decode(errors="replace") for path, marker in secrets.items())
        path = home / "numpy_basics.py"
        path.write_text(submission(secrets, str(installed.site_packages / "autograder")))
        env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "TMPDIR": str(home), "LANG": "C.UTF-8",
               "HYPOTHESIS_STORAGE_DIRECTORY": str(home / "hypothesis"), "PYTHONDONTWRITEBYTECODE": "1",
               "AUTOGRADE_SECRET_FILE": str(installed.secret_file), ENV_VAR: level,
               **{k: v for k, v in os.environ.items() if k.startswith("OPENBLAS_")}}
        argv = [str(installed.autograde), "grade", "--notebook", "week2/numpy_basics", "--format", "json", str(path)]
        if uid == os.geteuid():
            done = subprocess.run(argv, cwd=home, env=env, capture_output=True, text=True, timeout=300)
        else:
            stage = installed.folder / f"stage-{level}"
            stage.mkdir()
            done = unprivileged.run(argv, env, stage, uid, cwd=home, capture_output=True, text=True, timeout=300)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if done.returncode == 2 and "does not offer" in done.stderr:
        pytest.skip(f"the {level} level is not offered to uid {uid} here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    [report] = json.loads(done.stdout)
    assert report["isolation"] == level
    scores = {t["function"]: (t["score"], t["max_score"]) for t in report["tests"]}
    message = next(t["message"] for t in report["tests"] if t["function"] == "image2vector")
    assert all(scores[name][0] == scores[name][1] for name in HONEST), scores
    assert scores["image2vector"][0] == 0
    for secret, marker in secrets.items():
        assert f"{secret} blocked:" in message or f"{secret} read 0 bytes" in message, message
        assert marker not in done.stdout + done.stderr
    assert "package lists []" in message, message


@pytest.mark.namespace_levels
def test_doctor_of_an_installed_grader_names_what_the_sandbox_covers(installed):
    """Does ``autograde doctor`` of the installed grader say that its package, the solutions
    beside it and the secret file are covered in the sandbox?"""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(installed.folder), "LANG": "C.UTF-8",
           "AUTOGRADE_SECRET_FILE": str(installed.secret_file)}
    done = subprocess.run([str(installed.autograde), "doctor"], cwd=installed.folder, env=env, capture_output=True,
                          text=True, timeout=120)
    lines = done.stdout.splitlines()
    if any(line.split()[:1] == ["processes"] and line.endswith("<- grading uses this one") for line in lines):
        pytest.skip("this machine offers only the processes level, which covers nothing")
    covered = next((line for line in lines if line.strip().startswith("covered in the sandbox")), done.stdout)
    for path in (installed.site_packages / "autograder", installed.site_packages / "solutions", installed.secret_file):
        assert str(path) in covered.split(), covered
