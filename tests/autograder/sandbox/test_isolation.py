"""Choosing the isolation level: the strongest offered, a weaker one on request, never a
stronger one; the process quota each level sets; and which of the grader's files lying in
the sandbox's read-only folders are covered."""

import os
import sys
from pathlib import Path

import pytest

from autograder.sandbox import isolation
from autograder.sandbox.isolation import ENV_VAR, LEVELS, Limits
from dlcheck.checks import GraderError

OFFERED = isolation.offered()
STRONGEST = next(name for name in LEVELS if OFFERED[name] is None)


def test_processes_level_is_offered_everywhere():
    """Is there always a level to fall back to?"""
    assert OFFERED["processes"] is None and isolation.strongest() == STRONGEST


def test_without_a_request_the_strongest_offered_level_is_used(monkeypatch):
    """Does grading use the strongest level the machine offers when nobody asks?"""
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert isolation.level() == STRONGEST


@pytest.mark.parametrize("wanted", [n for n in LEVELS if OFFERED[n] is None], ids=str)
def test_an_offered_level_is_used_when_asked(wanted, monkeypatch):
    """Does ``AUTOGRADE_ISOLATION`` choose any level the machine offers?"""
    monkeypatch.setenv(ENV_VAR, wanted)
    assert isolation.level() == wanted


def test_a_level_not_offered_is_refused_with_the_reason(monkeypatch):
    """Is asking for a level the machine does not offer a grader error that says why,
    rather than a silent fallback to a weaker one?"""
    refused = [n for n in LEVELS if OFFERED[n] is not None]
    if not refused:
        pytest.skip("this machine offers every level")
    monkeypatch.setenv(ENV_VAR, refused[0])
    with pytest.raises(GraderError) as caught:
        isolation.level()
    assert OFFERED[refused[0]] in str(caught.value.text) and f"strongest it offers is {STRONGEST}" in str(
        caught.value.text)


def test_an_unknown_level_is_refused(monkeypatch):
    """Is a typo in ``AUTOGRADE_ISOLATION`` an error naming the levels?"""
    monkeypatch.setenv(ENV_VAR, "container")
    with pytest.raises(GraderError, match="namespaces, userns, processes"):
        isolation.level()


def test_namespaces_level_needs_root():
    """Does an ordinary user's grader say that the namespaces level needs root?"""
    if os.geteuid() == 0:
        assert OFFERED["namespaces"] is None or "root" not in OFFERED["namespaces"]
    else:
        assert OFFERED["namespaces"] == f"needs root (the grader runs as uid {os.geteuid()})"


@pytest.mark.parametrize("level", ["namespaces", "userns"], ids=str)
def test_a_sandbox_with_a_uid_or_user_namespace_of_its_own_gets_the_whole_quota(level):
    """Is the process quota :attr:`Limits.processes` where the kernel counts it for the
    sandbox alone (its own uid; its own user namespace since Linux 5.14)?"""
    if level == "userns" and os.geteuid() != 0 and not isolation.nproc_per_user_namespace():
        pytest.skip("Linux < 5.14 counts processes per uid")
    assert isolation.process_quota(level, Limits(processes=16)) == 16


def test_processes_level_quota_leaves_the_grader_its_own():
    """At the processes level (the grader's uid), is the quota what that uid runs now plus
    the sandbox's share, and none for root, which the kernel does not bound?"""
    quota = isolation.process_quota("processes", Limits(processes=16))
    if os.geteuid() == 0:
        assert quota is None
    else:
        assert quota >= 16 + 1  # this process counts too


def test_the_grader_package_is_covered_where_a_read_only_root_holds_it():
    """Installed in site-packages (a read-only root, for NumPy), is the grader's package
    covered, and is nothing covered that no root holds?"""
    package = Path(isolation.__file__).resolve().parents[1]
    assert str(package) in isolation.hidden_paths([str(package.parent)])
    assert isolation.hidden_paths(["/nonexistent-root"]) == []
    roots = isolation.read_only_roots()
    assert all(any(p == r or p.startswith(r + "/") for r in roots) for p in isolation.hidden_paths(roots))


def test_a_secret_file_project_and_cache_under_a_root_are_covered_outermost_first(tmp_path, monkeypatch):
    """Does a secret file, another project's specs, solutions and cache, and their compiled
    copies under ``sys.pycache_prefix``, lying under a read-only root, get covered, each
    folder once (not what lies inside a covered one)?"""
    tmp_path = tmp_path.resolve()
    project = tmp_path / "course-project"
    for folder in ("autograder/specs", "solutions", ".autograde/cache", "assignments"):
        (project / folder).mkdir(parents=True)
    (tmp_path / "secret").write_text("s3cret")
    (tmp_path / "pyc" / str(project / "solutions").lstrip("/")).mkdir(parents=True)
    monkeypatch.setenv("AUTOGRADE_PROJECT", str(project))
    monkeypatch.setenv("AUTOGRADE_SECRET_FILE", str(tmp_path / "secret"))
    monkeypatch.setenv("AUTOGRADE_CACHE_DIR", str(project / ".autograde" / "cache"))
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "pyc"))
    expected = [project / ".autograde", project / "autograder", project / "solutions",
                tmp_path / "pyc" / str(project / "solutions").lstrip("/"), tmp_path / "secret"]
    assert isolation.hidden_paths([str(tmp_path)]) == sorted(str(p) for p in expected)
