// A second process that opens a SqliteStore: the store's sources transpiled (no type check) into a temp folder and
// run by a plain `node` child, which reports each attempt as one JSON line and takes "retry" / "close" on stdin.
// As root the child runs as "nobody", so file permissions bind it as they bind a service user.
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The store the child opens; the sources it imports (relative imports, followed to the end) come with it. */
const ENTRY = "node/store/sqlite.ts";
/**
 * better-sqlite3 and what it loads at run time, copied next to the child: "nobody" may not be able to read the
 * checkout's node_modules (a clone under a private temporary folder, say). Its C sources are left behind.
 */
const RUNTIME_PACKAGES = ["better-sqlite3", "bindings", "file-uri-to-path"];

/** As root, children run as this user and group ("nobody"); otherwise as the current user. */
export const CHILD_ID = 65_534;
export const RUNNING_AS_ROOT = typeof process.getuid === "function" && process.getuid() === 0;

const SCRIPT = `
import { createInterface } from "node:readline";
import { SqliteStore } from "./node/store/sqlite.js";
const store = new SqliteStore({ path: process.argv[2], sweepEveryMs: 0, busyWaitMs: Number(process.argv[3]) });
async function attempt() {
  try {
    await store.open();
    await store.set("conv:child", { pid: process.pid }, 60000);
    console.log(JSON.stringify({ ok: true }));
  } catch (error) {
    console.log(JSON.stringify({ ok: false, code: error.code, operation: error.operation, message: error.message }));
  }
}
await attempt();
for await (const line of createInterface({ input: process.stdin })) {
  if (line === "retry") await attempt();
  if (line === "close") {
    await store.close();
    console.log(JSON.stringify({ closed: true }));
    process.exit(0);
  }
}
`;

let built: string | undefined;

/** Transpiles the store once per test file; returns the folder (readable by everyone). */
export function buildChild(): string {
  if (built) return built;
  const out = mkdtempSync(join(tmpdir(), "crampbot-store-child-"));
  const files = [ENTRY];
  for (let i = 0; i < files.length; i++) {
    const file = files[i] ?? ENTRY;
    const source = readFileSync(join(ROOT, "src", file), "utf8");
    for (const [, spec] of source.matchAll(/from "(\.\.?\/[^"]+)\.js"/g)) {
      const imported = join(dirname(file), `${spec}.ts`);
      if (!files.includes(imported)) files.push(imported);
    }
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const target = join(out, file.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, js);
  }
  for (const name of RUNTIME_PACKAGES) {
    const from = join(ROOT, "node_modules", name);
    cpSync(from, join(out, "node_modules", name), {
      recursive: true,
      filter: (path) => !["deps", "src"].includes(relative(from, path).split(sep)[0] ?? ""),
    });
  }
  writeFileSync(join(out, "package.json"), '{"type":"module"}\n');
  writeFileSync(join(out, "child.js"), SCRIPT);
  for (const folder of [
    out,
    join(out, "core"),
    join(out, "core", "store"),
    join(out, "node"),
    join(out, "node", "store"),
  ])
    chmodSync(folder, 0o755);
  built = out;
  return out;
}

export function removeChildBuild(): void {
  if (built) rmSync(built, { recursive: true, force: true });
  built = undefined;
}

export interface Attempt {
  ok?: boolean;
  closed?: boolean;
  code?: string;
  operation?: string;
  message?: string;
}

export interface StoreChild {
  process: ChildProcess;
  /** The next JSON line the child writes. */
  next(): Promise<Attempt>;
  send(command: "retry" | "close"): void;
  exited: Promise<number | null>;
}

/** Starts a child process that opens a SqliteStore on `path` (as "nobody" when this process is root). */
export function startStoreChild(path: string, options: { busyWaitMs?: number } = {}): StoreChild {
  const folder = buildChild();
  const child = spawn(process.execPath, [join(folder, "child.js"), path, String(options.busyWaitMs ?? 200)], {
    cwd: folder,
    env: { PATH: process.env.PATH ?? "" },
    stdio: ["pipe", "pipe", "pipe"],
    ...(RUNNING_AS_ROOT ? { uid: CHILD_ID, gid: CHILD_ID } : {}),
  });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let buffer = "";
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let end = buffer.indexOf("\n"); end >= 0; end = buffer.indexOf("\n")) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      const waiter = waiting.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    process: child,
    next: () =>
      new Promise<Attempt>((resolve, reject) => {
        const line = lines.shift();
        if (line !== undefined) return resolve(JSON.parse(line) as Attempt);
        const onExit = () =>
          reject(new Error(`the store child exited before answering: ${stderr.slice(-2_000)}`));
        child.once("exit", onExit);
        waiting.push((text) => {
          child.off("exit", onExit);
          resolve(JSON.parse(text) as Attempt);
        });
      }),
    send: (command) => child.stdin?.write(`${command}\n`),
    exited,
  };
}
