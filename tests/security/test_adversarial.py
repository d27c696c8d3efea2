"""The adversarial suite: one hostile submission per threat, each graded for real.

Every case asks the same questions. Does the hostile function get 0? Do the honest
functions of the same submission keep their points? Does the grader return, and within
:data:`~tests.security.conftest.WALL_BOUND`? And, where it applies: did nothing outside
the sandbox change, and did no secret reach the report? docs/security.md maps each threat
to its defence and to the test id here.

Cases marked ``namespace_levels`` hold at the namespaces and userns isolation levels only
and are skipped, with the reason, at the processes level; the others hold at every level
(``AUTOGRADE_ISOLATION=processes pytest tests/security`` checks the processes level).
"""

from __future__ import annotations

import dataclasses
import os
import re
import signal
import socket
import subprocess
import tempfile
import textwrap
import time
import uuid
from pathlib import Path

import pytest

from autograder import ROOT
from autograder.sandbox import isolation
from autograder.sandbox.sandbox import Sandbox
from autograder.sandbox.session import Returned
from autograder.specs.week2.logistic_regression import notebook as FULL_SPEC

from .conftest import (
    HONEST,
    LEVEL,
    LIMITS,
    PROTOCOL_HELPERS,
    SPEC,
    WALL_BOUND,
    assert_contained,
    namespace_levels_only,
    not_root_at_processes,
)


def _case(id_: str, hostile: str, prelude: str = "", replaces: tuple[str, ...] = ("sigmoid",)):
    return pytest.param(hostile, prelude, replaces, id=id_)


# -- faking a pass --------------------------------------------------------------------------

GRADED_ALL = tuple(f.name for f in SPEC.functions)

#: Grading propagate, ask the grader for the reference propagate (only sigmoid is a callee).
FORGED_CALLBACK = """
    def propagate(w, b, X, Y):
        sock = _protocol_socket()
        _send_frame(sock, {"op": "callback", "function": "propagate", "args": [w, b, X, Y], "kwargs": {}})
        reply = _receive_frame(sock)
        if reply.get("op") == "return":
            return reply["value"]
        raise LookupError(str(reply.get("message")))
"""

PATCH_AT_IMPORT = """
    import builtins
    np.allclose = lambda *args, **kwargs: True
    np.isclose = lambda *args, **kwargs: True
    np.array_equal = lambda *args, **kwargs: True
    np.testing.assert_allclose = lambda *args, **kwargs: None
    np.testing.assert_array_equal = lambda *args, **kwargs: None
    builtins.abs = lambda x: 0
"""

