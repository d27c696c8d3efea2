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
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TextIO

import click

from dlcheck.checks import GraderError
from dlcheck.files import refusal
from dlcheck.results import SubmissionReport
from dlcheck.text import Text, language, set_language, tr

from . import __version__, batch, companions, copies, exports, names, project, recognise, specs
from .preflight import preflight
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


def grade_files(work: list[tuple[str, str]], grading_secret: bytes, jobs: int = 1, limits: Limits = Limits(),
                companions: Mapping[str, dict[str, Path]] | None = None,
                scheduler: str | None = None) -> list[SubmissionReport]:
    """Grade ``(file, notebook id)`` pairs in order, ``jobs`` at a time (or on the Dask
    cluster of ``scheduler``) and the same graded code once (:mod:`autograder.batch`),
    reporting progress on stderr; ``companions``: for a file, its companion notebooks'
    files found in the call (:func:`pair_companions`; the others are looked for beside it)."""
    companions = companions or {}
    tasks = [batch.Task(Path(f), notebook, companions.get(f)) for f, notebook in work]
    reports: list[SubmissionReport] = []
    graded = batch.grade_many(tasks, batch.Grader(grading_secret, limits), jobs,
                              builds_on_others=lambda notebook: bool(specs.get(notebook).companions),
                              scheduler=scheduler)
    for i, (report, took) in enumerate(graded, 1):
        status = f"{report.score:g}/{report.max_score:g}" if report.error is None else f"not graded: {report.error}"
        if took is not None:
            status += f" (the same graded code as [{took + 1}], graded once)"
        _progress(f"[{i}/{len(tasks)}] {names.safe_name(report.submission)}: {status}")
        reports.append(report)
    return reports


def _notebook_table(reports: list[SubmissionReport]) -> list[str]:
    """One notebook's table: one row per file, one column per function, then the total."""
    functions = [t.function for t in reports[0].tests]
    names_ = [names.safe_name(Path(r.submission).name) for r in reports]
    name_width = max(len("submission"), *(len(n) for n in names_))
    widths = [max(len(f), 5) for f in functions]
    columns = [f.rjust(w) for f, w in zip(functions, widths, strict=True)]
    header = "  ".join(["submission".ljust(name_width), *columns, "total"])
    lines = [header, "-" * len(header)]
    for name, r in zip(names_, reports, strict=True):
        cells = [f"{t.score:g}/{t.max_score:g}".rjust(w) for t, w in zip(r.tests, widths, strict=True)]
        lines.append("  ".join([name.ljust(name_width), *cells, f"{r.score:g}/{r.max_score:g}"]))
    return lines


def format_table(reports: list[SubmissionReport]) -> str:
    """A readable table per notebook (titled when there are several), then the notes (what
    the grader decided for a file), the files not graded, the failures, and the isolation level."""
    if not reports:
        return "(no files)"
    groups: dict[str, list[SubmissionReport]] = {}
    for r in reports:
        if r.tests:
            groups.setdefault(r.notebook, []).append(r)
    lines: list[str] = []
    for notebook, group in groups.items():
        if len(groups) > 1:
            lines += ([""] if lines else []) + [f"{notebook}:"]
        lines += _notebook_table(group)
    label = {id(r): names.safe_name(Path(r.submission).name) for r in reports}
    failures = [(label[id(r)], t) for r in reports for t in r.tests if not t.passed and r.error is None]
    errors = [(label[id(r)], r) for r in reports if r.error]
    notes = [(label[id(r)], note) for r in reports for note in r.notes]
    if errors or failures or notes:
        lines.append("")
    lines += [f"{n}: note: {note}" for n, note in notes]
    lines += [f"{n}: not graded: {r.error}" for n, r in errors]
    lines += [f"{n}: {t.message}" for n, t in failures]
    levels = sorted({r.isolation for r in reports if r.isolation})
    if levels:
        lines += ["", f"isolation level: {', '.join(levels)}"]
    return "\n".join(lines)


