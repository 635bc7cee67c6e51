#!/usr/bin/env node
// `npm run build` / `prepare`, after tsc: precomputes the engine data (dist/engine-data.json) from knowledge/ and
// intents/ with the compiled code (src/node/artefact-build.ts). A data error stops the build with one line.
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const { buildArtefact, writeArtefact } = await import(join(root, "dist", "node", "artefact-build.js"));
const { DEFAULT_ARTEFACT } = await import(join(root, "dist", "node", "artefact.js"));
try {
  const artefact = buildArtefact(join(root, "knowledge"), join(root, "intents"));
  writeArtefact(DEFAULT_ARTEFACT, artefact);
  process.stdout.write(
    `engine data: ${artefact.sections.length} sections, ${artefact.words.split("\n").length} words -> dist/engine-data.json\n`,
  );
} catch (error) {
  process.stderr.write(`engine data: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