FAKE_PASS = [
    _case("patch-numpy-and-abs-at-import", prelude=PATCH_AT_IMPORT, hostile="""
        def sigmoid(z):
            return np.zeros_like(z)
    """),
    _case("patch-isinstance-at-import", prelude="""
        import builtins
        builtins.isinstance = lambda obj, kinds: True
    """, replaces=GRADED_ALL, hostile=""),
    _case("patch-everything-in-function", hostile="""
        def sigmoid(z):
            import builtins
            np.allclose = lambda *args, **kwargs: True
            np.testing.assert_allclose = lambda *args, **kwargs: None
            builtins.isinstance = lambda obj, kinds: True
            builtins.abs = lambda x: 0
            return np.zeros_like(z)
    """),
    _case("ndarray-subclass-that-lies", hostile="""
        class _Always(np.ndarray):
            def __eq__(self, other):
                return np.ones(np.shape(other), dtype=bool)
            shape = property(lambda self: (3,))

        def sigmoid(z):
            return np.zeros(np.shape(z)).view(_Always)
    """),
    _case("array-protocol-and-eq-true", hostile="""
        class _Fake:
            def __array__(self, dtype=None, copy=None):
                return np.full(3, 0.5)
            def __eq__(self, other):
                return True
            def __float__(self):
                return 0.5
            def __len__(self):
                return 3

        def sigmoid(z):
            return _Fake()
    """),
    _case("int-subclass-equal-to-everything", hostile="""
        class _Int(int):
            def __eq__(self, other):
                return True
            __hash__ = int.__hash__
            def __sub__(self, other):
                return 0

        def sigmoid(z):
            return _Int(1)
    """),
    _case("print-PASSED", hostile="""
        def sigmoid(z):
            print("PASSED")
            print("All tests passed!")
    """),
    _case("print-json-score", hostile="""
        def sigmoid(z):
            import json, os, sys
            text = json.dumps({"score": 3.0, "max_score": 3.0, "passed": True, "message": "passed 2 checks"})
            print(text)
            sys.__stdout__.write(text)
            os.write(1, text.encode())
            os.write(2, text.encode())
    """),
    _case("exception-message-says-passed", hostile="""
        def sigmoid(z):
            raise AssertionError("passed 2 checks: values on a small array and a scalar")
    """),
    _case("sys-exit-0", hostile="""
        def sigmoid(z):
            import sys
            sys.exit(0)
    """),
    _case("os-_exit-0", hostile="""
        def sigmoid(z):
            import os
            os._exit(0)
    """),
    _case("keyboard-interrupt", hostile="""
        def sigmoid(z):
            raise KeyboardInterrupt
    """),
    _case("sigkill-itself", hostile="""
        def sigmoid(z):
            import os, signal
            os.kill(os.getpid(), signal.SIGKILL)
    """),
    _case("sigkill-the-worker", hostile="""
        def sigmoid(z):
            import os, signal
            os.kill(os.getppid(), signal.SIGKILL)
            return np.zeros_like(z)
    """),
    _case("forged-malformed-frame", prelude=PROTOCOL_HELPERS, hostile="""
        def sigmoid(z):
            import os
            _send_raw(_protocol_socket(), {"$t": "dict", "v": [["op", "return"],
                      ["value", {"$t": "nd", "dtype": "<f8", "shape": [3]}]]})
            os._exit(0)
    """),
    _case("forged-garbage-bytes", prelude=PROTOCOL_HELPERS, hostile="""
        def sigmoid(z):
            _protocol_socket().sendall(bytes(8) + b"not a frame" * 100)
            return np.zeros_like(z)
    """),
    _case("forged-answers-ahead", prelude=PROTOCOL_HELPERS, hostile="""
        def sigmoid(z):
            # the public answers are known in advance; the hidden ones are not
            sock = _protocol_socket()
            _send_frame(sock, {"op": "return", "value": np.array([0.26894142, 0.5, 0.88079708]), "stdout": ""})
            _send_frame(sock, {"op": "return", "value": 0.5, "stdout": ""})
            return np.zeros_like(z)
    """),
    _case("forged-callback-for-the-answer", prelude=PROTOCOL_HELPERS, replaces=("propagate",),
          hostile=FORGED_CALLBACK),
]


@pytest.mark.parametrize("hostile, prelude, replaces", FAKE_PASS)
def test_faking_a_pass_earns_nothing(hostile, prelude, replaces, write, grade):
    """Can a submission pass a function it did not implement by patching the comparisons,
    returning objects that lie, printing a result, exiting, or forging protocol frames?"""
    graded = grade(write(hostile, replaces=replaces, prelude=prelude))
    if replaces == GRADED_ALL:
        # A top-level patch of isinstance breaks the submission's own worker before it
        # answers the load request: the whole file scores 0 (its own doing).
        assert graded.report.score == 0 and len(graded.report.tests) == len(SPEC.functions)
        assert graded.seconds < WALL_BOUND
        return
    assert_contained(graded, hostile=replaces)


def test_forged_callback_is_refused(write, grade):
    """Can a function ask the grader to run the reference version of itself?"""
    graded = grade(write(FORGED_CALLBACK, replaces=("propagate",), prelude=PROTOCOL_HELPERS))
    assert "'propagate' is not available" in graded.message("propagate")


def test_returned_object_is_never_unpickled(tmp_path, write, grade):
    """Does anything in the grader run code a returned object asks to run (``__reduce__``)?"""
    marker = tmp_path / "reduce-ran"
    graded = grade(write(f"""
        class _Payload:
            def __reduce__(self):
                return (open, ({str(marker)!r}, "w"))

        def sigmoid(z):
            return [_Payload(), {{"x": _Payload()}}, (_Payload(),)]
    """))
    assert_contained(graded)
    assert not marker.exists()


