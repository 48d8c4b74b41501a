#!/usr/bin/env bats
# shellcheck shell=bash
# scripts/container-check.sh on a machine without a usable container engine: a visible SKIPPED.

setup() {
  ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
  BIN=$BATS_TEST_TMPDIR/bin
  mkdir -p "$BIN"
  # A PATH with only what the script needs before it picks an engine: no podman, no real docker.
  for tool in bash dirname mkdir env cat; do
    ln -s "$(command -v "$tool")" "$BIN/$tool"
  done
  export RUNTASK_CHECK_DIR=$BATS_TEST_TMPDIR/work
  unset RUNTASK_CONTAINER_ENGINE
}

@test "a docker client without an engine and no podman: SKIPPED, exit 0" {
  printf '#!/bin/sh\necho "Cannot connect to the Docker daemon" >&2\nexit 1\n' >"$BIN/docker"
  chmod +x "$BIN/docker"
  PATH=$BIN run "$BIN/bash" "$ROOT/scripts/container-check.sh"
  [ "$status" -eq 0 ]
  [ "$output" = "SKIPPED: no container engine (docker: client only, 'docker info' fails; podman: not installed)" ]
}

@test "neither docker nor podman: SKIPPED, exit 0" {
  PATH=$BIN run "$BIN/bash" "$ROOT/scripts/container-check.sh"
  [ "$status" -eq 0 ]
  [ "$output" = "SKIPPED: no container engine (docker: not installed; podman: not installed)" ]
}
