// A throwaway redis-server of our own on a free port, for the tests that need a live Redis (whether one is installed,
// and what a test does without it: ./system-programs.ts).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REDIS_SERVER } from "./system-programs.js";

/** How long startRedisServer waits for the server to answer PING, in ms. */
export const REDIS_START_BOUND_MS = 10_000;

/** A port on 127.0.0.1 that was free a moment ago (the probe server is closed again). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** One raw PING over a fresh socket (with AUTH first when a password is given); true when it answers +PONG. */
export function ping(port: number, password?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let answer = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write(password ? `AUTH ${password}\r\nPING\r\n` : "PING\r\n"));
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
      if (answer.includes("+PONG")) done(true);
      else if (answer.includes("-")) done(false);
    });
  });
}

export interface RedisServer {
  port: number;
  /** redis://[:password@]127.0.0.1:port/0 */
  url: string;
  stop(): Promise<void>;
}

/** Starts a throwaway redis-server on a free port (no persistence); `password` sets requirepass. */
export async function startRedisServer(options: { password?: string } = {}): Promise<RedisServer> {
  const binary = REDIS_SERVER.path;
  if (binary === undefined) throw new Error(`redis-server is not on PATH (${REDIS_SERVER.install})`);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "crampbot-redis-"));
  const args = [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    dir,
  ];
  if (options.password) args.push("--requirepass", options.password);
  const child: ChildProcess = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + REDIS_START_BOUND_MS;
  while (!(await ping(port, options.password))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`redis-server did not answer PING on port ${port}:\n${output.slice(-2_000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const auth = options.password ? `:${encodeURIComponent(options.password)}@` : "";
  return {
    port,
    url: `redis://${auth}127.0.0.1:${port}/0`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
