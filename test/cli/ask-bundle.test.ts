// The bundled `crampbot ask` (src/cli/ask-bundle.cts, ADR 27): it answers exactly as the modules do, holds none of
// the heavy packages, and is never run once a file it was made from has changed.
import { execFile } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConversations, loadQuestions } from "../../src/cli/eval.js";
import type { Engine } from "../../src/core/engine.js";
import type { Reply } from "../../src/core/types.js";
import { createEngine } from "../../src/node/create-engine.js";
import { ROOT } from "../support/data.js";

const run = promisify(execFile);
/** The compiled loader, as bin/crampbot.js runs it (CommonJS, which the test runner does not compile from src/). */
let loader: typeof import("../../src/cli/ask-bundle.cjs");
const BUNDLE = join(ROOT, "dist", "ask");
const manifest = () =>
  JSON.parse(readFileSync(join(BUNDLE, loader.MANIFEST_FILE), "utf8")) as {
    inputs: string[];
    format: number;
  };

beforeAll(async () => {
  // The compiled CLI, the engine data and the bundle, as `npm ci` builds them; rebuilt only when not fresh, since
  // other test files run `crampbot ask` meanwhile.
  const compiled = join(ROOT, "dist", "cli", "ask-bundle.cjs");
  if (!existsSync(compiled))
    await run("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, timeout: 240_000 });
  loader = createRequire(import.meta.url)(compiled);
  if (!loader.loadAskBundle().ok) {
    await run("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, timeout: 240_000 });
    for (const script of ["build-engine-data.js", "build-ask-bundle.js"])
      await run(process.execPath, [join(ROOT, "scripts", script)], { cwd: ROOT, timeout: 120_000 });
  }
}, 400_000);

const ask = (engine: Pick<Engine, "handle">, text: string, conversation: string): Promise<Reply> =>
  engine.handle({ platform: "cli", conversationId: conversation, userId: "cli", kind: "text", text });

describe("the bundled crampbot ask", () => {
  it("runs with V8's code cache, and answers every eval question and conversation as the modules do", async () => {
    const load = loader.loadAskBundle();
    if (!load.ok) throw new Error(`bundle not usable: ${load.reason}`);
    expect(load.cacheRejected).toBe(false);
    const bundled = load.bundle.engineFromArtefact({});
    expect(bundled).not.toBeNull();
    const modules = createEngine({ artefact: false });
    for (const q of loadQuestions(join(ROOT, "test", "eval", "questions.jsonl"))) {
      // Each question on its own, as `crampbot ask` asks it.
      expect(await ask(bundled as Engine, q.text, q.text), q.text).toEqual(
        await ask(modules, q.text, q.text),
      );
    }
    for (const [n, c] of loadConversations(join(ROOT, "test", "eval", "conversations.json")).entries()) {
      for (const turn of c.turns)
        expect(await ask(bundled as Engine, turn.text, `c${n}`), turn.text).toEqual(
          await ask(modules, turn.text, `c${n}`),
        );
    }
  }, 120_000);

  it("prints through bin/crampbot.js what the command line prints through the modules", async () => {
    for (const args of [
      ["--json", "how much magnesium should I take?"],
      ["my calf is swollen red and hot"],
      [],
    ]) {
      const bundled = await run(process.execPath, [join(ROOT, "bin", "crampbot.js"), "ask", ...args], {
        cwd: ROOT,
      });
      const modules = await run(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `process.exitCode = await (await import("./dist/cli/main.js")).run(process.argv.slice(1))`,
          "ask",
          ...args,
        ],
        { cwd: ROOT },
      );
      expect(bundled.stdout).toBe(modules.stdout);
      expect(bundled.stderr).toBe(modules.stderr);
    }
  }, 60_000);

  it("holds the ask path only: no adapter, service, SDK, nor the data files' readers", () => {
    const { inputs } = manifest();
    expect(inputs).toContain("dist/core/engine.js");
    expect(inputs.filter((i) => /^node_modules\//.test(i))).toEqual(["node_modules/fuse.js/dist/fuse.mjs"]);
    expect(
      inputs.filter((i) => /^dist\/(adapters|service)\/|dist\/cli\/(chat|batch|eval|main)\.js/.test(i)),
    ).toEqual([]);
    expect(inputs).not.toContain("dist/node/create-engine.js");
  });

  describe("in a copy of the package", () => {
    let root: string;
    const bundleDir = () => join(root, "dist", "ask");
    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), "crampbot-bundle-"));
      cpSync(BUNDLE, bundleDir(), { recursive: true });
      for (const input of manifest().inputs) {
        mkdirSync(dirname(join(root, input)), { recursive: true });
        cpSync(join(ROOT, input), join(root, input));
      }
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    /** Runs `change` on the copy, checks the bundle is then stale, and puts the file back. */
    const staleAfter = (file: string, change: (path: string) => void) => {
      const path = join(root, file);
      const before = readFileSync(path);
      try {
        change(path);
        expect(loader.loadAskBundle(bundleDir(), root)).toEqual({ ok: false, reason: "stale" });
      } finally {
        writeFileSync(path, before);
      }
    };

    it("is used while every file it was made from holds the same text (copied, or written again unchanged)", () => {
      expect(loader.loadAskBundle(bundleDir(), root).ok).toBe(true);
      const file = join(root, "dist", "core", "reader.js");
      writeFileSync(file, readFileSync(file));
      expect(loader.loadAskBundle(bundleDir(), root).ok).toBe(true);
    });

    it("is stale once a module it holds, fuse.js, or the bundle itself changes, or a module is gone", () => {
      staleAfter("dist/core/reader.js", (path) => appendFileSync(path, "\n// edited\n"));
      staleAfter("node_modules/fuse.js/dist/fuse.mjs", (path) => appendFileSync(path, " "));
      staleAfter("dist/ask/crampbot-ask.js", (path) => appendFileSync(path, ";"));
      staleAfter("dist/core/engine.js", (path) => rmSync(path));
      staleAfter(`dist/ask/${loader.MANIFEST_FILE}`, (path) =>
        writeFileSync(path, JSON.stringify({ ...manifest(), format: 0 })),
      );
      expect(loader.loadAskBundle(bundleDir(), root).ok).toBe(true);
    });

    it("runs without its code cache, and is missing without its manifest", () => {
      for (const [file, expected] of [
        [loader.CACHE_FILE, { ok: true, cacheRejected: true }],
        [loader.MANIFEST_FILE, { ok: false, reason: "missing" }],
      ] as const) {
        const path = join(bundleDir(), file);
        const before = readFileSync(path);
        rmSync(path);
        expect(loader.loadAskBundle(bundleDir(), root)).toMatchObject(expected);
        writeFileSync(path, before);
      }
    });
  });
});
