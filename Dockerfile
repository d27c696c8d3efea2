# The grader in a container, grading at the strongest isolation level ("namespaces"):
# it runs as root in here, and each submission's sandbox gets its own namespaces, a
# private read-only root and a uid of its own (docs/security.md).
#
#   docker build -t autograde .
#   docker run --rm --cap-add SYS_ADMIN --security-opt apparmor=unconfined \
#       -v "$PWD/course:/course" \
#       -v "$HOME/datasets:/data:ro" -e DL_DATASETS_DIR=/data \
#       -v "$HOME/.autograde-secret:/run/secrets/autograde:ro" -e AUTOGRADE_SECRET_FILE=/run/secrets/autograde \
#       autograde course week2 --course-dir /course
#
# --cap-add SYS_ADMIN lets root in the container make namespaces and mounts (Docker's
# default seccomp profile allows unshare and mount to a process holding it);
# --security-opt apparmor=unconfined is needed where AppArmor runs (Ubuntu, Debian):
# Docker's default AppArmor profile denies mount. --privileged works too, and gives far
# more. Without them the image refuses to grade (AUTOGRADE_ISOLATION=namespaces below)
# rather than fall back to the processes level; `docker run --rm autograde` (doctor)
# says what the container offers.
FROM python:3.11-slim

# unshare, setpriv, prlimit (util-linux) and mount build the sandbox; chroot is coreutils.
RUN apt-get update \
    && apt-get install -y --no-install-recommends util-linux mount \
    && rm -rf /var/lib/apt/lists/*

# The project stays where it is copied (an editable install): the grader reads
# solutions/ and the hidden checks from here, and no sandbox ever sees this folder.
COPY . /opt/autograde
RUN pip install --no-cache-dir -e /opt/autograde

ENV AUTOGRADE_ISOLATION=namespaces \
    AUTOGRADE_PROJECT=/opt/autograde \
    AUTOGRADE_CACHE_DIR=/var/cache/autograde \
    PYTHONDONTWRITEBYTECODE=1
WORKDIR /course
ENTRYPOINT ["autograde"]
CMD ["doctor"]
