#!/usr/bin/env bash
# Builds the task image (Dockerfile target `runtime`, the host's jars) and checks it the way ECS
# uses it; any failed check fails the script (exit 1):
#   1. `hello-world --name container-check` greets, exits 0, prints only JSON on stdout, no JVM output;
#   2. `sleep --seconds 60` stopped by the engine (SIGTERM): PID 1 is java, it runs as a non-root
#      user, and it exits 143 within the stop grace (well before the engine's kill);
#   3. an unknown task exits 2 with one line on stderr;
#   4. org.opencontainers.image.revision is the commit;
#   5. the AOT cache is used (-XX:AOTMode=on, AOT-linked classes, the database task's pool,
#      migration and JDBC classes from the cache); without it (deleted, corrupt) the task still
#      runs, exits 0 and prints nothing about it (a stale one too, from Java 25.0.4 on).
# Engine: docker when `docker info` works, else podman (scripts/podman.sh); when neither exists and
# this runs as root with apt-get, podman, runc and debootstrap are installed first. Only when no
# engine can be had does it print a SKIPPED banner on stderr and exit 0.
#
# Environment (all optional): RUNTASK_CONTAINER_ENGINE=docker|podman forces one;
# RUNTASK_RUNTIME_IMAGE is the base image (docker: the Dockerfile's eclipse-temurin:25-jre;
# podman: the local one from scripts/make-base-image.sh, made when missing); RUNTASK_JARS=build
# compiles inside the image build instead of using tasks/target (needs registry access);
# RUNTASK_KEEP_IMAGE=1 keeps the image (its name is the last line) instead of removing it.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT
readonly WORK=${RUNTASK_CHECK_DIR:-/var/tmp/runtask-container-check}
readonly GRACE=10

say() { echo "container-check: $*"; }
fail() {
  echo "container-check: FAILED: $*" >&2
  exit 1
}
skip() {
  {
    echo "################################################################################"
    echo "# container-check: SKIPPED — the image was NOT built and NOT checked"
    echo "# $*"
    echo "################################################################################"
  } >&2
  exit 0
}

# ---- an engine ----------------------------------------------------------------------------------
mkdir -p "$WORK"
engine=${RUNTASK_CONTAINER_ENGINE:-}
docker_reason="not installed"
if [[ -z $engine ]] && command -v docker >/dev/null; then
  if docker info >/dev/null 2>&1; then engine=docker; else docker_reason="client only, 'docker info' fails"; fi
fi
if [[ -z $engine ]] && ! command -v podman >/dev/null && ((EUID == 0)) && command -v apt-get >/dev/null; then
  say "no container engine: installing podman, runc and debootstrap (apt-get)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc debootstrap; } \
    >"$WORK/apt.log" 2>&1 || fail "apt-get install podman runc debootstrap failed (log: $WORK/apt.log)"
fi
if [[ -z $engine ]] && command -v podman >/dev/null; then engine=podman; fi
[[ -n $engine ]] || skip "no container engine (docker: $docker_reason; podman: not installed, and not root with apt-get to install it)"

if [[ $engine == podman ]]; then
  engine_cmd=("$ROOT/scripts/podman.sh")
  build_flags=(--network none)
  base=${RUNTASK_RUNTIME_IMAGE:-$("$ROOT/scripts/make-base-image.sh")} || fail "no base image (scripts/make-base-image.sh)"
else
  engine_cmd=(docker)
  build_flags=()
  base=${RUNTASK_RUNTIME_IMAGE:-}
fi
ctr() { "${engine_cmd[@]}" "$@"; }

# ---- build --------------------------------------------------------------------------------------
jars=${RUNTASK_JARS:-prebuilt}
if [[ $jars == prebuilt ]]; then
  for f in tasks/target/tasks.jar tasks/target/jvm.options; do
    [[ -f $ROOT/$f ]] || fail "$f is missing: build it first (mvn -B -q -pl tasks -am package -DskipTests)"
  done
fi
sha=$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)
image=localhost/runtask-check:${sha:0:12}
build_args=(--build-arg "GIT_SHA=$sha" --build-arg "JARS=$jars")
[[ -z $base ]] || build_args+=(--build-arg "RUNTIME_IMAGE=$base")
say "engine $engine; building $image (JARS=$jars, RUNTIME_IMAGE=${base:-Dockerfile default})"
started=$SECONDS
images_before=$(ctr images -a -q --no-trunc)
ctr build "${build_flags[@]}" --target runtime "${build_args[@]}" -t "$image" "$ROOT" >"$WORK/build.log" 2>&1 \
  || { tail -30 "$WORK/build.log" >&2; fail "image build failed (log: $WORK/build.log)"; }
