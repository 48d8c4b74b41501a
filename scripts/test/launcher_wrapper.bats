#!/usr/bin/env bats
# shellcheck shell=bash disable=SC2030,SC2031,SC2154 # bats runs each test in a subshell and sets $stderr*
# launcher/bin/launcher, README's launch command: from any directory and through a symlink on PATH
# it runs the jar beside it with the benchmark's flags and the archive when it matches the jar.
# A stub `java` (JAVA=...) records its argv; the layout is a copy, so no build is needed.

bats_require_minimum_version 1.5.0

setup() {
  ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
  BUILD=$BATS_TEST_TMPDIR/checkout/launcher
  mkdir -p "$BUILD/bin" "$BUILD/target" "$BATS_TEST_TMPDIR/path" "$BATS_TEST_TMPDIR/elsewhere"
  cp "$ROOT/launcher/bin/launcher" "$BUILD/bin/launcher"
  touch "$BUILD/target/launcher.jar"
  cat >"$BATS_TEST_TMPDIR/java" <<'STUB'
#!/usr/bin/env bash
printf '%s\n' "$@" >"$ARGV_LOG"
STUB
  chmod +x "$BATS_TEST_TMPDIR/java"
  export JAVA=$BATS_TEST_TMPDIR/java ARGV_LOG=$BATS_TEST_TMPDIR/argv
  ln -s "$BUILD/bin/launcher" "$BATS_TEST_TMPDIR/path/launcher"
}

@test "through a symlink on PATH, from another directory, it runs the jar beside the real file" {
  cd "$BATS_TEST_TMPDIR/elsewhere"
  PATH="$BATS_TEST_TMPDIR/path:$PATH" run launcher tasks --output json
  [ "$status" -eq 0 ]
  mapfile -t argv <"$ARGV_LOG"
  [ "${argv[*]: -5}" = "-jar $BUILD/target/launcher.jar tasks --output json" ]
  [[ " ${argv[*]} " == *" -XX:TieredStopAtLevel=1 "* && " ${argv[*]} " == *" -XX:+UseSerialGC "* ]]
}

@test "the build's archive is used when it is newer than the jar, not otherwise" {
  touch -d '1 minute ago' "$BUILD/target/launcher.jar"
  touch "$BUILD/target/launcher.jsa"
  run "$BATS_TEST_TMPDIR/path/launcher" tasks
  grep -qxF -- "-XX:SharedArchiveFile=$BUILD/target/launcher.jsa" "$ARGV_LOG"
  touch "$BUILD/target/launcher.jar"
  touch -d '1 minute ago' "$BUILD/target/launcher.jsa"
  run "$BATS_TEST_TMPDIR/path/launcher" tasks
  run ! grep -q -- "-XX:SharedArchiveFile" "$ARGV_LOG"
}

@test "without a built jar: one line saying how to build it, exit 2" {
  rm "$BUILD/target/launcher.jar"
  run --separate-stderr "$BATS_TEST_TMPDIR/path/launcher" tasks
  [ "$status" -eq 2 ]
  [ "${#stderr_lines[@]}" -eq 1 ]
  [[ "$stderr" == *"launcher.jar missing — build it: mvn -B -q package -DskipTests" ]]
}
