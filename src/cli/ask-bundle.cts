/**
 * Role: the bundled `crampbot ask` (ADR 27) — one file, dist/ask/crampbot-ask.js, holding the ask path from the
 * precomputed engine data (ask-entry.ts and what it imports, bundled by scripts/build-ask-bundle.js), compiled with a
 * V8 code cache made at build time. Node then resolves, reads and compiles one file instead of about fifty modules,
 * and runs the engine's start-up code without compiling it first: the start is most of what `crampbot ask` costs.
 *
 * The compiled modules stay the source: the bundle's manifest records a SHA-256 over the bundle and every file it was
 * made from (their names relative to the package, and their text), and the bundle runs only while that still matches;
 * a missing or stale bundle is bypassed and bin/crampbot.js runs the command line as before. A code cache V8 rejects
 * (another Node version) only costs the compile it would have saved.
 *
 * CommonJS (.cts), as bin/crampbot.js is: an ES module entry costs Node its ES module loader at start-up, and the
 * bundle needs only `require` for Node's own modules. Hence no import of the ES modules here but of their types.
 */
import fs = require("node:fs");
import path = require("node:path");
import vm = require("node:vm");

import type { Writable } from "node:stream";
import type { Engine } from "../core/engine.js" with { "resolution-mode": "import" };
import type { CreateEngineOptions } from "../node/create-engine.js" with { "resolution-mode": "import" };

/** The package root: two levels above this file (src/cli or dist/cli), as paths.ts finds it. */
const PACKAGE_ROOT = path.join(__dirname, "..", "..");

/** Bumped whenever the manifest's layout or the bundle's wrapping changes: a bundle of another format is stale. */
const BUNDLE_FORMAT = 1;

/** Where the build writes the bundle, its code cache and its manifest (one folder below dist/, as the modules are). */
const BUNDLE_DIR = path.join(PACKAGE_ROOT, "dist", "ask");
const BUNDLE_FILE = "crampbot-ask.js";
const CACHE_FILE = "crampbot-ask.cache";
const MANIFEST_FILE = "manifest.json";

/** The question the build asks once so that the code cache holds the code an answer runs, not only the top level. */
const WARM_UP_QUESTION = "how much magnesium should I take?";

/** What the bundle was made from. */
interface BundleManifest {
  format: number;
  /** The files bundled, relative to the package root (the compiled modules and fuse.js), in esbuild's order. */
  inputs: string[];
  /** SHA-256 over the bundle's own text and every input's name and text (see {@link bundleHash}). */
  hash: string;
  /**
   * The bundle's and then each input's size and modification time as the build left them: while all are the same,
   * nothing was written since and the texts need not be read and hashed again (see {@link loadAskBundle}).
   */
  stamps: [number, number][];
}

/** What the bundle exports (ask-entry.ts). */
interface AskBundle {
  askFromArtefact(args: string[], output: Writable, errors: Writable): Promise<number | null>;
  engineFromArtefact(options: CreateEngineOptions): Engine | null;
}

/** Outcome of loading the bundle: it, compiled, or why it cannot be used. */
type BundleLoad =
  | { ok: true; bundle: AskBundle; script: vm.Script; cacheRejected: boolean }
  | { ok: false; reason: "missing" | "stale" };

/** The hash a manifest records: over the bundle's text, then each input's relative name and content. */
function bundleHash(root: string, inputs: readonly string[], bundleSource: string): string {
  // Loaded only here: a start whose stamps vouch for the bundle never hashes, and node:crypto took 3-10 ms of a
  // `crampbot ask` (ADR 78).
  const crypto: typeof import("node:crypto") = require("node:crypto");
  const hash = crypto.createHash("sha256");
  hash.update(bundleSource);
  for (const input of inputs) {
    hash.update(`\0${input}\0`);
    hash.update(fs.readFileSync(path.join(root, input)));
  }
  return hash.digest("hex");
}

/** Size and modification time (ms) of each file, to tell one written since from one left alone. */
function fileStamps(files: readonly string[]): [number, number][] {
  return files.map((file) => {
    const stat = fs.statSync(file);
    return [stat.size, stat.mtimeMs];
  });
}

/** The files a manifest stamps, in its order: the bundle, then its inputs. */
function stampedFiles(dir: string, root: string, inputs: readonly string[]): string[] {
  return [path.join(dir, BUNDLE_FILE), ...inputs.map((input) => path.join(root, input))];
}

/** True when every stamp is as recorded (a cheap check that tells "untouched" only; a mismatch proves nothing). */
function sameStamps(
  recorded: readonly (readonly number[])[] | undefined,
  now: readonly [number, number][],
): boolean {
  return (
    Array.isArray(recorded) &&
    recorded.length === now.length &&
    now.every(([size, mtime], i) => recorded[i]?.[0] === size && recorded[i]?.[1] === mtime)
  );
}

