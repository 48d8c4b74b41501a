#!/usr/bin/env bash
# Fan-out launch pacing (issue 13): N shards (default 100) against moto behind the launcher tests'
# fault proxy, which throttles RunTask above RATE/s (default 20) with a token bucket as AWS does.
# Run twice in one JVM: launcher paced at RATE/s (environment.json "launchPacing"), and unpaced
# (the baseline). Prints the launch phase against its floor (N-1)/RATE (target <= 1.2x), the
# throttling answers, whether the operator saw any, duplicate tasks, and the API calls of the watch.
# Usage: bench/fanout.sh [SHARDS] [RATE]    Needs: moto_server on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
shards="${1:-100}"
rate="${2:-20}"
# One reactor invocation: sibling modules resolve to their target/classes (nothing installed).
mvn -B -q -o -pl launcher -am test-compile dependency:build-classpath -DskipTests \
  -Dlauncher.cds.skip -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="launcher/target/test-classes:launcher/target/classes:$(cat launcher/target/bench.classpath)"
exec java -cp "$cp" dev.runtask.launcher.bench.FanOutBench "$shards" "$rate"
