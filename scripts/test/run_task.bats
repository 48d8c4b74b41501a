#!/usr/bin/env bats
# shellcheck shell=bash disable=SC2030,SC2031,SC2016,SC2154 # bats runs each test in a subshell and sets $stderr*; the literal $HOME is the point
# scripts/run_task.sh against a stub `docker` (and `docker-compose`) that records argv and env.

bats_require_minimum_version 1.5.0

setup() {
  ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
  SCRIPT=$ROOT/scripts/run_task.sh
  STUB_LOG=$BATS_TEST_TMPDIR/log
  STUB_BIN=$BATS_TEST_TMPDIR/bin
  mkdir -p "$STUB_LOG" "$STUB_BIN"
  ln -s "$BATS_TEST_DIRNAME/stubs/docker" "$STUB_BIN/docker"
  export STUB_LOG
  export STUB_API_VERSION=1.41
  # Only the stubs and the system's basic tools: no real docker or docker-compose.
  export PATH="$STUB_BIN:/usr/bin:/bin"
  unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE AWS_REGION \
    AWS_DEFAULT_REGION COMPOSE_API_VERSION
  KEY=AKIAEXAMPLEKEY0000001
  SECRET=example-secret-value/with+chars=
  TOKEN=example-session-token-value
}

with_docker_compose_v1_only() {
  export STUB_COMPOSE_PLUGIN=no
  ln -s "$BATS_TEST_DIRNAME/stubs/docker" "$STUB_BIN/docker-compose"
}

# Fails when the command succeeds (a bare `! cmd` never fails a bats test: errexit ignores it).
refute() {
  if "$@"; then
    echo "expected to fail: $*" >&2
    return 1
  fi
}

# The argv of the exec call, one argument per line (first line: the program's name).
exec_argv() { cat "$STUB_LOG/exec.argv"; }

@test "runs the launcher through docker compose exec in the run_task service" {
  run "$SCRIPT" -e staging -n hello-world -k "$KEY" -s "$SECRET"
  [ "$status" -eq 0 ]
  [ "$(head -3 "$STUB_LOG/exec.argv" | tr '\n' ' ')" = "docker compose -f " ]
  run tail -16 "$STUB_LOG/exec.argv"
  [ "${lines[*]}" = "exec -T -e AWS_ACCESS_KEY_ID -e AWS_SECRET_ACCESS_KEY run_task java -jar /app/launcher.jar run -e staging -n hello-world --" ]
  [ "$(sed -n 4p "$STUB_LOG/exec.argv")" = "$ROOT/docker-compose.yml" ]
}

@test "secret values never appear in any docker argv, only in its environment" {
  run "$SCRIPT" -e production -n hello-world -k "$KEY" -s "$SECRET" -t "$TOKEN" -- --name ops
  [ "$status" -eq 0 ]
  refute grep -rF -e "$KEY" -e "$SECRET" -e "$TOKEN" "$STUB_LOG"/call.*.argv "$STUB_LOG/calls"
  grep -qxF "AWS_ACCESS_KEY_ID=$KEY" "$STUB_LOG/exec.env"
  grep -qxF "AWS_SECRET_ACCESS_KEY=$SECRET" "$STUB_LOG/exec.env"
  grep -qxF "AWS_SESSION_TOKEN=$TOKEN" "$STUB_LOG/exec.env"
  refute grep -F -e "$KEY" -e "$SECRET" -e "$TOKEN" <<<"$output"
}

@test "credential variables are passed by name with -e" {
  run "$SCRIPT" -e staging -n hello-world -k "$KEY" -s "$SECRET" -t "$TOKEN"
  [ "$status" -eq 0 ]
  run exec_argv
  [[ "${lines[*]}" == *"-e AWS_ACCESS_KEY_ID -e AWS_SECRET_ACCESS_KEY -e AWS_SESSION_TOKEN run_task"* ]]
}

@test "credentials already exported in the shell are forwarded by name" {
  export AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET AWS_REGION=eu-west-1
  run "$SCRIPT" -e staging -n hello-world
  [ "$status" -eq 0 ]
  run exec_argv
  [[ "${lines[*]}" == *"-e AWS_ACCESS_KEY_ID -e AWS_SECRET_ACCESS_KEY -e AWS_REGION run_task"* ]]
  refute grep -rF -e "$KEY" -e "$SECRET" "$STUB_LOG"/call.*.argv
}