/**
 * Compiles and runs the bundle in `dir` (its top level only: nothing is answered yet) when its manifest still matches
 * the files under `root` it was made from; otherwise says why not. Never throws for a missing or stale bundle.
 */
function loadAskBundle(dir = BUNDLE_DIR, root = PACKAGE_ROOT): BundleLoad {
  const file = path.join(dir, BUNDLE_FILE);
  let source: string;
  let manifest: BundleManifest;
  try {
    source = fs.readFileSync(file, "utf8");
    manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), "utf8")) as BundleManifest;
  } catch {
    return { ok: false, reason: "missing" };
  }
  try {
    if (manifest.format !== BUNDLE_FORMAT) return { ok: false, reason: "stale" };
    // Files rewritten since the build (tsc run again, a copy elsewhere) may still hold the same text: then the hash
    // decides. Files not written since hold what was hashed.
    const untouched = sameStamps(manifest.stamps, fileStamps(stampedFiles(dir, root, manifest.inputs)));
    if (!untouched && bundleHash(root, manifest.inputs, source) !== manifest.hash)
      return { ok: false, reason: "stale" };
  } catch {
    // An input gone (a module renamed, or dist/ rebuilt without it) is a change too.
    return { ok: false, reason: "stale" };
  }
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(path.join(dir, CACHE_FILE));
  } catch {
    cachedData = undefined;
  }
  // The bundle is CommonJS (esbuild's `cjs` format) run as Node runs a CommonJS module: a function of these five.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  const module = { exports: {} as AskBundle };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, require, module, file, path.dirname(file));
  return {
    ok: true,
    bundle: module.exports,
    script,
    cacheRejected: cachedData === undefined || script.cachedDataRejected === true,
  };
}

/** What `crampbot ask` writes to: `write` is all it calls. */
type Output = Pick<Writable, "write">;

/** A writer straight to a descriptor (see {@link descriptorOutput}), which says whether it needed its stream. */
interface DescriptorOutput extends Output {
  /**
   * True while every write went through the descriptor whole: then nothing of the output waits in a stream, and the
   * process may end at once (bin/crampbot.js, ADR 87).
   */
  direct(): boolean;
}

/**
 * A writer straight to a file descriptor (1 or 2), with `fs.writeSync`. Node makes `process.stdout` a stream the first
 * time it is read (a pipe's is a socket: the stream, net and tty modules), which took 3-10 ms of a `crampbot ask`
 * whose answer is one write (ADR 78). On Linux a write to a pipe, a file or a terminal from `process.stdout` is
 * synchronous too. Whatever a write cannot put through at once (a descriptor another process made non-blocking, a
 * closed pipe) and all later writes go to `stream()`, so the stream then does as it always did, errors included.
 */
function descriptorOutput(fd: number, stream: () => Output): DescriptorOutput {
  let fallback: Output | null = null;
  return {
    write(chunk: string | Uint8Array): boolean {
      if (fallback !== null) return fallback.write(chunk);
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      let done = 0;
      try {
        while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
        return true;
      } catch {
        fallback = stream();
        return fallback.write(bytes.subarray(done));
      }
    },
    direct: () => fallback === null,
  } as DescriptorOutput;
}

/**
 * `crampbot ask <args>` through the bundle: the exit code, or null (nothing written) when the bundle or the engine
 * data cannot be used, and the caller runs the full command line instead.
 */
async function askFromBundle(args: string[], output: Output, errors: Output): Promise<number | null> {
  const load = loadAskBundle();
  if (!load.ok) return null;
  return load.bundle.askFromArtefact(args, output as Writable, errors as Writable);
}

/**
 * At build time, after the bundle and its manifest are written: asks the warm-up question once through the bundle
 * (output dropped) and writes V8's code cache of everything that ran. Returns false when the bundle cannot be used
 * (missing, stale, or the engine data missing), and writes nothing then.
 */
async function writeCodeCache(dir = BUNDLE_DIR, root = PACKAGE_ROOT): Promise<boolean> {
  const load = loadAskBundle(dir, root);
  if (!load.ok) return false;
  const sink = { write: () => true } as unknown as Writable;
  const code = await load.bundle.askFromArtefact([WARM_UP_QUESTION], sink, sink);
  if (code !== 0) return false;
  fs.writeFileSync(path.join(dir, CACHE_FILE), load.script.createCachedData());
  return true;
}

export = {
  BUNDLE_FORMAT,
  BUNDLE_DIR,
  BUNDLE_FILE,
  CACHE_FILE,
  MANIFEST_FILE,
  WARM_UP_QUESTION,
  bundleHash,
  fileStamps,
  stampedFiles,
  loadAskBundle,
  askFromBundle,
  descriptorOutput,
  writeCodeCache,
};
