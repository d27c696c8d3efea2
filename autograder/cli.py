"""The ``autograde`` command: one function per verb.

Exit codes: 0 when every file was graded (whatever the scores), 1 when some file could
not be graded at all or the grader could not work, 2 for usage errors.
"""

from __future__ import annotations

import contextlib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import click

from . import ROOT, specs
from .engine import DEFAULT_SECRET, GraderError, grade_submission, grading_secret
from .results import SubmissionReport


def _progress(text: str) -> None:
    click.echo(text, err=True)


def _warn_if_development_secret() -> None:
    if grading_secret() == DEFAULT_SECRET:
        _progress("autograde: note: hidden inputs use the public development secret; "
                  "set AUTOGRADE_SECRET (or AUTOGRADE_SECRET_FILE) when grading for real")


def _needs_data(spec_id: str) -> None:
    """Fail early, with the fix, when a notebook's hidden checks need data that is not there."""
    from dldata.store import DataError, find_file

    try:
        for name in specs.get(spec_id).data_files:
            find_file(name)
    except DataError as exc:
        raise GraderError(str(exc)) from None


def _grade_one(args: tuple[str, str]) -> SubmissionReport:
    path, notebook = args
    return grade_submission(path, specs.get(notebook))


def grade_files(files: list[str], notebook: str, jobs: int = 1) -> list[SubmissionReport]:
    """Grade files in order, ``jobs`` at a time, reporting progress on stderr."""
    _needs_data(notebook)
    _warn_if_development_secret()
    work = [(f, notebook) for f in files]
    reports: list[SubmissionReport] = []
    with ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else contextlib.nullcontext() as pool:
        results = pool.map(_grade_one, work) if pool else map(_grade_one, work)
        for i, report in enumerate(results, 1):
            status = f"{report.score:g}/{report.max_score:g}" if report.error is None else f"not graded: {report.error}"
            _progress(f"[{i}/{len(work)}] {report.submission}: {status}")
            reports.append(report)
    return reports


def format_table(reports: list[SubmissionReport]) -> str:
    """A readable table: one row per file, one column per function, then the total."""
    if not reports:
        return "(no files)"
    functions = [t.function for t in reports[0].tests]
    name_width = max(len("submission"), *(len(Path(r.submission).name) for r in reports))
    widths = [max(len(f), 5) for f in functions]
    header = "  ".join(["submission".ljust(name_width), *(f.rjust(w) for f, w in zip(functions, widths)), "total"])
    lines = [header, "-" * len(header)]
    for r in reports:
        cells = [f"{t.score:g}/{t.max_score:g}".rjust(w) for t, w in zip(r.tests, widths)]
        lines.append("  ".join([Path(r.submission).name.ljust(name_width), *cells, f"{r.score:g}/{r.max_score:g}"]))
    failures = [(r, t) for r in reports for t in r.tests if not t.passed and r.error is None]
    errors = [r for r in reports if r.error]
    if errors or failures:
        lines.append("")
    for r in errors:
        lines.append(f"{Path(r.submission).name}: not graded: {r.error}")
    for r, t in failures:
        lines.append(f"{Path(r.submission).name}: {t.message}")
    return "\n".join(lines)


@click.group()
def main() -> None:
    """Grade deep-learning exercise notebooks into nbgrader scores."""


@main.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the stable format).")
def list_notebooks(as_json: bool) -> None:
    """List the graded notebooks."""
    rows = [{"id": s.id, "release": s.release, "functions": [f.name for f in s.functions],
             "max_score": s.max_score} for s in specs.NOTEBOOKS.values()]
    if as_json:
        click.echo(json.dumps(rows, indent=2))
    else:
        for row in rows:
            click.echo(f"{row['id']:32} {row['max_score']:>4g} points  {', '.join(row['functions'])}")


@main.command()
@click.option("--notebook", "notebook", required=True, help="Notebook id, from `autograde list`.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the stable format).")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 64), help="Files graded in parallel.")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def grade(notebook: str, as_json: bool, jobs: int, files: tuple[str, ...]) -> None:
    """Grade submitted FILES (.ipynb or .py) against one notebook."""
    if notebook not in specs.NOTEBOOKS:
        raise click.UsageError(f"unknown notebook {notebook!r}; known: {', '.join(sorted(specs.NOTEBOOKS))}")
    try:
        reports = grade_files(list(files), notebook, jobs)
    except GraderError as exc:
        click.echo(f"autograde: {exc}", err=True)
        sys.exit(1)
    click.echo(json.dumps([r.to_json() for r in reports], indent=2) if as_json else format_table(reports))
    sys.exit(1 if any(r.error for r in reports) else 0)


@main.command()
@click.argument("assignment")
@click.option("--course-dir", default=".", show_default=True, type=click.Path(file_okay=False),
              help="The nbgrader course directory (holds submitted/ and gradebook.db).")
@click.option("--force", is_flag=True, help="Regrade files already recorded and unchanged.")
def course(assignment: str, course_dir: str, force: bool) -> None:
    """Grade every submitted/<student>/ASSIGNMENT/*.ipynb into the nbgrader gradebook."""
    from .course import CourseError, grade_course

    notebooks = {s.stem: s for s in specs.NOTEBOOKS.values() if s.id.split("/")[0] == assignment}
    if not notebooks:
        raise click.UsageError(f"no graded notebooks for assignment {assignment!r}; "
                               f"known: {', '.join(sorted({i.split('/')[0] for i in specs.NOTEBOOKS}))}")
    try:
        for spec in notebooks.values():
            _needs_data(spec.id)
        _warn_if_development_secret()
        reports = grade_course(
            Path(course_dir), assignment,
            lambda path, stem: grade_submission(path, notebooks[stem]),
            {stem: [(f.test_name, f.points) for f in s.functions] for stem, s in notebooks.items()},
            progress=_progress, force=force)
    except (CourseError, GraderError) as exc:
        click.echo(f"autograde: {exc}", err=True)
        sys.exit(1)
    graded = [r for r in reports if r.error is None]
    click.echo(f"{len(graded)} of {len(reports)} submitted notebooks graded into {Path(course_dir) / 'gradebook.db'}")
    sys.exit(1 if len(graded) < len(reports) else 0)


@main.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.pass_context
def data(ctx: click.Context) -> None:
    """Find, verify or fetch the datasets (`autograde data verify`, `autograde data fetch --from DIR`)."""
    from dldata.__main__ import main as dldata_main

    sys.exit(dldata_main(ctx.args))


@main.command()
@click.option("--check", is_flag=True, help="Only check that the student copies are up to date.")
def release(check: bool) -> None:
    """Generate the student notebooks and public expected values from solutions/."""
    from .release import release_all

    stale = release_all(ROOT, check=check)
    for path in stale:
        click.echo(f"{'out of date' if check else 'wrote'}: {path}")
    sys.exit(1 if check and stale else 0)


if __name__ == "__main__":
    main()
