#!/usr/bin/env node
// The `crampbot` command: runs the compiled CLI (built by `npm ci` / `npm install` through the prepare script).
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const main = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "cli", "main.js");
if (!existsSync(main)) {
  process.stderr.write(
    "crampbot: the compiled code is missing; run `npm install` (or `npm run build`) first.\n",
  );
  process.exit(1);
}
const { run } = await import(pathToFileURL(main).href);
process.exitCode = await run(process.argv.slice(2));
