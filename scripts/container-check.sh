#!/usr/bin/env bash
# Builds the task image (Dockerfile target `runtime`) and checks it the way ECS will use it:
#   1. `hello-world --name container-check` greets and exits 0;
#   2. `sleep --seconds 60`, then the engine stops the container (SIGTERM): exit 143, well before
#      the engine's kill timeout (PID 1 is java, the signal reaches the JVM);
#   3. it runs as a non-root user and carries org.opencontainers.image.revision = the commit;
#   4. the AppCDS archive that /app/jvm.options names was made by the image's JVM and maps.
# Engine: docker when `docker info` works, else podman (flags from ENVIRONMENT.md), else it prints
# "SKIPPED: no container engine (...)" and exits 0. RUNTASK_CONTAINER_ENGINE=docker|podman forces one.
#
# Build inputs (environment variables, all optional):
#   RUNTASK_RUNTIME_IMAGE  base image of the runtime stage (Dockerfile default: eclipse-temurin:17-jre;
#                          with podman, localhost/runtask-base-jre17:bookworm when that image exists)
#   RUNTASK_BUILD_IMAGE    Maven image of the build stage (Dockerfile default)
#   RUNTASK_JARS           build (Maven inside the image build) | prebuilt (tasks/target/tasks.jar and
#                          jvm.options built on the host first); default: prebuilt with the local base
#                          image (no registry to pull Maven or dependencies from), else build
# `scripts/container-check.sh --make-base-image` makes localhost/runtask-base-jre17:bookworm for
# podman: a debootstrap Debian bookworm rootfs with openjdk-17-jre-headless (needs root, debootstrap
# and a Debian mirror), imported with `podman import`.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT
readonly LOCAL_BASE=localhost/runtask-base-jre17:bookworm
readonly RUNC=${RUNTASK_RUNC:-/usr/sbin/runc}
readonly WORK=${RUNTASK_CHECK_DIR:-/var/tmp/runtask-container-check}
mkdir -p "$WORK"

say() { echo "container-check: $*"; }
fail() {
  echo "container-check: FAILED: $*" >&2
  exit 1
}

podman_engine() {
  mkdir -p "$WORK"
  # Debian's podman on these machines needs: no default ulimits, runc, cgroupfs, no network.
  if [[ -z ${CONTAINERS_CONF:-} ]]; then
    printf '[containers]\ndefault_ulimits = []\n' >"$WORK/containers.conf"
    export CONTAINERS_CONF=$WORK/containers.conf
  fi
  podman --runtime "$RUNC" --cgroup-manager=cgroupfs "$@"
}

make_base_image() {
  command -v debootstrap >/dev/null || fail "debootstrap is missing (apt-get install -y debootstrap)"
  command -v podman >/dev/null || fail "podman is missing (apt-get install -y podman runc)"
  local rootfs=$WORK/rootfs
  rm -rf "$rootfs"
  mkdir -p "$WORK"
  say "debootstrap bookworm + openjdk-17-jre-headless into $rootfs"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$rootfs" \
    "${RUNTASK_DEBIAN_MIRROR:-http://deb.debian.org/debian}" >"$WORK/debootstrap.log" 2>&1 \
    || fail "debootstrap failed, see $WORK/debootstrap.log"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | podman_engine import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$LOCAL_BASE"
  rm -rf "$rootfs"
  say "made $LOCAL_BASE"
}

if [[ ${1:-} == --make-base-image ]]; then
  make_base_image
  exit 0
fi

# ---- pick an engine -----------------------------------------------------------------------------
engine=${RUNTASK_CONTAINER_ENGINE:-}
docker_reason="not installed"
if [[ -z $engine ]] && command -v docker >/dev/null; then
  if docker info >/dev/null 2>&1; then
    engine=docker
  else
    docker_reason="client only, 'docker info' fails"
  fi
fi
if [[ -z $engine ]] && command -v podman >/dev/null; then
  engine=podman
fi
if [[ -z $engine ]]; then
  echo "SKIPPED: no container engine (docker: $docker_reason; podman: not installed)"
  exit 0
fi

run_flags=()
if [[ $engine == podman ]]; then
  ctr() { podman_engine "$@"; }
  run_flags=(--network none)
  if [[ -z ${RUNTASK_RUNTIME_IMAGE:-} ]] && ctr image exists "$LOCAL_BASE"; then
    RUNTASK_RUNTIME_IMAGE=$LOCAL_BASE
    RUNTASK_JARS=${RUNTASK_JARS:-prebuilt}
  fi
  base=${RUNTASK_RUNTIME_IMAGE:-eclipse-temurin:17-jre}
  if ! ctr image exists "$base" && ! ctr pull -q "$base" >/dev/null 2>&1; then
    echo "SKIPPED: no container engine with a base image (podman has no $base and cannot pull it;" \
      "make one with: scripts/container-check.sh --make-base-image)"
    exit 0
  fi
else
  ctr() { docker "$@"; }
fi

jars=${RUNTASK_JARS:-build}
sha=$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)
image=runtask-check:${sha:0:12}
build_args=(--build-arg "GIT_SHA=$sha" --build-arg "JARS=$jars")
[[ -z ${RUNTASK_RUNTIME_IMAGE:-} ]] || build_args+=(--build-arg "RUNTIME_IMAGE=$RUNTASK_RUNTIME_IMAGE")
[[ -z ${RUNTASK_BUILD_IMAGE:-} ]] || build_args+=(--build-arg "BUILD_IMAGE=$RUNTASK_BUILD_IMAGE")
if [[ $jars == prebuilt ]]; then
  for f in tasks/target/tasks.jar tasks/target/jvm.options; do
    [[ -f $ROOT/$f ]] || fail "$f is missing: build it first (mvn -B -q -pl tasks -am package -DskipTests)"
  done
