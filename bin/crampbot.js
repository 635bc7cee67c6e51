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
    const code = await require(join(dist, "cli", "ask-bundle.cjs")).askFromBundle(
      args.slice(1),
      process.stdout,
      process.stderr,
    );
    if (code !== null) return code;
  }
  const { run } = await import(pathToFileURL(main).href);
  return run(args);
}

crampbot(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
