"""``autograde`` entry point: the CLI, with set-up failures as one actionable line."""

from __future__ import annotations

import errno
import sys


def run() -> None:
    try:
        from .cli import main
    except ModuleNotFoundError as exc:
        sys.exit(f"autograde: missing dependency {exc.name!r}: install the project with `make test` "
                 "(or `pip install -e .`) in this environment")
    try:
        main()
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            sys.exit(f"autograde: the disk is full ({exc.filename or 'while writing'}); free some space and "
                     "run the same command again (grades already recorded are kept)")
        raise


if __name__ == "__main__":
    run()
