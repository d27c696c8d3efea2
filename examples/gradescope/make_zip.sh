#!/usr/bin/env bash
# Build the Gradescope autograder zip from this checkout:
#     AUTOGRADE_SECRET_FILE=~/secret examples/gradescope/make_zip.sh [autograder.zip]
# It holds setup.sh, run_autograder, the project at HEAD (git archive: commit your changes
# first) and your instructor secret as `secret`. Keep the zip private: the secret seeds the
# hidden checks' inputs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
secret=${AUTOGRADE_SECRET_FILE:?set AUTOGRADE_SECRET_FILE to the file holding your instructor secret}
out=$(realpath -m "${1:-autograder.zip}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp "$here/setup.sh" "$here/run_autograder" "$work/"
git -C "$root" archive --format=tar --prefix=dl-autograder/ HEAD | tar -x -C "$work"
cp "$secret" "$work/secret"
rm -f "$out"
(cd "$work" && python3 -m zipfile -c "$out" setup.sh run_autograder secret dl-autograder)
echo "wrote $out: upload it as the autograder of a Gradescope programming assignment"
