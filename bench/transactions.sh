#!/usr/bin/env bash
# Transaction layer vs hand-written JDBC on PostgreSQL (same statements, same pool), flat and
# nested. Prints microseconds per unit of work and the ratio layer/JDBC (target <= 1.05).
# Usage: bench/transactions.sh [JDBC_URL] [UNITS_PER_ROUND] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
url="${1:-jdbc:postgresql://127.0.0.1:5432/test}"
units="${2:-1000}"
rounds="${3:-5}"
mvn -B -q -pl task-runtime -am test-compile -DskipTests
mvn -B -q -pl task-runtime dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
cp="task-runtime/target/test-classes:task-runtime/target/classes:$(cat task-runtime/target/bench.classpath)"
exec java -cp "$cp" -Dlogback.configurationFile=/dev/null \
  dev.runtask.runtime.bench.TransactionsBench "$url" "$units" "$rounds"
