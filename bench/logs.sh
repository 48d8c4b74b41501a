#!/usr/bin/env bash
# Following a task's logs on moto (a script, not a test): a feeder writes LINES lines into the
# task's stream with moto's PutLogEvents (the last 100 in the second before the task is STOPPED,
# in the runtime's JSON form, the last one the end-of-log marker) while launcher.jar runs
# `run -e moto -n hello-world` at the real pace. Prints lost and repeated lines, display latency
# (stored → on the launcher's stdout) p50/p95, GetLogEvents/s and DescribeTasks/s while running (from
# the spacing of the calls between RunTask and STOPPED),
# and STOPPED visible → launcher exit p50, for this build and a baseline in the same run.
# Targets: lost 0, repeated 0, latency p50 <= 2 s, <= 1 GetLogEvents/s, <= 0.5 DescribeTasks/s,
# STOPPED -> exit p50 <= 2 s.
#
# Usage: bench/logs.sh [LINES (10000)] [RUNS (3)]
# Env: BASELINE_JAR — the launcher.jar to compare with; default: the one of BASELINE_REF (default: the
#      merge base with main, i.e. before this branch), built here in a temporary clone (offline
#      Maven); BASELINE=none skips it. JAR — this build's (launcher/target/launcher.jar).
# Needs: mvn -B -pl launcher -am package -DskipTests done (the jar and the test classes), moto_server.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
LINES=${1:-10000}
RUNS=${2:-3}
JAR=${JAR:-$ROOT/launcher/target/launcher.jar}
die() { echo "logs.sh: $*" >&2; exit 1; }
[[ -f "$JAR" ]] || die "$JAR missing: mvn -B -pl launcher -am package -DskipTests"
command -v moto_server >/dev/null || die "moto_server not on PATH"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp "$JAR" "$WORK/new.jar"
jars=("new=$WORK/new.jar")
if [[ ${BASELINE:-} != none ]]; then
  if [[ -z ${BASELINE_JAR:-} ]]; then
    REF=${BASELINE_REF:-$(git merge-base HEAD main)}
    echo "logs.sh: building the launcher.jar of $REF (default: where this branch left main) in a temporary clone for the baseline" >&2
    git clone -q --shared --no-checkout "$(git rev-parse --git-common-dir)" "$WORK/main"
    git -C "$WORK/main" checkout -q --detach "$REF"
    (cd "$WORK/main" && mvn -B -q -o -pl launcher -am package -Dmaven.test.skip=true -Dlauncher.cds.skip >"$WORK/main-build.log" 2>&1) \
      || { tail -20 "$WORK/main-build.log" >&2; die "building main failed"; }
    BASELINE_JAR=$WORK/main/launcher/target/launcher.jar
  fi
  cp "$BASELINE_JAR" "$WORK/baseline.jar"
  jars+=("baseline=$WORK/baseline.jar")
fi

# In the reactor, so the project's own modules resolve to their target/classes (nothing installed).
mvn -B -q -o -pl launcher -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="launcher/target/test-classes:launcher/target/classes:$(cat launcher/target/bench.classpath)"
exec java -cp "$cp" dev.runtask.launcher.bench.LogsBench "$LINES" "$RUNS" "${jars[@]}"