# -- hijacking the worker at load time --------------------------------------------------------
# Class bodies, decorators and default arguments run when the submission is loaded, in
# the worker that holds the control channel; whatever they do there costs this
# submission its own points and nothing else.

HIJACK = [
    pytest.param("""
        class _Forge:
            import socket as _socket, struct as _struct, json as _json, sys as _sys
            _doc = _json.dumps({"$t": "dict", "v": [["op", "loaded"], ["functions", {"$t": "dict", "v": [
                ["sigmoid", 5], ["initialize_with_zeros", [1, 2]], ["propagate", {"$t": "dict", "v": []}]]}],
                ["errors", 7]]}).encode()
            _frame = _struct.pack(">I", len(_doc)) + _doc + _struct.pack(">I", 0)
            _control = _socket.socket(fileno=int(_sys.argv[1]))
            _control.sendall(len(_frame).to_bytes(8, "big") + _frame)
            _control.detach()
    """, id="forged-loaded-reply"),
    pytest.param("""
        class _Rebind:
            import os as _os, socket as _socket, sys as _sys
            def _spawn(control, namespace, message, _os=_os, _socket=_socket):
                read_end, _ = _os.pipe()
                _socket.send_fds(control, [b"F"], [read_end])
            _sys.modules["__main__"]._spawn = _spawn
    """, id="spawn-passes-a-pipe"),
    pytest.param("""
        class _Rebind:
            import socket as _socket, sys as _sys
            def _spawn(control, namespace, message, _socket=_socket):
                ours, theirs = _socket.socketpair(_socket.AF_UNIX, _socket.SOCK_DGRAM)
                _socket.send_fds(control, [b"F"], [theirs.fileno()])
            _sys.modules["__main__"]._spawn = _spawn
    """, id="spawn-passes-a-datagram-socket"),
    pytest.param("""
        class _Rebind:
            import sys as _sys
            def _spawn(control, namespace, message):
                control.sendall(b"no")
            _sys.modules["__main__"]._spawn = _spawn
    """, id="spawn-answers-garbage"),
]


@pytest.mark.parametrize("hijack", HIJACK)
def test_hijacked_worker_costs_only_its_own_points(hijack, write, grade):
    """Can top-level code that takes over the worker's control channel crash or hang the grader?"""
    graded = grade(write(hijack, replaces=()))
    assert graded.report.score == 0
    assert len(graded.report.tests) == len(SPEC.functions)
    assert graded.seconds < WALL_BOUND


def test_top_level_code_that_never_finishes_stops_at_the_load_limit(write, grade):
    """Does a class body with an infinite loop hold the grader longer than ``load_seconds``?"""
    limits = dataclasses.replace(LIMITS, load_seconds=3)
    graded = grade(write("""
        class _Forever:
            while True:
                pass
    """, replaces=()), limits=limits)
    assert graded.report.score == 0
    assert "took more than 3 s" in str(graded.report.error)
    assert graded.seconds < limits.load_seconds + 5


# -- reading secrets ---------------------------------------------------------------------------

def reader(paths: list[str], marker: str) -> str:
    """A hostile sigmoid that reads ``paths`` and raises with what it found around ``marker``."""
    return textwrap.dedent(f"""
        def sigmoid(z):
            marker = bytes.fromhex({marker.encode().hex()!r}).decode()
            found = []
            for path in {paths!r}:
                try:
                    with open(path, "rb") as f:
                        content = f.read().decode(errors="replace")
                except OSError as exc:
                    found.append(path + " blocked:" + type(exc).__name__)
                    continue
                at = max(content.find(marker), 0)
                found.append(path + " leak:" + content[at:at + 80])
            raise ValueError(" | ".join(found))
    """)


def _secret_file(tmp_path: Path, name: str) -> tuple[Path, str]:
    token = f"secret-{uuid.uuid4().hex}"
    path = tmp_path / name
    path.write_text(f"# {token}\n")
    return path, token


