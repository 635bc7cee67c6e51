// `npm start` as a process manager runs it: SIGTERM to the npm process must reach node, which drains and frees the port.
// npm runs the script through `sh -c`; without `exec` in the script the shell dies on the signal and node lives on.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ENV_DEFAULTS } from "../../src/service/config.js";
import { tempDir, waitFor } from "../service/support.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Generous bound for start-up and for exit after the signal (no timing is asserted within it). */
const BOUND_MS = 30_000;

/** Processes this file started (npm, and the node it runs): killed by pid if a test leaves one behind. */
const started = new Set<number>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True when nothing listens on 127.0.0.1:`port` any more (we can bind it ourselves). */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

beforeAll(async () => {
  // `npm start` runs the compiled CLI; `npm ci` builds it (prepare). Build it only when it is missing, so this file
  // does not rewrite dist/ while another test file runs it.
  if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) {
    await promisify(execFile)("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, timeout: 240_000 });
  }
}, 250_000);

afterEach(() => {
  for (const pid of started) if (alive(pid)) process.kill(pid, "SIGKILL");
  started.clear();
});

describe("npm start", () => {
  it("forwards SIGTERM to node: it drains, exits and frees the port", async () => {
    const dir = tempDir("crampbot-npm-start-");
    try {
      const cleared = Object.fromEntries(Object.keys(ENV_DEFAULTS).map((name) => [name, ""]));
      const npm: ChildProcess = spawn("npm", ["start"], {
        cwd: ROOT,
        env: {
          ...process.env,
          ...cleared,
          PORT: "0",
          HOST: "127.0.0.1",
          DATABASE_PATH: join(dir.path, "crampbot.db"),
          LOG_LEVEL: "info",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      if (npm.pid === undefined) throw new Error("npm did not start");
      started.add(npm.pid);
      let stderr = "";
      npm.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      npm.stdout?.resume();
      const exited = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));
      const logs = () =>
        stderr
          .split("\n")
          .filter((line) => line.startsWith("{"))
          .map((line) => JSON.parse(line) as Record<string, unknown>);

      const serving = await waitFor(
        () => {
          if (npm.exitCode !== null) throw new Error(`npm start exited early:\n${stderr}`);
          return logs().find((line) => line.msg === "crampbot serving");
        },
        "npm start to serve",
        BOUND_MS,
      );
      const url = String(serving.url);
      const port = Number(new URL(url).port);
      const node = Number(serving.pid);
      started.add(node);
      expect(node).not.toBe(npm.pid);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);

      npm.kill("SIGTERM");
      await waitFor(() => (alive(node) ? undefined : true), "node to exit after SIGTERM to npm", BOUND_MS);
      expect(await exited).toBe(0);
      expect(await portFree(port)).toBe(true);
      // node went through its own shutdown, not a kill.
      expect(logs().map((line) => line.msg)).toEqual(
        expect.arrayContaining(["signal received; stopping", "web: chat adapter closed", "stopped"]),
      );
    } finally {
      dir.remove();
    }
  }, 90_000);
});
