#!/usr/bin/env node
// The `crampbot` command: runs the compiled CLI (built by `npm ci` / `npm install` through the prepare script).
// `crampbot ask` first tries the one-file bundle of its path (dist/ask/, ADR 27), which starts faster; when that or
// the engine data is missing or stale, it runs through the CLI like every other command. CommonJS (bin/package.json):
// Node starts a CommonJS entry without its ES module loader, which the bundled `ask` then never needs.
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const { pathToFileURL } = require("node:url");

const dist = join(__dirname, "..", "dist");
const main = join(dist, "cli", "main.js");
if (!existsSync(main)) {
  process.stderr.write(
    "crampbot: the compiled code is missing; run `npm install` (or `npm run build`) first.\n",
  );
  process.exit(1);
}

async function crampbot(args) {
  if (args[0] === "ask") {
    const loader = require(join(dist, "cli", "ask-bundle.cjs"));
    // Straight to the descriptors: process.stdout, made at its first use, costs a start more than the answer's write.
    const output = loader.descriptorOutput(1, () => process.stdout);
    const errors = loader.descriptorOutput(2, () => process.stderr);
    const code = await loader.askFromBundle(args.slice(1), output, errors);
    // Everything went out with writeSync, so nothing waits to be flushed: ending now spares the collection V8 has
    // scheduled and the teardown of a heap that is about to go anyway, about 10 ms of a start (ADR 87). Output that
    // went to a stream is left to drain as usual.
    if (code !== null && output.direct() && errors.direct()) process.exit(code);
    if (code !== null) return code;
  }
  const { run } = await import(pathToFileURL(main).href);
  return run(args);
}

crampbot(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