SECRET_FILES = {
    "reference-solution": lambda tmp: (ROOT / FULL_SPEC.solution, "### BEGIN SOLUTION"),
    "hidden-checks": lambda tmp: (ROOT / "autograder/specs/week2/logistic_regression.py", "TRAIN_ACCURACY_FLOOR"),
    "other-submission": lambda tmp: _secret_file(tmp, "other_student.py"),
    "gradebook": lambda tmp: _secret_file(tmp, "gradebook.db"),
    "instructor-secret-file": lambda tmp: _secret_file(tmp, "autograde-secret"),  # $AUTOGRADE_SECRET_FILE
}


@namespace_levels_only
@pytest.mark.parametrize("what", list(SECRET_FILES))
def test_files_outside_the_sandbox_cannot_be_read(what, tmp_path, write, grade):
    """Can a function read the reference solution, the hidden checks, the gradebook,
    another student's submission or the instructor's secret file, and carry it out in its
    error message?"""
    path, marker = SECRET_FILES[what](tmp_path)
    assert marker in path.read_text()  # the secret is there for the grader's own user
    graded = grade(write(reader([str(path)], marker)))
    assert_contained(graded)
    assert f"{path} blocked:" in graded.message("sigmoid")
    assert marker not in graded.text


def test_grader_environment_does_not_reach_the_sandbox(monkeypatch, write, grade):
    """Can a function read ``AUTOGRADE_SECRET`` set in the grader's environment, through
    os.environ or /proc (its own, PID 1's)?"""
    secret = f"instructor-secret-{uuid.uuid4().hex}"
    monkeypatch.setenv("AUTOGRADE_SECRET", secret)
    hostile = reader(["/proc/self/environ", "/proc/1/environ"], secret) + textwrap.dedent("""
        _reader = sigmoid

        def sigmoid(z):
            import os
            try:
                _reader(z)
            except ValueError as exc:
                raise ValueError(f"env:{os.environ.get('AUTOGRADE_SECRET', '')} | {exc}") from None
    """)
    graded = grade(write(hostile))
    assert_contained(graded)
    assert "env:" in graded.message("sigmoid")
    assert secret not in graded.text


@not_root_at_processes
def test_grader_process_cannot_be_read_or_traced(write, grade):
    """Can a function read the grader's environment or memory, or attach to it with
    ptrace, as processes of the same user may (the processes level)?"""
    graded = grade(write(f"""
        def sigmoid(z):
            import ctypes, os
            grader = {os.getpid()}  # no such process at the namespace levels
            try:
                with open(f"/proc/{{grader}}/environ", "rb") as f:
                    environ = "read:" + str(len(f.read()))
            except OSError as exc:
                environ = "blocked:" + type(exc).__name__
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.ptrace(0x4206, grader, 0, 0) == 0:  # PTRACE_SEIZE: attaches without stopping it
                libc.ptrace(17, grader, 0, 0)  # PTRACE_DETACH
                trace = "attached"
            else:
                trace = "refused:" + os.strerror(ctypes.get_errno())
            raise ValueError(f"environ {{environ}} ptrace {{trace}}")
    """))
    assert_contained(graded)
    assert re.search(r"environ blocked:\w+ ptrace refused:", graded.message("sigmoid")), graded.message("sigmoid")


def _shows(path: str, text: str) -> bool:
    """Does the file hold ``text`` (False while it cannot be read: a child not yet exec'd
    is as undumpable as the grader that forked it)?"""
    try:
        return text in Path(path).read_text(errors="replace")
    except OSError:
        return False


@pytest.mark.subprocess
@namespace_levels_only
def test_other_processes_environments_cannot_be_read(tmp_path, write, grade):
    """Can a function read the initial environment of the grader (its pid passed in) or
    of another process started with the instructor secret?"""
    secret = f"instructor-secret-{uuid.uuid4().hex}"
    standin = subprocess.Popen(["sleep", "60"], env={"PATH": os.environ["PATH"], "AUTOGRADE_SECRET": secret})
    try:
        deadline = time.monotonic() + 5  # readable from here, once sleep has started
        while not _shows(f"/proc/{standin.pid}/environ", secret):
            assert time.monotonic() < deadline, "the stand-in never showed its environment"
            time.sleep(0.01)
        paths = [f"/proc/{os.getpid()}/environ", f"/proc/{standin.pid}/environ"]
        graded = grade(write(reader(paths, secret)))
    finally:
        standin.kill()
        standin.wait()
    assert_contained(graded)
    assert secret not in graded.text
    assert "leak:" not in graded.message("sigmoid")  # those pids do not exist in there