def _infer_notebooks(files: tuple[str, ...], notebook: str | None
                     ) -> tuple[list[tuple[str, str]], list[SubmissionReport], dict[str, list[Text]]]:
    """Each file with its notebook id: ``notebook`` when given, else the one its name means
    (:func:`autograder.names.match`), else the one it is by the functions it defines
    (:mod:`autograder.recognise`, said in a note of the file); a file of none gets a report
    saying why. Returns the pairs, those reports, and the notes by file."""
    if notebook is not None:
        return [(f, notebook) for f in files], [], {}
    notebooks = specs.notebooks()
    known = {s.id: names.names_of(s) for s in notebooks.values()}
    graded = {s.id: recognise.functions_of(s) for s in notebooks.values()}
    builds_on = {s.id: s.companions for s in notebooks.values()}
    work, unknown, notes = [], [], {}
    for f in files:
        found = names.match(Path(f).name, known)
        if found is None:
            defined = recognise.defined_in(Path(f))
            by_functions = recognise.recognise(defined, graded, builds_on) if not isinstance(defined, Text) else defined
            if isinstance(by_functions, recognise.Recognised):
                found = by_functions.notebook
                notes[f] = [by_functions.note(Path(f).name)]
                _progress(f"{names.safe_name(f)}: {by_functions.why()}")
            else:
                expected = names.expected_files({s.stem: names.names_of(s) for s in notebooks.values()})
                why = recognise.why_not(Path(f).name, by_functions)
                unknown.append(SubmissionReport(submission=f, notebook="?", error=tr(
                    "cannot tell which notebook {file} is: name it after one (expected {expected}) or pass "
                    "--notebook ID; {why}",
                    "{file}이(가) 어느 노트북인지 알 수 없습니다: 노트북 이름으로 바꾸거나 (기대한 이름: {expected}) "
                    "--notebook ID를 주세요. {why}", file=Path(f).name, expected=expected, why=why)))
                continue
        work.append((f, found))
    return work, unknown, notes


def _one_file_per_notebook(work: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[SubmissionReport]]:
    """Of one submission's ``(file, notebook id)`` pairs, the file graded for each notebook
    (:func:`autograder.copies.choose`, among the regular files of their own), and a report
    saying why for each other file."""
    groups: dict[str, dict[Path, str]] = {}
    not_graded = []
    for f, notebook in work:
        why = refusal(f)
        if why is None:
            groups.setdefault(notebook, {})[Path(f)] = f
        else:
            not_graded.append(SubmissionReport(submission=f, notebook=notebook, error=why))
    graded = set()
    for notebook, paths in groups.items():
        spec = specs.get(notebook)
        choice = copies.choose(paths, spec.stem, copies.released(spec))
        graded.add(paths[choice.graded])
        not_graded += [SubmissionReport(submission=paths[p], notebook=notebook, error=why)
                       for p, why in choice.passed_over]
    return [(f, n) for f, n in work if f in graded], not_graded


def pair_companions(work: list[tuple[str, str]]) -> dict[str, dict[str, Path]]:
    """For each file of a notebook that builds on others (the week-4 application), the file of
    each of those among the call's files, in its folder or one next to it
    (:func:`autograder.companions.nearest`); a file not paired here has its companion
    looked for beside it when it is graded."""
    by_notebook: dict[str, list[Path]] = {}
    for f, notebook in work:
        by_notebook.setdefault(notebook, []).append(Path(f))
    paired: dict[str, dict[str, Path]] = {}
    for f, notebook in work:
        for companion in map(specs.get, specs.get(notebook).companions):
            found = companions.nearest(Path(f), by_notebook.get(companion.id, []), companion)
            if found is not None:
                paired.setdefault(f, {})[companion.id] = found
    return paired


@click.group()
@click.version_option(__version__, prog_name="autograde", message="%(prog)s (dl-autograder) %(version)s")
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


FORMATS = ("table", "json", "csv", "gradescope")


