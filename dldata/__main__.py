"""Command line: put the data files in place and check them.

    python -m dldata fetch [--from DIR_OR_URL] [--to DIR] [NAME ...]
    python -m dldata verify [--data-dir DIR]

Exit status: 0 on success; 1 when a file cannot be fetched or, for ``verify``, when the
cat/non-cat pair is not both present and valid; 2 for a usage error. Errors are one
``error: ...`` message on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import store
from .store import ENV_VAR, KNOWN_FILES, REQUIRED, DataError, fetch, verify


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dldata", description="Fetch and verify the exercises' data files."
    )
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="{fetch,verify}")

    p = verbs.add_parser("fetch", help="copy or download files, verifying their sha256")
    p.add_argument("--from", dest="source", metavar="DIR_OR_URL",
                   help=f"folder or http(s) base URL (default: ${ENV_VAR}, else ../shared/datasets)")
    p.add_argument("--to", dest="dest", metavar="DIR",
                   help="folder to write into (default: the dldata package folder)")
    p.add_argument("names", nargs="*", metavar="NAME",
                   help=f"files to fetch (default: all of {', '.join(KNOWN_FILES)})")

    p = verbs.add_parser("verify", help="say where each file is and whether it is intact")
    p.add_argument("--data-dir", metavar="DIR",
                   help=f"only look in DIR (default: ${ENV_VAR}, package folder, shared folder)")
    return parser


def _fetch(args: argparse.Namespace) -> int:
    for path in fetch(args.names or None, args.source, args.dest):
        print(f"OK  {path}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    report = verify(args.data_dir)
    width = max(len(name) for name in KNOWN_FILES)
    for f in report.files:
        label = f.status.upper() if f.status == "ok" else f.status
        note = "" if f.required or f.status == "ok" else " (optional)"
        print(f"{f.name:<{width}}  {label:<7}  {f.detail}{note}")
    if report.ok:
        print("cat/non-cat data: OK")
        return 0
    first = store.search_folders(args.data_dir)[0][0]
    to = "" if first == store.PACKAGE_DIR else f" --to {first}"
    print(
        f"cat/non-cat data: NOT USABLE. To fix it, run:  python -m dldata fetch "
        f"--from DIR_OR_URL{to} {' '.join(REQUIRED)}",
        file=sys.stderr,
    )
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI on ``argv`` (default ``sys.argv[1:]``) and return the exit status."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help or a usage error: argparse has printed the message
        return exc.code if isinstance(exc.code, int) else 2
    try:
        return _fetch(args) if args.verb == "fetch" else _verify(args)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
