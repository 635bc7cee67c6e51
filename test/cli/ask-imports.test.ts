// `crampbot ask` starts from the precomputed engine data and imports no adapter, SDK or service package, nor the
// data files' readers (zod, js-yaml): cold start is about Node's own start-up (ADR 10). Through bin/crampbot.js it
// runs the one-file bundle of that path (ADR 27; what the bundle holds is checked in ask-bundle.test.ts), so no ES
// module at all; through the modules (dist/cli/main.js) it imports the same few.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/data.js";

const run = promisify(execFile);

beforeAll(async () => {
  // The compiled CLI (built by `npm ci`); then the engine data for the data files as they are now, written
  // atomically, so a test running the CLI meanwhile sees the old file or the new one, never half of either.
  if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) {
    await run("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, timeout: 240_000 });
  }
  await run(process.execPath, [join(ROOT, "scripts", "build-engine-data.js")], {
    cwd: ROOT,
    timeout: 60_000,
  });
  // The bundle too, when it is not fresh (ask-bundle.test.ts may be building it meanwhile: both then give the same).
  const loader = createRequire(import.meta.url)(join(ROOT, "dist", "cli", "ask-bundle.cjs"));
  if (!loader.loadAskBundle().ok)
    await run(process.execPath, [join(ROOT, "scripts", "build-ask-bundle.js")], {
      cwd: ROOT,
      timeout: 120_000,
    });
}, 300_000);

const HEAVY = [
  "zod",
  "js-yaml",
  "discord.js",
  "node-telegram-bot-api",
  "botkit",
  "botbuilder",
  "ioredis",
  "better-sqlite3",
  "prom-client",
  "pino",
];

const TRACE = join(ROOT, "test", "support", "trace-imports.mjs");

describe("crampbot ask", () => {
  it("runs its bundle through bin/crampbot.js: no ES module is imported", async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", TRACE, join(ROOT, "bin", "crampbot.js"), "ask", "how much magnesium should I take?"],
      { cwd: ROOT, timeout: 30_000 },
    );
    expect(stdout).toMatch(/magnesium/i);
    // The entry itself is all; dist/cli/main.js and the engine's modules would follow if the bundle were bypassed.
    const modules = stderr.split("\n").filter((line) => line.startsWith("module file:"));
    expect(modules.filter((line) => !line.endsWith("/bin/crampbot.js"))).toEqual([]);
  });

  it("answers through the modules without importing adapters, SDKs, the service or the data files' readers", async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      [
        "--import",
        TRACE,
        "--input-type=module",
        "-e",
        'process.exitCode = await (await import("./dist/cli/main.js")).run(["ask", "how much magnesium should I take?"])',
      ],
      { cwd: ROOT, timeout: 30_000 },
    );
    expect(stdout).toMatch(/magnesium/i);
    const packages = new Set(
      [...stderr.matchAll(/^module file:\/\/.*?\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((m) => m[1]),
    );
    expect([...packages].filter((name) => HEAVY.includes(name ?? ""))).toEqual([]);
    expect(stderr).not.toMatch(/dist\/(adapters|service)\//);
    // Nor the other commands' modules (chat, batch, eval): each is imported when its command runs (ADR 16).
    expect(stderr).not.toMatch(/dist\/cli\/(chat|batch|eval|feedback)\.js/);
    // The engine's own modules were traced, so an empty list above means something.
    expect(stderr).toMatch(/dist\/core\/engine\.js/);
  });
});
