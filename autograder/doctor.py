"""``autograde doctor``: what this machine offers the grader, and what is missing.

Each isolation level is tried for real (:func:`autograder.sandbox.isolation.trial`), so the
answer is the one grading gets; then the course project (whether every notebook's
reference solution is where the grader reads it: an installed grader needs
``$AUTOGRADE_PROJECT``), the data the hidden checks read, and the instructor's secret
(whether one is configured and where from, never its value).
"""

from __future__ import annotations

import os

from dlcheck.checks import GraderError

from . import project, secret
from .sandbox import isolation


def isolation_lines() -> list[str]:
    offered = isolation.offered()
    try:
        used, problem = isolation.level(), None
    except GraderError as exc:
        used, problem = None, str(exc.text)
    width = max(len(name) for name in isolation.LEVELS)
    lines = ["isolation levels (strongest first):"]
    for name, why_not in offered.items():
        state = "offered" if why_not is None else f"not offered: {why_not}"
        lines.append(f"  {name:<{width}}  {state}{'   <- grading uses this one' if name == used else ''}")
    if problem:
        lines.append(f"  problem: {problem}")
    elif os.environ.get(isolation.ENV_VAR, "").strip():
        lines.append(f"  chosen by {isolation.ENV_VAR}={os.environ[isolation.ENV_VAR].strip()}; "
                     f"the strongest offered is {isolation.strongest()}")
    if used in ("namespaces", "userns"):
        roots = isolation.read_only_roots()
        hidden = isolation.hidden_paths(roots)
        lines.append(f"  read-only in the sandbox: {' '.join(roots)}")
        lines.append(f"  covered in the sandbox (the grader's own files in those folders): {' '.join(hidden) or 'none'}")
    if used == "processes":
        lines.append("  WARNING: at the processes level student code can read the solutions, the hidden checks and "
                     "other submissions. Run the grader where user namespaces are allowed, as root, or in the "
                     "Docker image (Dockerfile).")
    lines.append("what each level protects:")
    lines += [f"  {name:<{width}}  {isolation.PROTECTS[name]}" for name in isolation.LEVELS]
    return lines


def data_lines() -> tuple[list[str], bool]:
    from dldata.store import fetch_command, verify

    report = verify()
    fix = f"NOT USABLE (fix: {fetch_command()}, or {fetch_command()} --from DIR_OR_URL offline)"
    lines = [f"data: {'ok' if report.ok else fix}"]
    lines += [f"  {f.name}  {f.status}  {f.detail}{'' if f.required else ' (optional)'}" for f in report.files]
    return lines, report.ok


def project_lines() -> tuple[list[str], bool]:
    """The course project in use, and whether it holds every notebook's spec and solution."""
    from . import specs

    root = project.root()
    notebooks = specs.notebooks()
    missing = [s.solution for s in notebooks.values() if not (root / s.solution).is_file()]
    ok = bool(notebooks) and not missing
    fix = (f"NOT USABLE (fix: set {project.ENV_VAR} to the folder holding solutions/ and autograder/specs/, "
           "the project the grader was installed from, or pass --project DIR)")
    lines = [f"course project: {f'ok ({len(notebooks)} notebooks, each with its solution)' if ok else fix}",
             f"  {root}  ({project.origin()})"]
    if not notebooks:
        lines.append(f"  no notebook: {root / project.SPECS} holds no spec")
    elif missing:
        more = f" and {len(missing) - 1} more" if len(missing) > 1 else ""
        lines.append(f"  missing: {missing[0]}{more} (of {len(notebooks)} notebooks)")
    return lines, ok


def secret_lines() -> tuple[list[str], bool]:
    try:
        configured = secret.configured()
    except GraderError as exc:
        return [f"instructor secret: unusable: {exc.text}"], False
    if configured is None:
        return [f"instructor secret: not configured (set {secret.FILE_ENV_VAR} to a file holding a long random "
                "string; trial runs may pass --dev-secret)"], False
    if os.environ.get(secret.ENV_VAR):
        return [f"instructor secret: configured by ${secret.ENV_VAR} (prefer {secret.FILE_ENV_VAR}: a "
                "variable is passed on to every process the grader starts)"], True
    return [f"instructor secret: configured by {secret.FILE_ENV_VAR}={os.environ[secret.FILE_ENV_VAR]}"], True


def report() -> tuple[str, bool]:
    """The doctor's text, and whether grading for real can run here (the course project,
    data and secret)."""
    course, course_ok = project_lines()
    data, data_ok = data_lines()
    secrets, secret_ok = secret_lines()
    return "\n".join([*isolation_lines(), *course, *data, *secrets]), course_ok and data_ok and secret_ok