@test "-k/-s replace a session token and profile left in the shell" {
  export AWS_SESSION_TOKEN=stale-token AWS_PROFILE=other
  run "$SCRIPT" -e staging -n hello-world -k "$KEY" -s "$SECRET"
  [ "$status" -eq 0 ]
  refute grep -q '^AWS_SESSION_TOKEN=' "$STUB_LOG/exec.env"
  refute grep -q '^AWS_PROFILE=' "$STUB_LOG/exec.env"
  refute grep -qx AWS_SESSION_TOKEN "$STUB_LOG/exec.argv"
}

@test "-p passes the profile by name and drops keys left in the shell" {
  export AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET
  run "$SCRIPT" -e staging -n hello-world -p ops-runner
  [ "$status" -eq 0 ]
  grep -qxF "AWS_PROFILE=ops-runner" "$STUB_LOG/exec.env"
  refute grep -q '^AWS_ACCESS_KEY_ID=' "$STUB_LOG/exec.env"
  run exec_argv
  [[ "${lines[*]}" == *"-e AWS_PROFILE run_task"* ]]
  [[ "${lines[*]}" != *"AWS_ACCESS_KEY_ID"* ]]
}

@test "arguments after -- reach the task unchanged" {
  run "$SCRIPT" -e local -n hello-world -- --name "two words" '$HOME' "*" ""
  [ "$status" -eq 0 ]
  mapfile -t argv <"$STUB_LOG/exec.argv"
  [ "${#argv[@]}" -eq 21 ]
  [ "${argv[*]:14:2}" = "hello-world --" ]
  [ "${argv[16]}" = "--name" ]
  [ "${argv[17]}" = "two words" ]
  [ "${argv[18]}" = '$HOME' ]
  [ "${argv[19]}" = "*" ]
  [ "${argv[20]}" = "" ]
}

@test "the launcher's exit code passes through" {
  for code in 0 1 3 110 125 143; do
    STUB_EXIT=$code run "$SCRIPT" -e staging -n sleep -- --seconds 1
    [ "$status" -eq "$code" ]
  done
}

@test "-h prints the usage on stdout and exits 0" {
  run "$SCRIPT" -h
  [ "$status" -eq 0 ]
  [[ "$output" == Usage:* ]]
  [[ "$output" == *"-e ENV"* && "$output" == *"-n TASK"* && "$output" == *"-k KEY_ID"* ]]
  [[ "$output" == *"-s SECRET"* && "$output" == *"-p PROFILE"* && "$output" == *"-t SESSION_TOKEN"* ]]
  [ ! -e "$STUB_LOG/calls" ]
}

@test "an unknown environment is one line on stderr and exit 2, docker untouched" {
  run --separate-stderr "$SCRIPT" -e qa -n hello-world
  [ "$status" -eq 2 ]
  [ "$output" = "" ]
  [ "${#stderr_lines[@]}" -eq 1 ]
  [[ "$stderr" == *"unknown environment 'qa'"*"local production staging"* ]]
  [ ! -e "$STUB_LOG/calls" ]
}

@test "a missing -n is one line on stderr and exit 2" {
  run --separate-stderr "$SCRIPT" -e staging
  [ "$status" -eq 2 ]
  [ "${#stderr_lines[@]}" -eq 1 ]
  [[ "$stderr" == *"-n TASK is required"* ]]
  [ ! -e "$STUB_LOG/calls" ]
}

@test "a missing -e, unknown option, missing value or bad pairing exits 2 with one line" {
  for args in "-n hello-world" "-e staging -n hello-world -x" "-e staging -n" \
    "-e staging -n hello-world -k AKIAONLYKEY" "-e staging -n hello-world -s onlysecret" \
    "-e staging -n hello-world -t tok" "-e staging -n hello-world -k AKIAX -s secretx -p prof" \
    "-e staging -n bad;name"; do
    # shellcheck disable=SC2086 # word splitting of the argument list is intended
    run --separate-stderr "$SCRIPT" $args
    [ "$status" -eq 2 ]
    [ "${#stderr_lines[@]}" -eq 1 ]
    [[ "$stderr" != *onlysecret* && "$stderr" != *secretx* && "$stderr" != *AKIAONLYKEY* ]]
  done
  [ ! -e "$STUB_LOG/calls" ]
}

@test "falls back to docker-compose when the compose plugin is missing" {
  with_docker_compose_v1_only
  run "$SCRIPT" -e staging -n hello-world -k "$KEY" -s "$SECRET"
  [ "$status" -eq 0 ]
  [ "$(head -1 "$STUB_LOG/exec.argv")" = "docker-compose" ]
  [ "$(sed -n 2p "$STUB_LOG/exec.argv")" = "-f" ]
  refute grep -rF -e "$KEY" -e "$SECRET" "$STUB_LOG"/call.*.argv
}

