"""Running a command as an ordinary user, from a root test run: the grader as most
instructors run it (no root), so that the ``userns`` and ``processes`` levels are tested
the way they are used.

The user is ``nobody`` (65534, present everywhere), with no supplementary groups. Python
and the project must be reachable by it; a folder on the way that only root may enter
(``/root``, where pyenv puts Python) is made enterable in a private mount namespace of
the command: a mode-0755 tmpfs over it, holding binds of only the folders needed below
it. Nothing changes outside that namespace.
"""

from __future__ import annotations

import os
import shlex
import site
import stat
import subprocess
import sys
from pathlib import Path

from autograder import ROOT

NOBODY = 65534


def needed_paths() -> list[Path]:
    """The folders an ordinary user must reach to run this Python and this project."""
    paths = [Path(os.path.realpath(sys.executable)).parent, Path(sys.base_prefix), Path(sys.prefix), ROOT,
             *(Path(p) for p in site.getsitepackages())]
    return [Path(os.path.realpath(p)) for p in paths]


def _blocked(folder: Path, uid: int) -> bool:
    """Can ``uid`` (no groups) not enter ``folder``?"""
    st = folder.stat()
    if st.st_uid == uid:
        return not st.st_mode & stat.S_IXUSR
    return not st.st_mode & stat.S_IXOTH


def _reach_script(paths: list[Path], uid: int) -> str:
    """Shell lines that make ``paths`` reachable for ``uid`` in the current mount namespace."""
    children: dict[Path, set[str]] = {}
    for path in paths:
        for ancestor in path.parents:
            if ancestor.parent != ancestor and _blocked(ancestor, uid) and not any(
                    _blocked(outer, uid) for outer in ancestor.parents if outer.parent != outer):
                children.setdefault(ancestor, set()).add(path.relative_to(ancestor).parts[0])
    lines = ["set -e", 'STAGE="$1"; shift']
    for i, (folder, names) in enumerate(sorted(children.items())):
        q = shlex.quote(str(folder))
        for name in sorted(names):
            n = shlex.quote(name)
            lines.append(f'mkdir -p "$STAGE/{i}/"{n}; mount --bind {q}/{n} "$STAGE/{i}/"{n}')
        lines.append(f"mount -t tmpfs -o mode=0755,size=1m reach {q}")
        for name in sorted(names):
            n = shlex.quote(name)
            lines.append(f'mkdir {q}/{n}; mount --bind "$STAGE/{i}/"{n} {q}/{n}')
    lines.append('exec "$@"')
    return "\n".join(lines)


def command(argv: list[str], env: dict[str, str], stage: Path, uid: int = NOBODY,
            open_to: int | None = None) -> list[str]:
    """``argv`` run as ``uid`` with exactly ``env``, from a root process, the folders it
    needs reachable by ``open_to`` (default ``uid``); ``stage`` is an empty folder for the
    mount namespace's own use."""
    become = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--", "env", "-i",
              *(f"{k}={v}" for k, v in env.items())]
    return ["unshare", "--mount", "--propagation", "private", "--", "/bin/sh", "-c",
            _reach_script(needed_paths(), uid if open_to is None else open_to), "reach", str(stage), *become, *argv]


def run(argv: list[str], env: dict[str, str], stage: Path, uid: int = NOBODY, open_to: int | None = None,
        **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command(argv, env, stage, uid, open_to), **kwargs)