# -- denial of service ---------------------------------------------------------------------------

DOS = [
    _case("infinite-loop", """
        def sigmoid(z):
            while True:
                pass
    """),
    _case("infinite-loop-ignoring-signals", """
        def sigmoid(z):
            import signal
            for name in ("SIGTERM", "SIGINT", "SIGALRM", "SIGHUP", "SIGXCPU", "SIGUSR1", "SIGPIPE"):
                signal.signal(getattr(signal, name), signal.SIG_IGN)
            while True:
                pass
    """),
    _case("memory-bomb-numpy", """
        def sigmoid(z):
            return np.ones(10**11)
    """),
    _case("memory-bomb-growing-list", """
        def sigmoid(z):
            hoard = []
            while True:
                hoard.append(b"x" * 10**7)
    """),
    _case("thread-spins-after-return", """
        def sigmoid(z):
            import threading
            def spin():
                while True:
                    pass
            threading.Thread(target=spin).start()
            return np.zeros_like(z)
    """),
    _case("output-flood", """
        def sigmoid(z):
            import os
            for _ in range(100):
                os.write(1, b"PASSED " * 10**5)
            for _ in range(10**7):
                print("PASSED " * 10)
    """),
    _case("huge-file", """
        def sigmoid(z):
            import signal
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
            chunk = bytes(2**20)
            for name in ("big.bin", "/tmp/big.bin"):
                try:
                    with open(name, "wb") as f:
                        for _ in range(10**4):
                            f.write(chunk)
                except OSError:
                    pass
            return np.zeros_like(z)
    """),
    _case("huge-file-killed-by-SIGXFSZ", """
        def sigmoid(z):
            with open("big.bin", "wb") as f:
                for _ in range(10**4):
                    f.write(bytes(2**20))
    """),
    _case("deep-recursion-raised-limit", """
        def sigmoid(z):
            import sys
            sys.setrecursionlimit(10**8)
            def down(n):
                return down(n + 1) + 1
            return down(0)
    """),
    _case("deep-recursion", """
        def sigmoid(z):
            def down(n):
                return down(n + 1) + 1
            return down(0)
    """),
    _case("callback-storm", replaces=("propagate",), hostile="""
        def propagate(w, b, X, Y):
            while True:
                sigmoid(np.zeros((1, 1000)))
    """),
]


@pytest.mark.parametrize("hostile, prelude, replaces", DOS)
def test_denial_of_service_costs_one_function(hostile, prelude, replaces, write, grade):
    """Can a function that loops, hoards memory, floods output, fills a file or recurses
    without end stop the batch, hang the grader, or cost the other functions their points?"""
    assert_contained(grade(write(hostile, replaces=replaces, prelude=prelude)), hostile=replaces)


def test_oversized_reply_is_refused_unread(write, grade):
    """Does the grader read (and decode, at several times its size) a reply of any size?"""
    graded = grade(write("""
        def sigmoid(z):
            return np.zeros(16 * 2**20)
    """))
    assert_contained(graded)
    assert f"the limit is {LIMITS.message_mb * 2**20}" in graded.message("sigmoid")


@namespace_levels_only
def test_many_files_stop_at_the_scratch_size(write, grade):
    """Can a function fill the disk with many files each under the file-size limit?"""
    graded = grade(write("""
        def sigmoid(z):
            written = 0
            for i in range(1000):
                try:
                    with open(f"part{i}.bin", "wb") as f:
                        for _ in range(7):
                            f.write(bytes(2**20))
                    written += 7
                except OSError:
                    break
            raise ValueError(f"wrote {written} MB")
    """))
    assert_contained(graded)
    written = int(re.search(r"wrote (\d+) MB", graded.message("sigmoid")).group(1))
    assert 0 < written <= LIMITS.scratch_mb


