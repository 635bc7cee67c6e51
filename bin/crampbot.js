#!/usr/bin/env node
// The `crampbot` command: runs the compiled CLI (built by `npm ci` / `npm install` through the prepare script).
// `crampbot ask` first tries the one-file bundle of its path (dist/ask/, ADR 27), which starts faster; when that or
// the engine data is missing or stale, it runs through the CLI like every other command.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const main = join(dist, "cli", "main.js");
if (!existsSync(main)) {
  process.stderr.write(
    "crampbot: the compiled code is missing; run `npm install` (or `npm run build`) first.\n",
  );
  process.exit(1);
}
const args = process.argv.slice(2);
let code = null;
if (args[0] === "ask") {
  const { askFromBundle } = await import(pathToFileURL(join(dist, "cli", "ask-bundle.js")).href);
  code = await askFromBundle(args.slice(1), process.stdout, process.stderr);
}
if (code === null) {
  const { run } = await import(pathToFileURL(main).href);
  code = await run(args);
}
process.exitCode = code;
