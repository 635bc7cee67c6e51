#!/usr/bin/env node
// `npm run build` / `prepare`, after tsc and the engine data: bundles the `crampbot ask` path (dist/cli/ask-entry.js
// and what it imports) into one file, dist/ask/crampbot-ask.js, with esbuild, writes its manifest (the inputs and
// their hash) and V8's code cache of one answer (src/cli/ask-bundle.cts, ADR 27). The bundle is made from the compiled
// modules, so it runs the very code tsc wrote. An error stops the build with one line.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const { default: loader } = await import(join(root, "dist", "cli", "ask-bundle.cjs"));
const {
  BUNDLE_DIR,
  BUNDLE_FILE,
  BUNDLE_FORMAT,
  MANIFEST_FILE,
  bundleHash,
  fileStamps,
  stampedFiles,
  writeCodeCache,
} = loader;
const work = `${BUNDLE_DIR}.${process.pid}`;
try {
  const { build } = await import("esbuild");
  // Written aside, then moved in place: a `crampbot ask` meanwhile finds the old bundle or the new one (or, for a
  // moment, none, and runs the command line), never half of one. A failed build leaves the bundle there was, which
  // its manifest keeps from running once the modules it was made from change.
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const out = join(work, BUNDLE_FILE);
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join("dist", "cli", "ask-entry.js")],
    outfile: out,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    metafile: true,
    logLevel: "warning",
    // The modules find the package from their own URL (paths.ts, artefact.ts); the bundle sits one folder below
    // dist/ as they do, so the same relative steps lead to the same places.
    banner: { js: 'var __crampbotModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { "import.meta.url": "__crampbotModuleUrl" },
  });
  const inputs = Object.keys(result.metafile.inputs);
  const source = readFileSync(out, "utf8");
  if (/\bimport\(/.test(source)) throw new Error("the bundle holds a dynamic import(), which it cannot run");
  const manifest = {
    format: BUNDLE_FORMAT,
    inputs,
    hash: bundleHash(root, inputs, source),
    stamps: fileStamps(stampedFiles(work, root, inputs)),
  };
  writeFileSync(join(work, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  if (!(await writeCodeCache(work, root)))
    throw new Error("the bundle did not answer (is dist/engine-data.json fresh?)");
  // Another build may move its bundle in between (tests build when none is fresh): then this one replaces it.
  for (let attempt = 1; ; attempt++) {
    rmSync(BUNDLE_DIR, { recursive: true, force: true });
    try {
      renameSync(work, BUNDLE_DIR);
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  process.stdout.write(
    `ask bundle: ${inputs.length} files, ${Math.round(source.length / 1024)} kB -> dist/ask/${BUNDLE_FILE}\n`,
  );
} catch (error) {
  rmSync(work, { recursive: true, force: true });
  process.stderr.write(`ask bundle: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
