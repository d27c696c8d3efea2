"""``autograde`` entry point: the CLI, with set-up failures as one actionable line."""

from __future__ import annotations

import errno
import sys


def _missing(exc: ModuleNotFoundError) -> None:
    print(f"autograde: missing dependency {exc.name!r}: install the project with `make test` "
          "(or `pip install -e .`) in this environment", file=sys.stderr)
    sys.exit(2)


def run() -> None:
    try:
        from .cli import run as cli
    except ModuleNotFoundError as exc:
        _missing(exc)
    try:
        cli()
    except ModuleNotFoundError as exc:
        _missing(exc)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            sys.exit(f"autograde: the disk is full ({exc.filename or 'while writing'}); free some space and "
                     "run the same command again (grades already recorded are kept)")
        raise


if __name__ == "__main__":
    run()
