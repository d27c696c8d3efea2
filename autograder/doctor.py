"""``autograde doctor``: what this machine offers the grader, and what is missing.

Each isolation level is tried for real (:func:`autograder.sandbox.isolation.trial`), so the
answer is the one grading gets; then the course project (whether every notebook's
reference solution is where the grader reads it: an installed grader needs
``$AUTOGRADE_PROJECT``), the data the hidden checks read, and the instructor's secret
(whether one is configured and where from, never its value). Every line is a
:class:`~dlcheck.text.Text`, shown in :func:`dlcheck.text.language`; what the system
itself says (why a level is not offered) stays as it said it.
"""

from __future__ import annotations

import os

from dlcheck.checks import GraderError
from dlcheck.text import Text, tr

from . import project, secret
from .sandbox import isolation


def isolation_lines() -> list[Text]:
    offered = isolation.offered()
    try:
        used, problem = isolation.level(), None
    except GraderError as exc:
        used, problem = None, exc.text
    width = max(len(name) for name in isolation.LEVELS)
    lines = [tr("isolation levels (strongest first):", "격리 수준 (강한 것부터):")]
    for name, why_not in offered.items():
        state = tr("offered", "사용 가능") if why_not is None else tr("not offered: {why}", "사용 불가: {why}",
                                                                       why=why_not)
        chosen = tr("   <- grading uses this one", "   <- 채점에 쓰는 수준") if name == used else ""
        lines.append(f"  {name:<{width}}  " + state + chosen)
    if problem:
        lines.append(tr("  problem: {problem}", "  문제: {problem}", problem=problem))
    elif os.environ.get(isolation.ENV_VAR, "").strip():
        lines.append(tr("  chosen by {var}={value}; the strongest offered is {strongest}",
                        "  {var}={value} 설정으로 선택됨; 사용 가능한 가장 강한 수준: {strongest}",
                        var=isolation.ENV_VAR, value=os.environ[isolation.ENV_VAR].strip(),
                        strongest=isolation.strongest()))
    if used in ("namespaces", "userns"):
        roots = isolation.read_only_roots()
        hidden = isolation.hidden_paths(roots)
        lines.append(tr("  read-only in the sandbox: {roots}", "  샌드박스에서 읽기 전용: {roots}", roots=" ".join(roots)))
        lines.append(tr("  covered in the sandbox (the grader's own files in those folders): {hidden}",
                        "  샌드박스에서 가려짐 (그 폴더 안의 채점기 파일): {hidden}",
                        hidden=" ".join(hidden) or tr("none", "없음")))
    if used == "processes":
        lines.append(tr("  WARNING: at the processes level student code can read the solutions, the hidden checks and "
                        "other submissions. Run the grader where user namespaces are allowed, as root, or in the "
                        "Docker image (Dockerfile).",
                        "  경고: processes 수준에서는 학생 코드가 정답, 숨은 검사, 다른 제출물을 읽을 수 있습니다. "
                        "사용자 네임스페이스가 허용된 곳에서, root로, 또는 Docker 이미지(Dockerfile)에서 채점기를 "
                        "실행하세요."))
    lines.append(tr("what each level protects:", "각 수준이 막아 주는 것:"))
    lines += [f"  {name:<{width}}  " + isolation.PROTECTS[name] for name in isolation.LEVELS]
    return lines


def data_lines() -> tuple[list[Text], bool]:
    from dldata.store import fetch_command, verify

    report = verify()
    state = tr("ok", "정상") if report.ok else tr(
        "NOT USABLE (fix: {fetch}, or {fetch} --from DIR_OR_URL offline)",
        "사용할 수 없음 (해결: {fetch}, 오프라인이면 {fetch} --from DIR_OR_URL)", fetch=fetch_command())
    lines = [tr("data: ", "데이터: ") + state]
    lines += [f"  {f.name}  " + f.status_text + "  " + f.detail_text + ("" if f.required else tr(" (optional)", " (선택)"))
              for f in report.files]
    return lines, report.ok


