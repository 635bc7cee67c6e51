#!/usr/bin/env node
// `npm run build` / `prepare`, after tsc and the engine data: bundles the `crampbot ask` path (dist/cli/ask-entry.js
// and what it imports) into one file, dist/ask/crampbot-ask.js, with esbuild, writes its manifest (the inputs and
// their hash) and V8's code cache of one answer (src/cli/ask-bundle.cts, ADR 27). The bundle is made from the compiled
// modules, so it runs the very code tsc wrote. An error stops the build with one line.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const { default: loader } = await import(join(root, "dist", "cli", "ask-bundle.cjs"));
const { BUNDLE_DIR, BUNDLE_FILE, BUNDLE_FORMAT, MANIFEST_FILE, bundleHash, writeCodeCache } = loader;
try {
  const { build } = await import("esbuild");
  // A failed build leaves no bundle behind (bin/crampbot.js then runs the command line as it is).
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  mkdirSync(BUNDLE_DIR, { recursive: true });
  const out = join(BUNDLE_DIR, BUNDLE_FILE);
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
  const manifest = { format: BUNDLE_FORMAT, inputs, hash: bundleHash(root, inputs, source) };
  writeFileSync(join(BUNDLE_DIR, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  if (!(await writeCodeCache()))
    throw new Error("the bundle did not answer (is dist/engine-data.json fresh?)");
  process.stdout.write(
    `ask bundle: ${inputs.length} files, ${Math.round(source.length / 1024)} kB -> dist/ask/${BUNDLE_FILE}\n`,
  );
} catch (error) {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  process.stderr.write(`ask bundle: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