def machine_cores() -> int:
    """The cores this process may run on (its CPU affinity), the default of ``--jobs``."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


jobs_option = click.option(
    "--jobs", type=click.IntRange(1, 64), default=machine_cores, show_default="the machine's cores",
    envvar="AUTOGRADE_JOBS", show_envvar=True,
    help="Files graded at the same time, each in a worker process with its own sandboxes.")

scheduler_option = click.option(
    "--scheduler", metavar="ADDRESS", envvar="AUTOGRADE_SCHEDULER", show_envvar=True,
    help="Grade on a Dask cluster: its scheduler's address (tcp://HOST:8786; its workers started with `dask worker "
         "ADDRESS --nthreads 1` from the course project, docs/grading.md), or 'local' for a cluster of --jobs worker "
         "processes here. Needs dl-autograder[dask].")


#: What ``grade`` and ``course`` read from the environment, shown by their ``--help``.
ENVIRONMENT = ("Environment: AUTOGRADE_SECRET, or AUTOGRADE_SECRET_FILE naming a file that holds it: the instructor "
               "secret that seeds the hidden checks' inputs (needed unless --dev-secret); AUTOGRADE_JOBS: the "
               "default of --jobs; AUTOGRADE_SCHEDULER: the default of --scheduler; "
               "AUTOGRADE_LANG: ko or en; DL_DATASETS_DIR: the one folder the data is read from; "
               "AUTOGRADE_PROJECT: the course project (as --project).")


@main.command(epilog=ENVIRONMENT)
@click.option("--notebook", "notebook", help="Notebook id, from `autograde list` (default: told by each file's name, "
                                             "e.g. logistic_regression.ipynb or its classic course name).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table: readable; json: the stable format; csv: a row per file, a column per function; "
                   "gradescope: Gradescope's results.json.")
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
@click.option("--gradescope-visibility", type=click.Choice(exports.GRADESCOPE_VISIBILITY), default="visible",
              show_default=True, help="With --format gradescope: when students see the results.")
@jobs_option
@scheduler_option
@click.option("--dev-secret", is_flag=True, help="A trial run: seed hidden inputs with the public development "
                                                 "secret when no instructor secret is set.")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def grade(notebook: str | None, fmt: str, as_json: bool, gradescope_visibility: str, jobs: int,
          scheduler: str | None, dev_secret: bool, files: tuple[str, ...]) -> None:
    """Grade submitted FILES (.ipynb or .py)."""
    if notebook is not None and notebook not in specs.notebooks():
        raise click.UsageError(f"unknown notebook {notebook!r}; known: {', '.join(specs.notebooks())}")
    fmt = "json" if as_json else fmt
    work, unknown, notes = _infer_notebooks(files, notebook)
    if fmt == "gradescope":  # the files are one student's upload: one file per notebook counts
        work, passed_over = _one_file_per_notebook(work)
        unknown += passed_over
    grading_secret = preflight([specs.get(n) for n in dict.fromkeys(n for _, n in work)],
                                       dev_secret=dev_secret)
    _announce_isolation()
    with _stdout_for_report() as out:
        graded = iter(grade_files(work, grading_secret, jobs, companions=pair_companions(work), scheduler=scheduler))
        reports = [next(graded) if f in dict(work) else next(r for r in unknown if r.submission == f)
                   for f in files]
        for report in reports:
            report.notes[:0] = notes.get(report.submission, [])
        if fmt == "json":
            text = json.dumps([r.to_json() for r in reports], indent=2, ensure_ascii=False)
        elif fmt == "csv":
            text = exports.reports_csv(reports).rstrip("\n")
        elif fmt == "gradescope":
            text = json.dumps(exports.gradescope_results(reports, visibility=gradescope_visibility), indent=2,
                              ensure_ascii=False)
        else:
            text = format_table(reports)
        out.write(text + "\n")
    sys.exit(1 if any(r.error for r in reports) else 0)


@main.command(epilog=ENVIRONMENT)
@click.argument("assignment")
@click.option("--course-dir", default=".", show_default=True, type=click.Path(file_okay=False),
              help="The nbgrader course directory (holds submitted/ and gradebook.db).")
@click.option("--force", is_flag=True, help="Regrade files already recorded and unchanged.")
@click.option("--dev-secret", is_flag=True, help="A trial run: allow the public development secret.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False),
              help="Also write the course-wide CSV (as `autograde export`) to this file.")
@jobs_option
@scheduler_option
def course(assignment: str, course_dir: str, force: bool, dev_secret: bool, csv_path: str | None, jobs: int,
           scheduler: str | None) -> None:
    """Grade every submitted/<student>/ASSIGNMENT/*.ipynb into the nbgrader gradebook, with
    a feedback page per notebook in feedback/<student>/ASSIGNMENT/."""
    from . import course as courses  # nbgrader takes seconds to import: only the verbs that need it

    folder = Path(course_dir)
    _announce_isolation()
    with _stdout_for_report() as out:
        run = courses.grade_assignment(folder, assignment, dev_secret=dev_secret, force=force,
                                       progress=_progress, lang=language(), jobs=jobs, scheduler=scheduler)
        notes = [f"{run.unchanged} unchanged, not regraded"] if run.unchanged else []
        if run.regraded_after_others:
            notes.append(f"{run.regraded_after_others} graded again: another tool had changed their scores")
        if run.not_handed_in:
            notes.append(f"{run.not_handed_in} not handed in, scored 0")
        if run.not_recognised:
            notes.append(f"{run.not_recognised} with no file recognised as theirs, scored 0")
        if run.skipped:
            notes.append(f"{len(run.skipped)} other file{'s' if len(run.skipped) > 1 else ''} not graded, "
                         "each listed above with why")
        out.write(f"{len(run.graded)} of {len(run.reports)} submitted notebooks graded into "
                  f"{folder / 'gradebook.db'}" + (f" ({'; '.join(notes)})" if notes else "") + "\n")
        out.write(f"feedback: {folder / 'feedback'}/<student>/{assignment}/*.html "
                  f"(hand it out with `nbgrader release_feedback {assignment}`)\n")
        levels = sorted({r.isolation for r in run.reports if r.isolation}) or [isolation.level()]
        out.write(f"isolation level: {', '.join(levels)}\n")
        if csv_path:
            _write_course_csv(folder, assignment, Path(csv_path))
            out.write(f"scores: {csv_path}\n")
    sys.exit(1 if len(run.graded) < len(run.reports) else 0)


def _write_course_csv(course_dir: Path, assignment: str, path: Path | None) -> str:
    from .gradebook import GradebookError, assignment_scores, opened

    if not (course_dir / "gradebook.db").is_file():
        raise GraderError(f"no gradebook at {course_dir / 'gradebook.db'}: grade the course first "
                          f"(autograde course {assignment} --course-dir {course_dir})")
    try:
        with opened(course_dir) as gb:
            text = exports.course_csv(assignment_scores(gb, assignment))
    except GradebookError as exc:
        raise GraderError(str(exc)) from None
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return text


@main.command()
@click.argument("assignment")
@click.option("--course-dir", default=".", show_default=True, type=click.Path(file_okay=False),
              help="The nbgrader course directory (holds gradebook.db).")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False), help="Write the CSV here (default: stdout).")
def export(assignment: str, course_dir: str, csv_path: str | None) -> None:
    """One CSV row per student of the gradebook: each notebook's score of ASSIGNMENT (manual
    scores included), the total, and the isolation level it was graded at."""
    text = _write_course_csv(Path(course_dir), assignment, Path(csv_path) if csv_path else None)
    if csv_path is None:
        click.echo(text, nl=False)


@main.command()
def doctor() -> None:
    """Say what this machine offers: each isolation level (tried), the data, the secret.

    Exits 0 when grading that counts can run here (a sandbox, the data, an instructor
    secret in AUTOGRADE_SECRET or AUTOGRADE_SECRET_FILE), else 1; each missing piece is
    named with what to do.
    """
    from .doctor import report

    text, ready = report()
    click.echo(text)
    sys.exit(0 if ready else 1)


@main.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True}, add_help_option=False)
@click.pass_context
def data(ctx: click.Context) -> None:
    """Find, verify or fetch the datasets: `autograde data verify`, `autograde data fetch
    [--from DIR_OR_URL]` (`autograde data --help` lists every option)."""
    from dldata.__main__ import main as dldata_main

    sys.exit(dldata_main(ctx.args or ["--help"], prog="autograde data"))


@main.command()
@click.option("--check", is_flag=True, help="Only check that the generated files (and the kit) are up to date.")
@click.option("--to", "kit_dir", type=click.Path(file_okay=False),
              help="Also write the student kit into DIR (new, empty, or a kit written before): notebooks, "
                   "self-checks and data loader, installable with pip, without solutions or hidden checks.")
def release(check: bool, kit_dir: str | None) -> None:
    """Generate the student notebooks, expected values and pytest files from solutions/ and specs."""
    from .release import outputs, release_all

    root = project.root()
    files = outputs(root)
    stale = release_all(root, check=check, files=files)
    if kit_dir:
        from .kit import write_kit

        stale += write_kit(root, Path(kit_dir), check=check, generated=files)
    for path in stale:
        click.echo(f"{'out of date' if check else 'wrote' if path.exists() else 'removed'}: {path}")
    if kit_dir and not check:
        click.echo(f"student kit: {Path(kit_dir).resolve()} (pip install it; see its README.md)", err=True)
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