def _sandbox_identity() -> dict:
    """Who student code runs as, inside a sandbox with LIMITS."""
    probe = textwrap.dedent("""
        def probe():
            import os, resource
            status = dict(line.split(":", 1) for line in open("/proc/self/status"))
            ranges = [[int(n) for n in line.split()] for line in open("/proc/self/uid_map")]
            def outside(uid):  # uid_map lines: first uid in here, first uid outside, count
                return next(out + uid - first for first, out, count in ranges if first <= uid < first + count)
            return {"uid": os.getuid(), "host_uid": outside(os.getuid()), "host_euid": outside(os.geteuid()),
                    "nproc": list(resource.getrlimit(resource.RLIMIT_NPROC)),
                    "caps": [status[k].strip() for k in ("CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb")],
                    "no_new_privs": status["NoNewPrivs"].strip()}
    """)
    with Sandbox([("<cell 1>", probe)], {}, LIMITS) as sandbox, sandbox.open("probe", {}) as session:
        outcome = session.call()
    assert isinstance(outcome, Returned), outcome
    return outcome.value


def _processes_with(token: str) -> list[int]:
    """Pids of host processes whose command line holds ``token``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if token.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def _assert_all_gone(token: str, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while _processes_with(token) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _processes_with(token), f"processes of the sandbox survived it: {_processes_with(token)}"


def _sleep_token() -> str:
    """A sleep duration nobody else uses (about 1000 s), to find our processes by cmdline."""
    return f"1000.{uuid.uuid4().int % 10**12:012d}"


@not_root_at_processes
def test_fork_bomb_stops_at_the_process_limit(write, grade):
    """Can a fork bomb exhaust the machine's processes, stop the batch, or leave processes behind?"""
    identity = _sandbox_identity()  # the bomb is only safe if the process limit applies in there
    assert identity["host_uid"] != 0 and identity["host_euid"] != 0  # root ignores the limit
    if LEVEL == "processes":  # the grader's uid: what it runs already, plus the sandbox's share
        assert identity["nproc"][0] == identity["nproc"][1] >= LIMITS.processes
    else:
        assert identity["nproc"] == [LIMITS.processes, LIMITS.processes]
    inheritable, permitted, effective, bounding, ambient = (int(caps, 16) for caps in identity["caps"])
    assert inheritable == permitted == effective == ambient == 0 and identity["no_new_privs"] == "1"
    if LEVEL != "processes":  # an ordinary user may not shrink its bounding set (nor use it: no_new_privs)
        assert bounding == 0
    token = _sleep_token()
    graded = grade(write(f"""
        def sigmoid(z):
            import os
            while True:
                try:
                    os.fork()
                except OSError:
                    os.execv("/bin/sleep", ["sleep", {token!r}])
    """))
    assert_contained(graded)
    _assert_all_gone(token)


@namespace_levels_only
def test_processes_that_leave_the_session_die_with_the_sandbox(write, grade):
    """Can a function leave a process running after grading (double fork and setsid)?"""
    token = _sleep_token()
    graded = grade(write(f"""
        def sigmoid(z):
            import os
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    os.execv("/bin/sleep", ["sleep", {token!r}])
                os._exit(0)
            return np.zeros_like(z)
    """))
    assert_contained(graded)
    _assert_all_gone(token)


@namespace_levels_only
def test_fork_bomb_does_not_starve_a_sandbox_graded_beside_it(write, grade):
    """With ``--jobs``, can one submission's processes use up the process quota of
    another submission graded at the same time?"""
    if LEVEL == "userns" and not isolation.nproc_per_user_namespace():
        pytest.skip("this kernel counts processes per uid (Linux < 5.14), not per user namespace: the sandboxes "
                    "of one ordinary user share their process quota (docs/security.md)")
    hog = textwrap.dedent("""
        def hog():
            import os, time
            n = 0
            while True:
                try:
                    pid = os.fork()
                except OSError:
                    return n
                if pid == 0:
                    time.sleep(60)
                    os._exit(0)
                n += 1
    """)
    with Sandbox([("<cell 1>", hog)], {}, LIMITS) as hogging, hogging.open("hog", {}) as session:
        outcome = session.call()
        assert isinstance(outcome, Returned) and outcome.value >= LIMITS.processes - 3, outcome
        assert_contained(grade(write("", replaces=())), hostile=())


