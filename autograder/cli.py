"""The ``autograde`` command: one small function per verb; the work is in the modules.

Exit codes: 0 when every file was graded (whatever the scores), 1 when some file could
not be graded, 2 when the grader cannot work (usage, missing data or secret, missing
solutions): then one line on stderr says what to do.

Only the report goes to stdout: while grading, file descriptor 1 points at stderr, so
nothing a reference function, a library or a child process prints can corrupt ``--json``.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TextIO

import click

from dlcheck.checks import GraderError
from dlcheck.results import SubmissionReport
from dlcheck.text import set_language

from . import course as courses
from . import project, specs
from .engine import grade_submission
from .sandbox import isolation
from .sandbox.isolation import Limits


def _progress(text: str) -> None:
    click.echo(text, err=True)


@contextlib.contextmanager
def _stdout_for_report() -> Iterator[TextIO]:
    """A stream to the real stdout, while fd 1 (and ``sys.stdout``) go to stderr."""
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    report = os.fdopen(saved, "w", encoding="utf-8", closefd=True)
    try:
        with contextlib.redirect_stdout(sys.stderr):
            yield report
    finally:
        report.flush()
        os.dup2(report.fileno(), 1)
        report.close()


def _announce_isolation() -> None:
    """Say loudly, on stderr, when student code is not walled off from the grader's files
    and network; and keep the grader's own memory out of its reach (at every level)."""
    chosen = isolation.level()
    isolation.shield_grader()
    if chosen == "processes":
        asked = os.environ.get(isolation.ENV_VAR, "").strip() == "processes"
        why = f"{isolation.ENV_VAR}=processes asks for it" if asked else f"userns: {isolation.trial('userns')}"
        _progress(f"autograde: WARNING: isolation level 'processes' ({why}): student code runs as your user and can "
                  "read the solutions, the hidden checks, the secret file and other submissions, write your files "
                  "and reach the network. See `autograde doctor`.")


def _grade_one(args: tuple[str, str, bytes, Limits]) -> SubmissionReport:
    path, notebook, grading_secret, limits = args
    return grade_submission(path, specs.get(notebook), secret=grading_secret, limits=limits)


def grade_files(files: list[str], notebook: str, grading_secret: bytes, jobs: int = 1,
                limits: Limits = Limits()) -> list[SubmissionReport]:
    """Grade files in order, ``jobs`` at a time, reporting progress on stderr."""
    work = [(f, notebook, grading_secret, limits) for f in files]
    reports: list[SubmissionReport] = []
    with ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else contextlib.nullcontext() as pool:
        results = pool.map(_grade_one, work) if pool else map(_grade_one, work)
        for i, report in enumerate(results, 1):
            status = f"{report.score:g}/{report.max_score:g}" if report.error is None else f"not graded: {report.error}"
            _progress(f"[{i}/{len(work)}] {courses.safe_name(report.submission)}: {status}")
            reports.append(report)
    return reports


def format_table(reports: list[SubmissionReport]) -> str:
    """A readable table: one row per file, one column per function, then the total."""
    if not reports:
        return "(no files)"
    functions = [t.function for t in reports[0].tests]
    names = [courses.safe_name(Path(r.submission).name) for r in reports]
    name_width = max(len("submission"), *(len(n) for n in names))
    widths = [max(len(f), 5) for f in functions]
    columns = [f.rjust(w) for f, w in zip(functions, widths, strict=True)]
    header = "  ".join(["submission".ljust(name_width), *columns, "total"])
    lines = [header, "-" * len(header)]
    for name, r in zip(names, reports, strict=True):
        cells = [f"{t.score:g}/{t.max_score:g}".rjust(w) for t, w in zip(r.tests, widths, strict=True)]
        lines.append("  ".join([name.ljust(name_width), *cells, f"{r.score:g}/{r.max_score:g}"]))
    failures = [(n, t) for n, r in zip(names, reports, strict=True) for t in r.tests
                if not t.passed and r.error is None]
    errors = [(n, r) for n, r in zip(names, reports, strict=True) if r.error]
    if errors or failures:
        lines.append("")
    lines += [f"{n}: not graded: {r.error}" for n, r in errors]
    lines += [f"{n}: {t.message}" for n, t in failures]
    if reports[0].isolation:
        lines += ["", f"isolation level: {reports[0].isolation}"]
    return "\n".join(lines)