def project_lines() -> tuple[list[Text], bool]:
    """The course project in use, and whether it holds every notebook's spec and solution."""
    from . import specs

    root = project.root()
    notebooks = specs.notebooks()
    missing = [s.solution for s in notebooks.values() if not (root / s.solution).is_file()]
    ok = bool(notebooks) and not missing
    if ok:
        state = tr("ok ({n} notebooks, each with its solution)", "사용 가능 (노트북 {n}개, 모두 정답 있음)", n=len(notebooks))
    else:
        state = tr("NOT USABLE (fix: set {var} to the folder holding solutions/ and autograder/specs/, the project "
                   "the grader was installed from, or pass --project DIR)",
                   "사용할 수 없음 (해결: {var}에 solutions/와 autograder/specs/가 있는 폴더, 곧 채점기를 설치한 "
                   "프로젝트를 지정하거나 --project DIR를 주세요)", var=project.ENV_VAR)
    lines = [tr("course project: ", "강좌 프로젝트: ") + state, Text(f"  {root}  ({project.origin()})", f"  {root}  ({project.origin()})")]
    if not notebooks:
        lines.append(tr("  no notebook: {folder} holds no spec", "  노트북 없음: {folder}에 명세가 하나도 없습니다",
                        folder=root / project.SPECS))
    elif missing:
        lines.append(tr("  missing: {first} and {more} more (of {n} notebooks)" if len(missing) > 1 else
                        "  missing: {first} (of {n} notebooks)",
                        "  없음: {first} 외 {more}개 (노트북 {n}개 중)" if len(missing) > 1 else
                        "  없음: {first} (노트북 {n}개 중)", first=missing[0], more=len(missing) - 1, n=len(notebooks)))
    else:
        lines.append(_trainings_line(root, notebooks.values()))
    return lines, ok


def _trainings_line(root, notebooks) -> Text:
    """Whether the reference's recorded trainings are those of the solutions in use: a stale
    one is never read, so the first grading of its notebook here trains in full."""
    from . import trainings

    stale = [s.id for s in notebooks if s.trainings and not trainings.is_current(s, root)]
    if not stale:
        return tr("  the reference's full trainings: recorded, current", "  정답의 전체 학습: 기록됨, 최신")
    return tr("  the reference's full trainings: the record of {notebooks} is stale (a solution or spec changed since "
              "`autograde release`): run it, or each notebook's first grading on a machine trains the reference "
              "in full",
              "  정답의 전체 학습: {notebooks} 기록이 오래됨 (`autograde release` 뒤에 정답이나 명세가 바뀜): 다시 "
              "실행하세요. 그렇지 않으면 기계마다 그 노트북의 첫 채점이 정답을 처음부터 끝까지 학습시킵니다",
              notebooks=", ".join(stale))


def secret_lines() -> tuple[list[Text], bool]:
    try:
        configured = secret.configured()
    except GraderError as exc:
        return [tr("instructor secret: unusable: {why}", "강사 비밀값: 사용할 수 없음: {why}", why=exc.text)], False
    if configured is None:
        return [tr("instructor secret: not configured (set {var} to a file holding a long random string; trial "
                   "runs may pass --dev-secret)",
                   "강사 비밀값: 설정되지 않음 (긴 무작위 문자열을 담은 파일을 {var}에 지정하세요. 시험 실행에는 "
                   "--dev-secret 옵션을 줄 수 있습니다)", var=secret.FILE_ENV_VAR)], False
    if os.environ.get(secret.ENV_VAR):
        return [tr("instructor secret: configured by ${var} (prefer {file_var}: a variable is passed on to every "
                   "process the grader starts)",
                   "강사 비밀값: 설정됨, ${var} ({file_var} 권장: 환경 변수는 채점기가 시작하는 모든 프로세스에 "
                   "전달됩니다)", var=secret.ENV_VAR, file_var=secret.FILE_ENV_VAR)], True
    return [tr("instructor secret: configured by {var}={path}", "강사 비밀값: 설정됨, {var}={path}",
               var=secret.FILE_ENV_VAR, path=os.environ[secret.FILE_ENV_VAR])], True


def report() -> tuple[str, bool]:
    """The doctor's text, and whether grading for real can run here (the course project,
    data and secret)."""
    course, course_ok = project_lines()
    data, data_ok = data_lines()
    secrets, secret_ok = secret_lines()
    return "\n".join(str(line) for line in [*isolation_lines(), *course, *data, *secrets]), \
        course_ok and data_ok and secret_ok
