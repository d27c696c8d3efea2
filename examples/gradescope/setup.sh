#!/usr/bin/env bash
# Gradescope runs this once, as root with network access, when it builds the autograder
# image (choose the Ubuntu 24.04 base image: the grader needs Python >= 3.11). It installs
# the grader from the copy of the project in the zip (see make_zip.sh) into a venv, and
# fetches and verifies the data (local copy or public mirrors, sha256-checked).
set -euo pipefail
cd "${AUTOGRADER_ROOT:-/autograder}/source"

if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    apt-get update -q && apt-get install -y -q python3 python3-venv
fi
python3 -c 'import sys; assert sys.version_info >= (3, 11), f"dl-autograder needs Python >= 3.11, this image has {sys.version.split()[0]}: choose the Ubuntu 24.04 base image"'
python3 -c 'import venv' 2>/dev/null || { apt-get update -q && apt-get install -y -q python3-venv; }

python3 -m venv "${AUTOGRADER_ROOT:-/autograder}/venv"
"${AUTOGRADER_ROOT:-/autograder}/venv/bin/pip" install --quiet ./dl-autograder
"${AUTOGRADER_ROOT:-/autograder}/venv/bin/python" -m dldata fetch
