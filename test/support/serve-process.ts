// `crampbot serve` as a child process for the multi-process tests: the built CLI (compiled once by buildOnce()),
// started with only the given variables (the machine's own REDIS_URL etc. cleared), on 127.0.0.1 and a free port;
// its JSON log lines, its URL once it serves, and a bounded stop. killAll() is for afterAll.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { ENV_DEFAULTS } from "../../src/service/config.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Generous bound for a start-up or an exit (no timing is asserted within it; 2 shared cores can be slow). */
export const PROCESS_BOUND_MS = 60_000;

export interface ServeProcess {
  child: ChildProcess;
  stderr(): string;
  /** The JSON log lines so far. */
  logs(): Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: ChildProcess[] = [];

/** The newest modification time of the files under `dir` (0 when it does not exist). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    latest = Math.max(latest, stat.isDirectory() ? newest(path) : stat.mtimeMs);
  }
  return latest;
}

/** Compiles src/ to dist/ (what bin/crampbot.js runs), unless dist/ is newer than every file of src/. */
export async function buildOnce(): Promise<void> {
  const built = join(ROOT, "dist", "cli", "main.js");
  if (existsSync(built) && newest(join(ROOT, "dist")) >= newest(join(ROOT, "src"))) return;
  await promisify(execFile)("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, timeout: 240_000 });
}

/**
 * Starts `crampbot serve` with HOST 127.0.0.1, PORT 0 and `env` (every other service variable cleared), from `root`
 * (default: this checkout; a test that edits the data passes a copy of the built package).
 */
export function startServe(env: Record<string, string>, root = ROOT): ServeProcess {
  const cleared = Object.fromEntries(Object.keys(ENV_DEFAULTS).map((name) => [name, ""]));
  const child = spawn(process.execPath, [join(root, "bin", "crampbot.js"), "serve"], {
    cwd: root,
    env: { ...process.env, ...cleared, HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stderr: () => stderr,
    logs: () =>
      stderr
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => {
          try {
            return JSON.parse(line) as Record<string, unknown>;
          } catch {
            return {};
          }
        }),
    exited,
  };
}

/** Polls `check` every 25 ms until it gives a value, for at most `timeoutMs`. */
export async function poll<T>(
  check: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs = PROCESS_BOUND_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Waits for the "crampbot serving" line and for /readyz to answer 200; returns the base URL. */
export async function servingUrl(running: ServeProcess): Promise<string> {
  const url = await poll(() => {
    if (running.child.exitCode !== null) throw new Error(`serve exited early:\n${running.stderr()}`);
    const entry = running.logs().find((line) => line.msg === "crampbot serving");
    return typeof entry?.url === "string" ? entry.url : undefined;
  }, "the service to start").catch((error: Error) => {
    throw new Error(`${error.message}; its standard error ends:\n${running.stderr().slice(-3_000)}`);
  });
  await poll(async () => {
    if (running.child.exitCode !== null) throw new Error(`serve exited early:\n${running.stderr()}`);
    return (await fetch(`${url}/readyz`)).status === 200 ? true : undefined;
  }, "/readyz to answer 200");
  return url;
}

/** SIGTERM, then SIGKILL after PROCESS_BOUND_MS; resolves with how it exited. */
export async function stopServe(
  running: ServeProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill("SIGTERM");
  const timer = setTimeout(() => running.child.kill("SIGKILL"), PROCESS_BOUND_MS);
  const result = await running.exited;
  clearTimeout(timer);
  return result;
}

/** Kills every process startServe started that still runs (afterAll). */
export async function killAll(): Promise<void> {
  await Promise.all(
    started.splice(0).map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await gone;
    }),
  );
}
