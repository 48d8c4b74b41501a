#!/usr/bin/env bats
# shellcheck shell=bash disable=SC2154 # $stderr is set by bats' run --separate-stderr
# scripts/container-check.sh without a real engine: a loud SKIPPED (stderr, exit 0) only when no
# engine exists or can be installed; a failing build or check fails the script and never skips.
bats_require_minimum_version 1.5.0

setup() {
  ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
  BIN=$BATS_TEST_TMPDIR/bin
  mkdir -p "$BIN"
  export RUNTASK_CHECK_DIR=$BATS_TEST_TMPDIR/work
  unset RUNTASK_CONTAINER_ENGINE RUNTASK_RUNTIME_IMAGE RUNTASK_JARS RUNTASK_KEEP_IMAGE
}

# A PATH with only what the script needs before it picks an engine: no podman, docker, apt-get.
minimal_path() {
  for tool in bash dirname mkdir env cat mktemp rm; do
    ln -s "$(command -v "$tool")" "$BIN/$tool"
  done
}

# A copy of the project with fake jars, and a podman stub that answers `image exists` and fails
# the subcommand named in $FAIL_AT (exit 1 there, 0 elsewhere; `run` prints nothing).
fake_project_and_podman() {
  PROJECT=$BATS_TEST_TMPDIR/project
  mkdir -p "$PROJECT/scripts" "$PROJECT/tasks/target"
  cp "$ROOT"/scripts/{container-check,podman,make-base-image}.sh "$PROJECT/scripts/"
  cp "$ROOT/Dockerfile" "$PROJECT/"
  touch "$PROJECT/tasks/target/tasks.jar" "$PROJECT/tasks/target/jvm.options"
  # shellcheck disable=SC2016 # the stub's own $4
  printf '#!/bin/sh\n[ "$4" = "$FAIL_AT" ] && { echo "stub podman: $4 failed" >&2; exit 1; }\nexit 0\n' >"$BIN/podman"
  chmod +x "$BIN/podman"
  export RUNTASK_CONTAINER_ENGINE=podman RUNTASK_RUNTIME_IMAGE=localhost/stub-base:1
}

@test "a docker client without an engine and no podman: SKIPPED banner on stderr, exit 0" {
  minimal_path
  printf '#!/bin/sh\necho "Cannot connect to the Docker daemon" >&2\nexit 1\n' >"$BIN/docker"
  chmod +x "$BIN/docker"
  PATH=$BIN run --separate-stderr "$BIN/bash" "$ROOT/scripts/container-check.sh"
  [ "$status" -eq 0 ]
  [ -z "$output" ]
  [[ $stderr == *"container-check: SKIPPED — the image was NOT built and NOT checked"* ]]
  [[ $stderr == *"docker: client only, 'docker info' fails; podman: not installed, and not root with apt-get to install it"* ]]
}

@test "neither docker nor podman: SKIPPED banner on stderr, exit 0" {
  minimal_path
  PATH=$BIN run --separate-stderr "$BIN/bash" "$ROOT/scripts/container-check.sh"
  [ "$status" -eq 0 ]
  [[ $stderr == *"SKIPPED"*"docker: not installed; podman: not installed"* ]]
}

@test "the image build fails: exit 1 with the build's output, never SKIPPED" {
  fake_project_and_podman
  FAIL_AT=build PATH=$BIN:$PATH run --separate-stderr bash "$PROJECT/scripts/container-check.sh"
  [ "$status" -eq 1 ]
  [[ $stderr == *"stub podman: build failed"* ]]
  [[ $stderr == *"container-check: FAILED: image build failed"* ]]
  [[ "$output$stderr" != *SKIPPED* ]]
}

@test "a check fails (hello-world prints no greeting): exit 1, never SKIPPED" {
  fake_project_and_podman
  FAIL_AT=none PATH=$BIN:$PATH run --separate-stderr bash "$PROJECT/scripts/container-check.sh"
  [ "$status" -eq 1 ]
  [[ $stderr == *"container-check: FAILED: hello-world: no greeting"* ]]
  [[ "$output$stderr" != *SKIPPED* ]]
}

@test "the jars are not built: exit 1 naming the build command" {
  fake_project_and_podman
  rm "$PROJECT/tasks/target/tasks.jar"
  PATH=$BIN:$PATH run --separate-stderr bash "$PROJECT/scripts/container-check.sh"
  [ "$status" -eq 1 ]
  [[ $stderr == *"tasks/target/tasks.jar is missing: build it first (mvn -B -q -pl tasks -am package -DskipTests)"* ]]
}