fi

# ---- build --------------------------------------------------------------------------------------
say "engine $engine; building $image (target runtime, JARS=$jars${RUNTASK_RUNTIME_IMAGE:+, RUNTIME_IMAGE=$RUNTASK_RUNTIME_IMAGE})"
build_flags=()
[[ $engine == docker ]] || build_flags=(--network none)
ctr build "${build_flags[@]}" --target runtime "${build_args[@]}" -t "$image" "$ROOT" >"$WORK/build.log" 2>&1 \
  || { tail -20 "$WORK/build.log" >&2; fail "image build failed (log: $WORK/build.log)"; }

name=runtask-check-$$
cleanup() { ctr rm -f "$name" >/dev/null 2>&1 || true; }
trap cleanup EXIT

# ---- 1. hello-world -----------------------------------------------------------------------------
set +e
out=$(ctr run --rm "${run_flags[@]}" "$image" hello-world --name container-check 2>&1)
code=$?
set -e
[[ $code -eq 0 ]] || { echo "$out" >&2; fail "hello-world exited $code, expected 0"; }
[[ $out == *"Hello, container-check!"* ]] || { echo "$out" >&2; fail "hello-world printed no greeting"; }
say "ok: hello-world greets and exits 0"

# ---- 2. SIGTERM ---------------------------------------------------------------------------------
ctr run -d --name "$name" "${run_flags[@]}" "$image" sleep --seconds 60 >/dev/null
for _ in $(seq 1 50); do # until the task has started, at most ~10 s
  ctr logs "$name" 2>&1 | grep -q 'Sleeping for' && break
  sleep 0.2
done
pid1=$(ctr exec "$name" cat /proc/1/cmdline 2>/dev/null | tr '\0' ' ' || true)
[[ $pid1 == java* ]] || fail "PID 1 is '$pid1', expected java (exec-form ENTRYPOINT)"
started=$SECONDS
ctr stop -t 30 "$name" >/dev/null
code=$(ctr wait "$name" 2>/dev/null | tail -1 || true)
[[ -n $code ]] || code=$(ctr inspect --format '{{.State.ExitCode}}' "$name")
elapsed=$((SECONDS - started))
[[ $code -eq 143 ]] || { ctr logs "$name" 2>&1 | tail -20 >&2; fail "sleep stopped with SIGTERM exited $code, expected 143"; }
((elapsed < 30)) || fail "the container took ${elapsed}s to stop: SIGTERM did not end it, the kill did"
say "ok: SIGTERM during sleep → exit 143 after ${elapsed}s (PID 1: ${pid1% })"

# ---- 3. non-root, label -------------------------------------------------------------------------
uid=$(ctr run --rm "${run_flags[@]}" --entrypoint id "$image" -u)
[[ $uid != 0 ]] || fail "the image runs as root"
revision=$(ctr inspect --format '{{index .Config.Labels "org.opencontainers.image.revision"}}' "$image")
[[ $revision == "$sha" ]] || fail "label org.opencontainers.image.revision is '$revision', expected $sha"
say "ok: runs as uid $uid; org.opencontainers.image.revision=$sha"

# ---- 4. the AppCDS archive named in jvm.options maps (with -Xshare:on a bad archive is an error) --
archive=$(ctr run --rm "${run_flags[@]}" --entrypoint cat "$image" /app/jvm.options | sed -n 's/^-XX:SharedArchiveFile=//p')
if [[ -n $archive ]]; then
  ctr run --rm "${run_flags[@]}" --entrypoint java "$image" @/app/jvm.options -Xshare:on -jar /app/tasks.jar \
    hello-world >/dev/null 2>&1 || fail "the CDS archive $archive does not map (-Xshare:on fails)"
  say "ok: CDS archive $archive maps"
fi
say "OK ($engine, image $image)"
