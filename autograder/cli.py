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
from typing import TYPE_CHECKING, TextIO

import click

from dlcheck.checks import GraderError
from dlcheck.files import refusal
from dlcheck.results import SubmissionReport
from dlcheck.text import Text, as_text, chosen_language, join, language, set_language, tr

from . import __version__, batch, companions, copies, exports, names, project, recognise, specs
from .preflight import preflight
from .sandbox import isolation
from .sandbox.isolation import Limits
from .table import format_table, terminal_width

if TYPE_CHECKING:
    from .course import CourseRun  # nbgrader's ORM: only the verbs that need it


def _progress(text: Text | str) -> None:
    click.echo(str(text), err=True)


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
        why = (tr("{var}=processes asks for it", "{var}=processes로 요청됨", var=isolation.ENV_VAR) if asked
               else f"userns: {isolation.trial('userns')}")
        _progress(tr("autograde: WARNING: isolation level 'processes' ({why}): student code runs as your user and can "
                     "read the solutions, the hidden checks, the secret file and other submissions, write your files "
                     "and reach the network. See `autograde doctor`.",
                     "autograde: 경고: 격리 수준 'processes' ({why}): 학생 코드가 여러분의 사용자로 실행되어 정답, 숨은 "
                     "검사, 비밀 파일, 다른 제출물을 읽고, 여러분의 파일에 쓰고, 네트워크에 접속할 수 있습니다. "
                     "(`autograde doctor` 참고)", why=why))


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
        status = (as_text(f"{report.score:g}/{report.max_score:g}") if report.error is None
                  else tr("not graded: ", "채점하지 못함: ") + report.error)
        if took is not None:
            status += tr(" (the same graded code as [{first}], graded once)", " (채점 코드가 [{first}]번과 같아 한 번만 채점)",
                         first=took + 1)
        _progress(f"[{i}/{len(tasks)}] {names.safe_name(report.submission)}: " + status)
        reports.append(report)
    return reports


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
                    "{file} 파일이 어느 노트북인지 알 수 없습니다: 노트북 이름으로 바꾸거나 (기대한 이름: {expected}) "
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
            points = tr("{n:>4g} points", "{n:>4g}점", n=row["max_score"])
            click.echo(f"{row['id']:40} {points}  {', '.join(row['functions'])}")


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
        raise click.UsageError(str(tr("unknown notebook {notebook!r}; known: {known}",
                                      "알 수 없는 노트북 {notebook!r}; 알려진 노트북: {known}", notebook=notebook,
                                      known=", ".join(specs.notebooks()))))
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
            text = format_table(reports, terminal_width(out))
        out.write(text + "\n")
    sys.exit(1 if any(r.error for r in reports) else 0)


#: Which of nbgrader's own commands work on what `course` writes (README, "Instructor's loop").
NBGRADER_COMMANDS = tr(
    "nbgrader: formgrader, export, generate_feedback and release_feedback work on this gradebook; do not run "
    "`nbgrader autograde` on it (it runs the students' notebooks in your own process, and with --force deletes "
    "autograded/; `autograde course` again puts them back)",
    "nbgrader: formgrader, export, generate_feedback, release_feedback 명령은 이 gradebook에서 그대로 씁니다. "
    "`nbgrader autograde`는 실행하지 마세요 (학생 노트북을 여러분의 프로세스에서 실행하고, --force를 주면 "
    "autograded/를 지웁니다. 지워졌다면 `autograde course`를 다시 실행하면 되살아납니다)")


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
    from . import course as courses  # nbgrader's ORM: only the verbs that need it

    folder = Path(course_dir)
    _announce_isolation()
    with _stdout_for_report() as out:
        run = courses.grade_assignment(folder, assignment, dev_secret=dev_secret, force=force,
                                       progress=_progress, lang=chosen_language(), jobs=jobs, scheduler=scheduler)
        levels = sorted({r.isolation for r in run.reports if r.isolation}) or [isolation.level()]
        for line in course_summary(run, folder, assignment, levels):
            out.write(f"{line}\n")
        if csv_path:
            _write_course_csv(folder, assignment, Path(csv_path))
            out.write(f"{tr('scores', '점수')}: {csv_path}\n")
    sys.exit(1 if len(run.graded) < len(run.reports) else 0)