def test_reference_call_that_would_run_forever_is_cut_off(write, grade):
    """Can a function make the grader's reference code run without end, through a callee
    it may call (``optimize`` with ``num_iterations=10**9`` while ``model`` is graded)?
    The grader's work is not the function's own time; it ends with the file's budget."""
    spec, limits = FULL_SPEC.only("model"), dataclasses.replace(LIMITS, file_seconds=6)
    handler_before, (alarm_before, _) = signal.getsignal(signal.SIGALRM), signal.getitimer(signal.ITIMER_REAL)
    graded = grade(write("""
        def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
            w, b = initialize_with_zeros(X_train.shape[0])
            optimize(w, b, X_train, Y_train, 10**9, 0.01, False)
    """, replaces=()), spec=spec, limits=limits, tiers=("public",))
    assert graded.report.error is None and graded.report.score == 0
    assert "did not return before the file's time budget ran out" in graded.message("model")
    assert graded.seconds < limits.file_seconds + 5
    # The grader's SIGALRM is as it was: same handler; an alarm set before (pytest-timeout)
    # still armed, none if there was none.
    assert signal.getsignal(signal.SIGALRM) is handler_before
    assert (signal.getitimer(signal.ITIMER_REAL)[0] > 0) == (alarm_before > 0)


# -- damage outside the sandbox ---------------------------------------------------------------------

@namespace_levels_only
def test_files_outside_the_sandbox_cannot_be_changed(tmp_path, write, grade):
    """Can a function overwrite, chmod or delete the grader's files (a file beside the
    submission, the project's own files, a file in /tmp), or plant new ones?"""
    precious = tmp_path / "precious.txt"
    precious.write_text("the grader's file\n")
    in_tmp = Path(tempfile.gettempdir()) / f"autograde-adversarial-{uuid.uuid4().hex}"
    in_tmp.write_text("a file in /tmp\n")
    targets = [precious, ROOT / "pyproject.toml", in_tmp] + [p for p in [ROOT / "README.md"] if p.exists()]
    planted = [tmp_path / "planted.py", ROOT / f"planted-{uuid.uuid4().hex}.py",
               Path(tempfile.gettempdir()) / f"planted-{uuid.uuid4().hex}"]
    before = {p: (p.read_bytes(), p.stat().st_mode) for p in targets}
    try:
        graded = grade(write(f"""
            def sigmoid(z):
                import os
                results = []
                for path in {[str(p) for p in targets]!r}:
                    for attempt in ("overwrite", "chmod", "remove"):
                        try:
                            if attempt == "overwrite":
                                with open(path, "w") as f:
                                    f.write("pwned")
                            elif attempt == "chmod":
                                os.chmod(path, 0o777)
                            else:
                                os.remove(path)
                            results.append("done")
                        except OSError as exc:
                            results.append(type(exc).__name__)
                for path in {[str(p) for p in planted]!r}:
                    try:
                        with open(path, "w") as f:
                            f.write("pwned")
                        results.append("planted")
                    except OSError as exc:
                        results.append(type(exc).__name__)
                raise ValueError("attempts: " + " ".join(results))
        """))
        after = {p: (p.read_bytes(), p.stat().st_mode) if p.exists() else None for p in targets}
    finally:
        for path, (content, mode) in before.items():  # put things back if the sandbox failed
            if not path.exists() or path.read_bytes() != content or path.stat().st_mode != mode:
                path.write_bytes(content)
                path.chmod(mode & 0o7777)
        in_tmp.unlink()
        for path in planted:
            path.unlink(missing_ok=True)
    assert after == before
    assert not any(p.exists() for p in planted)
    assert_contained(graded)
    # The sandbox's own /tmp is writable: "done" there changes nothing outside.
    assert "attempts:" in graded.message("sigmoid")


def _listener(kind: str) -> tuple[socket.socket, tuple]:
    """A socket of the grader's machine listening on ``kind``, and its address."""
    if kind == "tcp-localhost":
        listener = socket.create_server(("127.0.0.1", 0))
        return listener, listener.getsockname()
    listener = socket.socket(socket.AF_UNIX)  # an abstract address: no file, per network namespace
    address = f"\0autograde-test-{uuid.uuid4().hex}"
    listener.bind(address)
    listener.listen()
    return listener, address


