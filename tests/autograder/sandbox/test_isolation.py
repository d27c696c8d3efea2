"""Choosing the isolation level: the strongest offered, a weaker one on request, never a
stronger one; and the process quota each level sets."""

import os

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
