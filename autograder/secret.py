"""The instructor's secret, which seeds the hidden checks' random inputs.

The inputs of a hidden check are drawn by hypothesis from the seed
``HMAC-SHA256(secret, notebook id / function / check / sha256 of the submission's kept
code)`` (first 4 bytes), see :func:`seed`. Without the secret, nobody can compute them;
with the public development secret, anyone with this package can. So grading that counts
(``autograde grade`` and ``course``) refuses to run on the development secret unless the
instructor says it is a trial (``--dev-secret``).
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

from dlcheck.checks import GraderError
from dlcheck.text import tr

ENV_VAR, FILE_ENV_VAR = "AUTOGRADE_SECRET", "AUTOGRADE_SECRET_FILE"
#: Public, in this repository: fine for trials and tests, useless against a student.
DEVELOPMENT_SECRET = b"autograde-development-secret"


def configured() -> bytes | None:
    """``$AUTOGRADE_SECRET``, else the content of the file named by ``$AUTOGRADE_SECRET_FILE``,
    else None."""
    if os.environ.get(ENV_VAR):
        return os.environ[ENV_VAR].encode()
    if os.environ.get(FILE_ENV_VAR):
        try:
            secret = Path(os.environ[FILE_ENV_VAR]).read_bytes().strip()
        except OSError as exc:
            raise GraderError(tr("cannot read {var} ({path}): {why}", "{var} 파일을 읽을 수 없습니다 ({path}): {why}",
                                 var=FILE_ENV_VAR, path=os.environ[FILE_ENV_VAR], why=exc.strerror)) from None
        if not secret:
            raise GraderError(tr("{var} names an empty file ({path})", "{var}에 지정한 파일이 비어 있습니다 ({path})",
                                 var=FILE_ENV_VAR, path=os.environ[FILE_ENV_VAR]))
        return secret
    return None


def for_grading(allow_development: bool) -> bytes:
    """The secret to grade with; the development secret only when ``allow_development``."""
    secret = configured()
    if secret is not None:
        return secret
    if allow_development:
        return DEVELOPMENT_SECRET
    raise GraderError(tr("no instructor secret: set {file_var} to a file holding a long random string (or {var}); "
                         "hidden inputs seeded by the public development secret can be computed by any student. For "
                         "a trial run, pass --dev-secret",
                         "강사 비밀값이 없습니다: 긴 무작위 문자열을 담은 파일을 {file_var}에 지정하세요 (또는 {var}). "
                         "공개된 개발용 비밀값으로 만든 숨은 입력은 어느 학생이든 계산할 수 있습니다. 시험 실행이라면 "
                         "--dev-secret 옵션을 주세요", file_var=FILE_ENV_VAR, var=ENV_VAR))


def seed(secret: bytes, *parts: str) -> int:
    """A 32-bit seed: same secret and parts, same seed."""
    digest = hmac.new(secret, "/".join(parts).encode(), hashlib.sha256).digest()
    return int.from_bytes(digest[:4], "big")


def digest(secret: bytes) -> str:
    """A one-way digest of ``secret``, by which a grading worker elsewhere checks that its
    own secret is the run's without the secret travelling (:mod:`autograder.cluster`)."""
    return hmac.new(secret, b"autograde: the run's secret", hashlib.sha256).hexdigest()