say "built in $((SECONDS - started)) s"

name=runtask-check-$$
# The image (unless RUNTASK_KEEP_IMAGE) and the intermediate images its build left (podman keeps
# them as a layer cache that every new commit would grow) are removed; nothing older is touched.
cleanup() {
  ctr rm -f "$name" >/dev/null 2>&1 || true
  [[ -n ${RUNTASK_KEEP_IMAGE:-} ]] || ctr rmi "$image" >/dev/null 2>&1 || true
  if [[ $engine == podman ]]; then
    local kept=
    [[ -z ${RUNTASK_KEEP_IMAGE:-} ]] || kept=$(ctr images -q --no-trunc "$image" 2>/dev/null || true)
    # One at a time: the kept image's own layers refuse, the rest go.
    comm -13 <(sort <<<"$images_before") <(ctr images -a -q --no-trunc | sort) | grep -vx "${kept:-none}" \
      | xargs -r -n1 "${engine_cmd[@]}" rmi >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

# run [ENGINE-RUN-FLAGS...] IMAGE [ARGS...] → $code, $out (stdout), $err (stderr); at most 2 minutes.
run() {
  set +e
  timeout 120 "${engine_cmd[@]}" run --rm --network none "$@" >"$WORK/run.out" 2>"$WORK/run.err"
  code=$?
  set -e
  out=$(<"$WORK/run.out")
  err=$(<"$WORK/run.err")
}
shown() { printf '%s\n--- stdout:\n%s\n--- stderr:\n%s\n' "$1" "$out" "$err" >&2; }

# A task run the user sees as clean: exit 0, the greeting, only JSON lines on stdout, and nothing
# from the JVM itself ([0.012s][error][aot] …, "VM warning") on stderr.
expect_clean_greeting() { # what
  [[ $code -eq 0 ]] || { shown "$1"; fail "$1: exit $code, expected 0"; }
  [[ $out == *'"formattedMessage":"Hello, container-check!"'* ]] || { shown "$1"; fail "$1: no greeting"; }
  ! grep -qv '^{' <<<"$out" || { shown "$1"; fail "$1: stdout has lines that are not JSON"; }
  ! grep -qE '^\[[0-9.]+s\]\[|VM warning' <<<"$err" || { shown "$1"; fail "$1: the JVM printed on stderr"; }
}

# ---- 1. hello-world -----------------------------------------------------------------------------
run "$image" hello-world --name container-check
expect_clean_greeting "hello-world"
say "ok: hello-world greets, exits 0, JSON lines only, nothing from the JVM"

# ---- 2. SIGTERM during sleep, PID 1, user -------------------------------------------------------
ctr run -d --name "$name" --network none -e RUNTASK_STOP_GRACE_SECONDS=$GRACE "$image" sleep --seconds 60 >/dev/null
# Wait for the task's start line (the handlers are installed before the task starts).
grep -q -m1 'Sleeping for 60 s' < <(timeout 60 "${engine_cmd[@]}" logs -f "$name" 2>&1) \
  || { ctr logs "$name" >&2 || true; fail "sleep did not log its start line within 60 s"; }
pid1=$(ctr exec "$name" cat /proc/1/cmdline | tr '\0' ' ')
[[ $pid1 == "java @/app/jvm.options -jar /app/tasks.jar sleep --seconds 60 " ]] \
  || fail "PID 1 is '$pid1', expected the exec-form ENTRYPOINT's java"
uid=$(ctr exec "$name" cat /proc/1/status | awk '/^Uid:/ { print $2 }')
[[ $uid =~ ^[0-9]+$ && $uid != 0 ]] || fail "PID 1 runs as uid '$uid', expected a non-root user"
stop_started=$(date +%s%N)
ctr stop -t 30 "$name" >/dev/null
code=$(ctr wait "$name" | tail -1)
elapsed_ms=$((($(date +%s%N) - stop_started) / 1000000))
logs=$(ctr logs "$name" 2>&1)
[[ $code -eq 143 ]] || { echo "$logs" | tail -20 >&2; fail "sleep stopped by SIGTERM exited $code, expected 143"; }
((elapsed_ms < GRACE * 1000)) || fail "stopping took ${elapsed_ms} ms, more than the ${GRACE} s grace"
[[ $logs == *"Received SIGTERM"* && $logs == *"Task sleep was stopped by SIGTERM"* ]] \
  || { echo "$logs" | tail -20 >&2; fail "no 'Received SIGTERM' / 'stopped by SIGTERM' log lines"; }
say "ok: SIGTERM during sleep → exit 143 after ${elapsed_ms} ms (grace ${GRACE} s); PID 1 java as uid $uid"

# ---- 3. unknown task ----------------------------------------------------------------------------
run "$image" slep --seconds 1
[[ $code -eq 2 ]] || { shown "unknown task"; fail "unknown task exited $code, expected 2"; }
[[ $err == "Unknown task 'slep'. Did you mean sleep? tasks.jar --help lists the tasks." ]] \
  || { shown "unknown task"; fail "unknown task: not the one-line error on stderr"; }
say "ok: unknown task → exit 2, one line on stderr"

# ---- 4. revision label --------------------------------------------------------------------------
revision=$(ctr inspect --format '{{index .Config.Labels "org.opencontainers.image.revision"}}' "$image")
[[ $revision == "$sha" ]] || fail "label org.opencontainers.image.revision is '$revision', expected $sha"
say "ok: org.opencontainers.image.revision=$sha"

# ---- 5. the AOT cache ---------------------------------------------------------------------------
# AOTMode=on turns "cache unusable" into a start-up error; class+load says where each class came from.
csv='sale_id,sold_at,product_id,quantity\nC-1,2026-01-01T00:00:00Z,P-100,1\n'
run --entrypoint sh "$image" -c "printf '$csv' >/tmp/sales.csv && exec java @/app/jvm.options -XX:AOTMode=on \
  -Xlog:aot=info:stdout -Xlog:class+load=info:stdout -jar /app/tasks.jar import-sales --file /tmp/sales.csv"
[[ $code -eq 0 ]] || { shown "import-sales with -XX:AOTMode=on"; fail "import-sales with the AOT cache required exited $code"; }
grep -q 'Using AOT-linked classes: true' <<<"$out" || { shown "AOT"; fail "the JVM did not use AOT-linked classes"; }
from_cache=$(grep -c 'source: shared objects file' <<<"$out" || true)
elsewhere=$(grep 'source: ' <<<"$out" | grep -vc 'source: shared objects file' || true)
for package in dev.runtask picocli com.zaxxer.hikari org.flywaydb org.h2; do
  n=$(grep -c "\] $package\..* source: shared objects file" <<<"$out" || true)
  ((n > 0)) || fail "no $package class came from the AOT cache: the training run does not cover it"
done
say "ok: AOT cache used: import-sales loaded $from_cache classes from it, $elsewhere elsewhere (runtime, picocli, HikariCP, Flyway, H2 among them)"

# Each way of losing the cache is first shown to make it unusable (AOTMode=on fails). Stale: another
# build of tasks.jar (one entry more) where the cache's jar was. Java 25 before 25.0.4 does not
# notice that (JDK-8377932) and loads the cached classes: noted, not failed, since an image build
# always makes its cache from its own jar.
java_version=$("${engine_cmd[@]}" run --rm --network none --entrypoint java "$image" -version 2>&1 | sed -n 's/.* version "\([0-9.]*\)".*/\1/p')
rm -rf "$WORK/stale" && mkdir -p "$WORK/stale" && cp "$ROOT/tasks/target/tasks.jar" "$WORK/stale/tasks.jar"
echo "another build" >"$WORK/stale/STALE" && (cd "$WORK/stale" && jar uf tasks.jar STALE)
launch='java @/app/jvm.options -jar /app/tasks.jar hello-world --name container-check'
tested=()
for broken in "rm /app/tasks.aot:deleted" "head -c 4096 /app/tasks.jar >/app/tasks.aot:corrupt" \
  "true:stale (made for another tasks.jar)"; do
  mount=()
  [[ $broken != true:* ]] || mount=(-v "$WORK/stale/tasks.jar:/app/tasks.jar:ro")
  run --user 0 "${mount[@]}" --entrypoint sh "$image" -c "${broken%%:*} && if ${launch/-jar/-XX:AOTMode=on -jar} \
    >/dev/null 2>&1; then echo 'the cache was still usable: nothing tested' >&2; exit 99; fi && exec $launch"
  if [[ $code -eq 99 && $broken == true:* && $java_version == 25.* ]] \
    && [[ $(printf '%s\n' 25.0.4 "$java_version" | sort -V | head -1) != 25.0.4 ]]; then
    say "note: Java $java_version still uses an AOT cache made for another tasks.jar (JDK-8377932, fixed in 25.0.4)"
    continue
  fi
  expect_clean_greeting "hello-world with the cache ${broken#*:}"
  tested+=("${broken#*:}")
done
list=$(printf '%s, ' "${tested[@]}")
say "ok: the cache ${list%, }: hello-world still exits 0, silently (Java $java_version)"
say "OK ($engine, image $image)"
[[ -z ${RUNTASK_KEEP_IMAGE:-} ]] || echo "$image"