@test "docker-compose gets COMPOSE_API_VERSION set to the daemon's API version" {
  with_docker_compose_v1_only
  STUB_API_VERSION=1.43 run "$SCRIPT" -e staging -n hello-world
  [ "$status" -eq 0 ]
  grep -qx "COMPOSE_API_VERSION=1.43" "$STUB_LOG/exec.env"
}

@test "a COMPOSE_API_VERSION set by the operator is kept" {
  with_docker_compose_v1_only
  COMPOSE_API_VERSION=1.30 run "$SCRIPT" -e staging -n hello-world
  [ "$status" -eq 0 ]
  grep -qx "COMPOSE_API_VERSION=1.30" "$STUB_LOG/exec.env"
}

@test "a daemon older than API 1.25 cannot pass -e to exec: exit 2 before exec" {
  with_docker_compose_v1_only
  STUB_API_VERSION=1.22 run --separate-stderr "$SCRIPT" -e staging -n hello-world
  [ "$status" -eq 2 ]
  [[ "$stderr" == *"older than 1.25"* ]]
  [ ! -e "$STUB_LOG/exec.argv" ]
}

@test "the compose plugin is used without touching COMPOSE_API_VERSION" {
  run "$SCRIPT" -e staging -n hello-world
  [ "$status" -eq 0 ]
  refute grep -q '^COMPOSE_API_VERSION=' "$STUB_LOG/exec.env"
}

@test "no compose at all is one line and exit 2" {
  export STUB_COMPOSE_PLUGIN=no
  if command -v docker-compose | grep -qv "$STUB_BIN"; then
    skip "a real docker-compose is installed in /usr/bin"
  fi
  run --separate-stderr "$SCRIPT" -e staging -n hello-world
  [ "$status" -eq 2 ]
  [[ "$stderr" == *"docker-compose"* ]]
}

@test "-y passes --yes to the launcher, before the task's arguments" {
  run "$SCRIPT" -e production -n hello-world -y -- --name ops
  [ "$status" -eq 0 ]
  run tail -9 "$STUB_LOG/exec.argv"
  [ "${lines[*]}" = "run -e production -n hello-world --yes -- --name ops" ]
}

@test "the environments are read from task-definitions/: one added there is accepted" {
  # A copy of the script beside its own task-definitions/, as in a checkout with one more environment.
  mkdir -p "$BATS_TEST_TMPDIR/project/scripts" "$BATS_TEST_TMPDIR/project/task-definitions/qa" \
    "$BATS_TEST_TMPDIR/project/task-definitions/notes"
  cp "$SCRIPT" "$BATS_TEST_TMPDIR/project/scripts/"
  echo '{}' >"$BATS_TEST_TMPDIR/project/task-definitions/qa/environment.json"
  run "$BATS_TEST_TMPDIR/project/scripts/run_task.sh" -e qa -n hello-world
  [ "$status" -eq 0 ]
  run tail -6 "$STUB_LOG/exec.argv"
  [ "${lines[*]}" = "run -e qa -n hello-world --" ]
  run --separate-stderr "$BATS_TEST_TMPDIR/project/scripts/run_task.sh" -e notes -n hello-world
  [ "$status" -eq 2 ]
  [[ "$stderr" == *"unknown environment 'notes'"*"expected one of qa" ]]
}

@test "launcher options pass through, in order, before the task's arguments" {
  run "$SCRIPT" -e staging -n sleep --no-wait --timeout 45m -o json --endpoint-url=http://127.0.0.1:5000 \
    --stop-on-timeout -- --seconds 3
  [ "$status" -eq 0 ]
  mapfile -t argv <"$STUB_LOG/exec.argv"
  [ "${argv[*]:11}" = "-e staging -n sleep --no-wait --timeout 45m --output json --endpoint-url=http://127.0.0.1:5000 --stop-on-timeout -- --seconds 3" ]
}

@test "credentials and the script's own options are not taken as long options" {
  for args in "--access-key-id AKIAONLYKEY" "--secret-access-key=onlysecret" "--session-token tok" \
    "--profile p" "--env qa" "--task x" "--yes"; do
    # shellcheck disable=SC2086 # word splitting of the argument list is intended
    run --separate-stderr "$SCRIPT" -e staging -n hello-world $args
    [ "$status" -eq 2 ]
    [ "${#stderr_lines[@]}" -eq 1 ]
    [[ "$stderr" == *"is not passed through: use -"* ]]
    [[ "$stderr" != *onlysecret* && "$stderr" != *AKIAONLYKEY* ]]
  done
  [ ! -e "$STUB_LOG/calls" ]
}
