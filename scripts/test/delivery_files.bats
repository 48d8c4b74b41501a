#!/usr/bin/env bats
# shellcheck shell=bash disable=SC2016 # literal ${...} of the Dockerfile
# Static checks of Dockerfile, .dockerignore and docker-compose.yml that hold without a container engine.

setup() {
  ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
}

# The lines of the Dockerfile stage named $1, up to the next FROM.
stage() { awk -v s="$1" '/^FROM /{on = ($NF == s)} on' "$ROOT/Dockerfile"; }

@test "the runtime stage is last, so a plain docker build makes the ECS image" {
  [ "$(grep '^FROM ' "$ROOT/Dockerfile" | tail -1)" = 'FROM ${RUNTIME_IMAGE} AS runtime' ]
}

@test "runtime: exec-form entrypoint with the contract's launch line, non-root, revision label" {
  run stage runtime
  [[ "$output" == *'ENTRYPOINT ["java", "@/app/jvm.options", "-jar", "/app/tasks.jar"]'* ]]
  [[ "$output" == *"WORKDIR /app"* ]]
  [[ "$output" == *'org.opencontainers.image.revision="${GIT_SHA}"'* ]]
  [ "$(stage runtime | grep '^USER ' | tail -1)" = "USER 10001:10001" ]
  [[ "$output" != *"CMD "* ]] # the command is ECS's override [TASK, args...]
}

@test "base images are build-args with the documented defaults" {
  grep -qx 'ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17' "$ROOT/Dockerfile"
  grep -qx 'ARG RUNTIME_IMAGE=eclipse-temurin:25-jre' "$ROOT/Dockerfile"
  grep -q 'RUNTIME_IMAGE: ${RUNTIME_IMAGE:-eclipse-temurin:25-jre}' "$ROOT/docker-compose.yml"
  [ "$(grep -c '^FROM ${RUNTIME_IMAGE} AS' "$ROOT/Dockerfile")" -eq 2 ]
}

@test "runtime: the AOT cache is made by the image's own JVM from the training run, and named in jvm.options" {
  run stage runtime
  [[ "$output" == *'-XX:AOTCacheOutput=/app/tasks.aot -cp /app/tasks.jar'* ]]
  [[ "$output" == *'dev.runtask.tasks.aot.TrainingRun'* ]]
  [[ "$output" == *'-XX:AOTCache=/app/tasks.aot'* ]]
}

@test ".dockerignore keeps .git, the local database and env files out of the context" {
  grep -qx '\*' "$ROOT/.dockerignore"
  run grep -x '!\.git.*' "$ROOT/.dockerignore"
  [ "$status" -ne 0 ]
  grep -qx '\*\*/\.local/' "$ROOT/.dockerignore"
  grep -qx '\*\*/\.env' "$ROOT/.dockerignore"
}

@test "docker-compose run_task gets AWS credentials by name only, and stays up" {
  for name in AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN; do
    grep -qx "      - $name" "$ROOT/docker-compose.yml"
  done
  run grep -E 'AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN) *[:=]' "$ROOT/docker-compose.yml"
  [ "$status" -ne 0 ]
  grep -q '^  run_task:$' "$ROOT/docker-compose.yml"
  grep -q 'target: launcher' "$ROOT/docker-compose.yml"
  grep -q 'command: \["sleep", "infinity"\]' "$ROOT/docker-compose.yml"
}

@test "the Maven build stage gets every module of pom.xml, and .dockerignore lets each through" {
  modules=$(sed -n 's:.*<module>\(.*\)</module>.*:\1:p' "$ROOT/pom.xml")
  [ -n "$modules" ]
  for module in $modules; do
    stage jars-build | grep -qx "COPY $module/ $module/" || { echo "Dockerfile jars-build: no COPY $module/"; return 1; }
    grep -qx "!$module/" "$ROOT/.dockerignore" || { echo ".dockerignore: $module/ is not let through"; return 1; }
  done
}