@namespace_levels_only
@pytest.mark.parametrize("kind", ["tcp-localhost", "abstract-unix-socket"])
def test_no_network(kind, write, grade):
    """Can a function connect to a port the grader's machine listens on (127.0.0.1), or to
    an abstract Unix socket (no file to hide, as X11 and D-Bus use)?"""
    listener, address = _listener(kind)
    with listener:
        graded = grade(write(f"""
            def sigmoid(z):
                import socket
                family = socket.AF_INET if {kind == "tcp-localhost"} else socket.AF_UNIX
                try:
                    with socket.socket(family) as s:
                        s.settimeout(1)
                        s.connect({address!r})
                        s.sendall(b"exfiltrated")
                except OSError as exc:
                    raise ValueError("blocked:" + type(exc).__name__) from None
                raise ValueError("connected")
        """))
        listener.settimeout(0.2)
        with pytest.raises(TimeoutError):
            listener.accept()
    assert_contained(graded)
    assert "blocked:" in graded.message("sigmoid")


# -- batches and determinism -------------------------------------------------------------------------

#: A wrong but honest propagate (no 1/m), so that a report carries a real hint.
PROPAGATE_NO_MEAN = HONEST["propagate"].replace(") / m\n", ")\n")

#: Several attacks at once: patches at import, a spinning thread left in the worker by a
#: class body, a sigmoid that ignores signals and loops, a propagate that hoards memory.
MANY_ATTACKS = PATCH_AT_IMPORT + """
    class _Spinner:
        import threading as _threading
        _threading.Thread(target=lambda: [None for _ in iter(int, 1)], daemon=True).start()

    def sigmoid(z):
        import signal
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        while True:
            pass

    def propagate(w, b, X, Y):
        hoard = []
        while True:
            hoard.append(b"x" * 10**7)
"""


def test_hostile_submission_in_a_batch_changes_nothing_for_the_others(write, grade):
    """Do honest submissions graded right after a hostile one get exactly the results
    they get alone?"""
    first = write(name="first.py", replaces=())
    last = write(PROPAGATE_NO_MEAN, name="last.py", replaces=("propagate",))
    hostile = write(MANY_ATTACKS, name="hostile.py", replaces=("sigmoid", "propagate"))
    alone = [grade(first).report.to_json(), grade(last).report.to_json()]
    batch = [grade(path) for path in (first, hostile, last)]
    assert [batch[0].report.to_json(), batch[2].report.to_json()] == alone
    assert alone[0]["score"] == 5 and alone[1]["score"] == 2
    assert batch[1].report.score == 1  # initialize_with_zeros only
    assert batch[1].seconds < WALL_BOUND


def test_grading_is_deterministic(write, grade):
    """Does the same submission, hostile parts included, get the same report three times?"""
    path = write("""
        def sigmoid(z):
            import os
            os._exit(0)
    """ + PROPAGATE_NO_MEAN, replaces=("sigmoid", "propagate"))
    reports = [grade(path).report.to_json() for _ in range(3)]
    assert reports[0] == reports[1] == reports[2]
    assert [t["score"] for t in reports[0]["tests"]] == [0, 1, 0]


def test_honest_submission_gets_full_marks(write, grade):
    """Control: do the honest functions used throughout pass with these limits?"""
    assert_contained(grade(write("", replaces=())), hostile=())


def test_value_that_breaks_a_later_check_costs_one_function(write, grade):
    """Can a function that answers the early checks correctly, then returns a non-scalar
    cost on the gradient check's own input, crash the batch instead of scoring 0?"""
    graded = grade(write("""
        def propagate(w, b, X, Y):
            m = X.shape[1]
            A = sigmoid(np.dot(w.T, X) + b)
            cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
            grads = {"dw": np.dot(X, (A - Y).T) / m, "db": float(np.sum(A - Y) / m)}
            rng = np.random.default_rng(7)
            rng.normal(size=(3, 1))  # the gradient check draws w, then X
            if np.array_equal(X, rng.normal(size=(3, 5))):
                return grads, np.array([cost, cost])
            return grads, float(cost)
    """, replaces=("propagate",)))
    assert_contained(graded, hostile=("propagate",))
