#!/usr/bin/env bash
# The transaction benchmark of an earlier commit and of the working tree, run back to back twice so
# both see the same machine load. Prints each run's ratios (see bench/transactions.sh).
# Usage: bench/transactions-before-after.sh REV [JDBC_URL] [UNITS_PER_ROUND] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rev="${1:?usage: $0 REV [JDBC_URL] [UNITS_PER_ROUND] [ROUNDS]}"
url="${2:-jdbc:postgresql://127.0.0.1:5432/test}"
units="${3:-3000}"
rounds="${4:-7}"
before="$(mktemp -d)"
trap 'rm -rf "$before"' EXIT
git archive "$rev" | tar -x -C "$before"

build() { # tree
  (cd "$1" && mvn -B -q -pl task-runtime -am test-compile -DskipTests \
    && mvn -B -q -pl task-runtime dependency:build-classpath \
      -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test)
}

run() { # label tree
  local cp="$2/task-runtime/target/test-classes:$2/task-runtime/target/classes"
  cp="$cp:$(cat "$2/task-runtime/target/bench.classpath")"
  echo "== $1 ($(uptime | sed 's/.*load/load/'))"
  java -cp "$cp" -Dlogback.configurationFile=/dev/null \
    dev.runtask.runtime.bench.TransactionsBench "$url" "$units" "$rounds" | grep -E '^(flat|nested)'
}

build "$before"
build .
for _ in 1 2; do
  run "before ($rev)" "$before"
  run "after (working tree)" .
done