@click.group()
@click.option("--project", "project_dir", type=click.Path(file_okay=False, exists=True),
              help="The course project (solutions/, autograder/specs/); default: this checkout.")
@click.option("--lang", type=click.Choice(["en", "ko"]), help="Language of messages (default: $AUTOGRADE_LANG, "
                                                               "then the locale).")
def main(project_dir: str | None, lang: str | None) -> None:
    """Grade deep-learning exercise notebooks into nbgrader scores."""
    if project_dir:
        os.environ[project.ENV_VAR] = str(Path(project_dir).resolve())
    set_language(lang)


@main.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the stable format).")
def list_notebooks(as_json: bool) -> None:
    """List the graded notebooks."""
    rows = [{"id": s.id, "release": s.release, "functions": [f.name for f in s.functions],
             "max_score": s.max_score} for s in specs.notebooks().values()]
    if as_json:
        click.echo(json.dumps(rows, indent=2))
    else:
        for row in rows:
            click.echo(f"{row['id']:40} {row['max_score']:>4g} points  {', '.join(row['functions'])}")


@main.command()
@click.option("--notebook", "notebook", required=True, help="Notebook id, from `autograde list`.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the stable format).")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 64), help="Files graded in parallel.")
@click.option("--dev-secret", is_flag=True, help="A trial run: seed hidden inputs with the public development "
                                                 "secret when no instructor secret is set.")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def grade(notebook: str, as_json: bool, jobs: int, dev_secret: bool, files: tuple[str, ...]) -> None:
    """Grade submitted FILES (.ipynb or .py) against one notebook."""
    if notebook not in specs.notebooks():
        raise click.UsageError(f"unknown notebook {notebook!r}; known: {', '.join(specs.notebooks())}")
    grading_secret = courses.preflight([specs.get(notebook)], dev_secret=dev_secret)
    _announce_isolation()
    with _stdout_for_report() as out:
        reports = grade_files(list(files), notebook, grading_secret, jobs)
        out.write((json.dumps([r.to_json() for r in reports], indent=2, ensure_ascii=False) if as_json
                   else format_table(reports)) + "\n")
    sys.exit(1 if any(r.error for r in reports) else 0)


@main.command()
@click.argument("assignment")
@click.option("--course-dir", default=".", show_default=True, type=click.Path(file_okay=False),
              help="The nbgrader course directory (holds submitted/ and gradebook.db).")
@click.option("--force", is_flag=True, help="Regrade files already recorded and unchanged.")
@click.option("--dev-secret", is_flag=True, help="A trial run: allow the public development secret.")
def course(assignment: str, course_dir: str, force: bool, dev_secret: bool) -> None:
    """Grade every submitted/<student>/ASSIGNMENT/*.ipynb into the nbgrader gradebook."""
    _announce_isolation()
    with _stdout_for_report() as out:
        reports = courses.grade_assignment(Path(course_dir), assignment, dev_secret=dev_secret, force=force,
                                           progress=_progress)
        graded = [r for r in reports if r.error is None]
        out.write(f"{len(graded)} of {len(reports)} submitted notebooks graded into "
                  f"{Path(course_dir) / 'gradebook.db'}\n")
    sys.exit(1 if len(graded) < len(reports) else 0)


@main.command()
def doctor() -> None:
    """Say what this machine offers: each isolation level (tried), the data, the secret."""
    from .doctor import report

    text, ready = report()
    click.echo(text)
    sys.exit(0 if ready else 1)


@main.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.pass_context
def data(ctx: click.Context) -> None:
    """Find, verify or fetch the datasets (`autograde data verify`, `autograde data fetch --from DIR`)."""
    from dldata.__main__ import main as dldata_main

    sys.exit(dldata_main(ctx.args))


@main.command()
@click.option("--check", is_flag=True, help="Only check that the generated files are up to date.")
def release(check: bool) -> None:
    """Generate the student notebooks, expected values and pytest files from solutions/ and specs."""
    from .release import release_all

    stale = release_all(project.root(), check=check)
    for path in stale:
        click.echo(f"{'out of date' if check else 'wrote'}: {path}")
    sys.exit(1 if check and stale else 0)


def run() -> None:
    """The entry point: GraderError (and a missing dependency, a full disk) as one line."""
    try:
        main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except click.Abort:
        sys.exit(2)
    except GraderError as exc:
        click.echo(f"autograde: {exc.text}", err=True)
        sys.exit(2)
