"""Command line: put the data files in place and check them.

    python -m dldata fetch [--from DIR_OR_URL] [--to DIR] [--all] [--quiet] [NAME ...]
    python -m dldata verify [--data-dir DIR]

``fetch`` without ``--from`` copies from the local folders, else downloads from the public
mirrors (progress on stderr). Exit status: 0 on success; 1 when a file cannot be fetched
or, for ``verify``, when the cat/non-cat pair is not both present and valid; 2 for a usage
error. Errors are one ``error: ...`` line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from typing import TextIO

from dlcheck.text import cells, tr

from . import store
from .store import ENV_VAR, KNOWN_FILES, REQUIRED, DataError, fetch, verify


def _parser(prog: str = "python -m dldata") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog, description="Fetch and verify the exercises' data files."
    )
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="{fetch,verify}")

    p = verbs.add_parser("fetch", help="copy or download files, verifying their sha256")
    p.add_argument("--from", dest="source", metavar="DIR_OR_URL",
                   help=f"folder or http(s) base URL (default: ${ENV_VAR}, the local folders, then the "
                        "public mirrors, in order)")
    p.add_argument("--to", dest="dest", metavar="DIR",
                   help=f"folder to write into (default: ${ENV_VAR}, else {store.home()[0]})")
    p.add_argument("--all", action="store_true", help="every known file, not only the required ones")
    p.add_argument("--quiet", action="store_true", help="do not list the files (downloads still show progress)")
    p.add_argument("names", nargs="*", metavar="NAME",
                   help=f"files to fetch (default: {', '.join(REQUIRED)}; known: {', '.join(KNOWN_FILES)})")

    p = verbs.add_parser("verify", help="say where each file is and whether it is intact")
    p.add_argument("--data-dir", metavar="DIR",
                   help=f"only look in DIR (default: ${ENV_VAR}, else {store.home()[0]}, then the shared folder)")
    return parser


class DownloadProgress:
    """Prints a download's progress on ``stream``: one line redrawn on a terminal, a start
    and an end line otherwise (logs, CI)."""

    def __init__(self, stream: TextIO | None = None, every: float = 0.2) -> None:
        self._stream, self.every, self.last = stream, every, 0.0

    @property
    def stream(self) -> TextIO:
        return self._stream or sys.stderr  # sys.stderr as it is now (tests replace it)

    def __call__(self, label: str, received: int, total: int) -> None:
        tty = self.stream.isatty()
        now = time.monotonic()
        if received == 0:
            self.stream.write(str(tr("downloading {label} ({mb:.1f} MB)", "내려받는 중: {label} ({mb:.1f} MB)",
                                     label=label, mb=total / 1e6)) + ("" if tty else "\n"))
        elif received >= total:
            done = tr("downloaded {label}", "내려받음: {label}", label=label)
            self.stream.write(f"\r{done} ({total / 1e6:.1f} MB)\n" if tty else f"{done}\n")
        elif tty and now - self.last >= self.every:
            self.stream.write("\r" + str(tr("downloading {label}: {got:.1f} of {mb:.1f} MB ({percent} %)",
                                             "내려받는 중: {label}: {mb:.1f} MB 중 {got:.1f} MB ({percent} %)",
                                             label=label, got=received / 1e6, mb=total / 1e6,
                                             percent=100 * received // total)))
        else:
            return
        self.last = now
        self.stream.flush()


def _padded(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal cells (a Hangul syllable takes two)."""
    return text + " " * max(width - cells(text), 0)


def _fetch(args: argparse.Namespace) -> int:
    names = args.names or (list(KNOWN_FILES) if args.all else None)
    for path in fetch(names, args.source, args.dest, progress=DownloadProgress()):
        if not args.quiet:
            print(f"{tr('OK', '정상')}  {path}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    report = verify(args.data_dir)
    width = max(len(name) for name in KNOWN_FILES)
    for f in report.files:
        label = str(f.status_text).upper() if f.status == "ok" else str(f.status_text)
        note = "" if f.required or f.status == "ok" else tr(" (optional)", " (선택)")
        print(f"{f.name:<{width}}  {_padded(label, 7)}  {f.detail_text + note}")
    if report.ok:
        print(tr("cat/non-cat data: OK", "cat/non-cat 데이터: 정상"))
        return 0
    first = store.search_folders(args.data_dir)[0][0]
    to = "" if first == store.default_destination() else f" --to {first}"
    print(tr("cat/non-cat data: NOT USABLE. To fix it, run:  {command}",
             "cat/non-cat 데이터: 사용할 수 없음. 해결하려면 실행하세요:  {command}",
             command=f"{store.fetch_command()}{to}"), file=sys.stderr)
    return 1


def main(argv: Sequence[str] | None = None, prog: str = "python -m dldata") -> int:
    """Run the CLI on ``argv`` (default ``sys.argv[1:]``) and return the exit status;
    ``prog`` is the command's name in its help (``autograde data``)."""
    try:
        args = _parser(prog).parse_args(argv)
    except SystemExit as exc:  # --help or a usage error: argparse has printed the message
        return exc.code if isinstance(exc.code, int) else 2
    try:
        return _fetch(args) if args.verb == "fetch" else _verify(args)
    except DataError as exc:
        print(tr("error: ", "오류: ") + exc.text, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