def course_summary(run: CourseRun, folder: Path, assignment: str, levels: list[str]) -> list[Text]:
    """What a course run did, each number counting one kind of notebook (one student's copy
    of one of the assignment's notebooks): graded now, then, when there are any, could not
    be graded, kept as recorded, not handed in, not recognised; then the files passed over,
    where the feedback and the class page are, the isolation level, and which of nbgrader's
    commands to run on the course."""
    n = len(run.graded)
    graded = (tr("{n} graded ({k} of them again: another tool had changed their scores)",
                 "{n}개 채점 (그중 {k}개는 다른 도구가 점수를 바꿔 다시 채점)", n=n, k=run.regraded_after_others)
              if run.regraded_after_others else tr("{n} graded", "{n}개 채점", n=n))
    others = [text for count, text in (
        (len(run.reports) - n, tr("{n} could not be graded (scored 0, listed above)",
                                  "{n}개 채점 불가 (0점, 위에 사유 표시)", n=len(run.reports) - n)),
        (run.unchanged, tr("{n} unchanged since recorded (not regraded)", "{n}개 기록 후 변경 없음 (다시 채점하지 않음)",
                           n=run.unchanged)),
        (run.not_handed_in, tr("{n} not handed in (scored 0)", "{n}개 미제출 (0점)", n=run.not_handed_in)),
        (run.not_recognised, tr("{n} with no file recognised as theirs (scored 0)",
                                "{n}개 해당 파일을 찾지 못함 (0점)", n=run.not_recognised))) if count]
    lines = [tr("notebooks of {assignment}: ", "{assignment}의 노트북: ", assignment=assignment)
             + join([graded, *others], ", ") + tr("; recorded in {db}", "; 기록한 곳: {db}", db=folder / "gradebook.db")]
    if run.skipped:
        lines.append(tr("other files not graded: {n} (each listed above with why)",
                        "채점하지 않은 다른 파일: {n}개 (위에 각각 사유 표시)", n=len(run.skipped)))
    lines.append(tr("feedback: {folder}/<student>/{assignment}/*.html (hand it out with "
                    "`nbgrader release_feedback {assignment}`)",
                    "피드백: {folder}/<student>/{assignment}/*.html (`nbgrader release_feedback {assignment}` "
                    "명령으로 나눠 주세요)", folder=folder / "feedback", assignment=assignment))
    lines.append(tr("isolation level: {levels}", "격리 수준: {levels}", levels=", ".join(levels)))
    lines.append(tr("the class: {page} (again later: `autograde report {assignment}`)",
                    "반 전체: {page} (나중에 다시 만들려면 `autograde report {assignment}`)",
                    page=folder / "feedback" / "index.html", assignment=assignment))
    lines.append(NBGRADER_COMMANDS)
    return lines


@contextlib.contextmanager
def _recorded_course(course_dir: Path, assignment: str) -> Iterator:
    """The course's gradebook, open; GraderError when there is none or it lacks ``assignment``."""
    from .gradebook import GradebookError, opened

    if not (course_dir / "gradebook.db").is_file():
        raise GraderError(tr("no gradebook at {db}: grade the course first ({command})",
                             "{db}에 성적부가 없습니다: 먼저 강좌를 채점하세요 ({command})", db=course_dir / "gradebook.db",
                             command=f"autograde course {assignment} --course-dir {course_dir}"))
    try:
        with opened(course_dir) as gb:
            yield gb
    except GradebookError as exc:
        raise GraderError(str(exc)) from None


def _write_course_csv(course_dir: Path, assignment: str, path: Path | None) -> str:
    from .gradebook import assignment_scores

    with _recorded_course(course_dir, assignment) as gb:
        text = exports.course_csv(assignment_scores(gb, assignment))
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
@click.argument("assignment")
@click.option("--course-dir", default=".", show_default=True, type=click.Path(file_okay=False),
              help="The nbgrader course directory (holds gradebook.db).")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Write the page here (default: feedback/index.html in the course directory).")
def report(assignment: str, course_dir: str, output: str | None) -> None:
    """The class page of ASSIGNMENT, from what `autograde course` recorded (nothing is graded):
    score histogram, each function's pass rate and most frequent messages, who did not hand
    in, files not graded and why, groups of the same code, isolation level."""
    from . import review

    folder = Path(course_dir)
    with _recorded_course(folder, assignment) as gb:
        summary = review.summarise(gb, assignment)
    path = review.write_page(Path(output) if output else review.page_path(folder), summary, language())
    click.echo(tr("the class: {page}", "반 전체: {page}", page=path))


@main.command()
def doctor() -> None:
    """Say what this machine offers: each isolation level (tried), the course project, the
    data, the secret.

    Exits 0 when grading that counts can run here (a sandbox, the project's solutions:
    AUTOGRADE_PROJECT for an installed grader, the data, an instructor secret in
    AUTOGRADE_SECRET or AUTOGRADE_SECRET_FILE), else 1; each missing piece is named with
    what to do.
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
        done = (tr("out of date", "오래됨") if check else tr("wrote", "새로 씀") if path.exists()
                else tr("removed", "지움"))
        click.echo(f"{done}: {path}")
    if kit_dir and not check:
        click.echo(tr("student kit: {kit} (pip install it; see its README.md)",
                      "학생 키트: {kit} (pip로 설치하세요. README.ko.md 참고)", kit=Path(kit_dir).resolve()), err=True)
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
