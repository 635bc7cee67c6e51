/**
 * Role: A/B/A/B of the web path's server under the bench's load, each variant's server in its own process with node
 * flags of its own (ADR 39). After `npm run build`:
 *
 *   node dist/bench/web-ab.js [--rounds=5] [--messages=2000] [--alone=6000] LABEL=FLAGS ...
 *
 * FLAGS are node flags separated by commas (`base=--max-semi-space-size=8`,
 * `single=--max-semi-space-size=8,--single-threaded-gc`); a label starting with "fixed" serves one fixed reply
 * instead of the engine (the path's fixed cost), one starting with "bare" answers the same way from node:http alone
 * (no adapter, no Botkit: what HTTP costs, ADR 79), one starting with "replay" the engine's replies to the bench's
 * texts, worked out at start, in turn (the path with replies of the real sizes, no engine per message), one starting
 * with "memory" keeps the sessions in the in-memory store, the engine alone's, instead of SQLite (ADR 43: the
 * store's part and the path's told apart), one starting with "thread" runs the engine and its store on a thread of
 * their own (ADR 55, the service's ENGINE_THREAD=worker); with --redis every variant keeps its sessions in one
 * throwaway redis-server instead of SQLite. Every round runs each variant once, the order rotated each round, with
 * the bench's own load generator (src/bench/web-load.ts: 50 keep-alive clients, 300 warm-up messages, then the
 * measured ones); with --alone, the engine alone (the bench's served engine and message loop) runs first each round in
 * a process of its own, for the ratio of the same round. Per round and variant it prints the server's CPU time per
 * message (all threads), wall time per message, GC pauses per message, p99 and the load generator's CPU; then the
 * medians and means. Say `uptime`'s load with the figures: on a shared machine a round moves by tens of per cent.
 * A label may name another build's bench folder as LABEL@DIR (`old@/tmp/base/dist/bench=--max-semi-space-size=8`):
 * that variant's server is DIR/web-ab-server.js, so old and new code are alternated round by round.
 * Bounded: at most 20 rounds of at most 20,000 messages, each load within the bench's time limit.
 */
import { type ChildProcess, fork } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SERVICE_FLAGS } from "./service-flags.js";
import { benchTexts, BENCH_CONVERSATIONS as CONVERSATIONS } from "./texts.js";
import { startRedis } from "./web.js";
import type { ServerCpu } from "./web-ab-server.js";
import type { LoadPlan, LoadResult } from "./web-load.js";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const WARM_UP = 300;
const TIME_LIMIT_MS = 120_000;

interface Variant {
  label: string;
  flags: string[];
  server: ChildProcess;
  port: number;
  rounds: { cpuUs: number; wallUs: number; gcUs: number }[];
}

function option(name: string, fallback: number, max: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg === undefined ? fallback : Number(arg.slice(name.length + 3));
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new Error(`--${name} must be a whole number from 0 to ${max}`);
  }
  return value;
}

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`a child process exited (${code}) before answering`));
    child.once("exit", onExit);
    child.once("message", (message) => {
      child.off("exit", onExit);
      resolve(message as T);
    });
  });
}

async function serverCpu(server: ChildProcess): Promise<ServerCpu> {
  const answer = nextMessage<ServerCpu>(server);
  server.send({ kind: "cpu" });
  return answer;
}

/** One measured load against `variant`: the load generator's result and the server's CPU and GC around it. */
function drive(
  variant: Variant,
  texts: string[],
  messages: number,
): Promise<{ result: LoadResult; before: ServerCpu; after: ServerCpu }> {
  return new Promise((resolve, reject) => {
    const load = fork(join(HERE, "web-load.js"), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let before: ServerCpu | undefined;
    let done = false;
    load.on("message", (message: { kind?: string }) => {
      if (message.kind === "warm") {
        serverCpu(variant.server).then((cpu) => {
          before = cpu;
          load.send({ kind: "go" });
        }, reject);
      } else if (message.kind === "done") {
        done = true;
        serverCpu(variant.server).then((after) => {
          if (before === undefined) reject(new Error("the load generator finished before its warm-up"));
          else resolve({ result: message as LoadResult, before, after });
        }, reject);
      }
    });
    load.once("exit", (code) => {
      if (!done) reject(new Error(`the web load generator exited (${code}) before reporting`));
    });
    const plan: LoadPlan = {
      kind: "plan",
      port: variant.port,
      texts,
      conversations: CONVERSATIONS,
      warmUp: WARM_UP,
      messages,
      timeLimitMs: TIME_LIMIT_MS,
    };
    load.send(plan);
  });
}

/** The engine alone in this process: two warm-up passes, then `messages` timed ones (as web-only.ts measures it). */
async function aloneRound(messages: number): Promise<{ wallUs: number; cpuUs: number }> {
  const child = fork(join(HERE, "web-ab.js"), ["--engine-alone", String(messages)], {
    execArgv: ["--expose-gc", ...SERVICE_FLAGS],
  });
  return nextMessage(child);
}

async function engineAlone(messages: number): Promise<void> {
  const { timeServedEngine } = await import("./served.js");
  const figures = await timeServedEngine(messages);
  process.send?.(figures, () => process.exit(0));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
const us = (value: number) => `${Math.round(value)}`.padStart(5);

async function main(): Promise<void> {
  const rounds = option("rounds", 5, 20);
  const messages = option("messages", 2000, 20_000);
  const alone = option("alone", 0, 20_000);
  const specs = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  if (specs.length === 0)
    throw new Error("name at least one variant: LABEL=FLAGS (node flags, comma-separated)");
  const texts = benchTexts();
  const variants: Variant[] = [];
  // --redis: every variant keeps its sessions in one throwaway redis-server instead of SQLite.
  const redis = process.argv.includes("--redis") ? await startRedis() : null;
  if (process.argv.includes("--redis") && redis === null)
    throw new Error("--redis: redis-server is not installed");
  process.on("exit", () => {
    for (const v of variants) v.server.kill();
    redis?.stop();
  });
  for (const spec of specs) {
    const eq = spec.indexOf("=");
    const named = eq < 0 ? spec : spec.slice(0, eq);
    // LABEL@DIR: this variant's server is DIR/web-ab-server.js (another build's dist/bench, for old-against-new).
    const at = named.indexOf("@");
    const label = at < 0 ? named : named.slice(0, at);
    const serverDir = at < 0 ? HERE : named.slice(at + 1);
    const flags =
      eq < 0
        ? []
        : spec
            .slice(eq + 1)
            .split(",")
            .filter(Boolean);
    const server = fork(join(serverDir, "web-ab-server.js"), [], {
      execArgv: flags,
      env: {
        ...process.env,
        FIXED_REPLY: label.startsWith("fixed") ? "1" : "",
        BARE_HTTP: label.startsWith("bare") ? "1" : "",
        MEMORY_STORE: label.startsWith("memory") ? "1" : "",
        REPLAY: label.startsWith("replay") ? "1" : "",
        ENGINE_THREAD: label.startsWith("thread") ? "1" : "",
        REDIS_URL: redis?.url ?? "",
      },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const { port } = await nextMessage<{ port: number }>(server);
    variants.push({ label, flags, server, port, rounds: [] });
  }
  for (let round = 0; round < rounds; round++) {
    if (alone > 0) {
      const a = await aloneRound(alone);
      process.stdout.write(
        `round ${round} engine alone: ${us(a.cpuUs)} µs CPU, ${us(a.wallUs)} µs wall per message\n`,
      );
    }
    for (let k = 0; k < variants.length; k++) {
      const variant = variants[(k + round) % variants.length];
      if (variant === undefined) continue;
      const { result, before, after } = await drive(variant, texts, messages);
      if (result.failure !== null) throw new Error(`${variant.label}: a message failed: ${result.failure}`);
      const count = Math.max(1, result.latencies.length);
      const cpuUs = (after.cpuUs - before.cpuUs) / count;
      const wallUs = (result.wallMs * 1000) / count;
      const gcUs = ((after.gc.ms - before.gc.ms) * 1000) / count;
      const sorted = result.latencies.sort((a, b) => a - b);
      const p99 = sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))] ?? 0;
      variant.rounds.push({ cpuUs, wallUs, gcUs });
      process.stdout.write(
        `round ${round} ${variant.label.padEnd(12)} server ${us(cpuUs)} µs CPU, ${us(wallUs)} µs wall per message, ` +
          `GC pauses ${us(gcUs)} µs (${after.gc.scavenges - before.gc.scavenges} scavenges), p99 ` +
          `${p99.toFixed(0)} ms, load generator ${us(result.cpuUs / count)} µs CPU\n`,
      );
    }
  }
  for (const v of variants) {
    const cpu = v.rounds.map((r) => r.cpuUs);
    const wall = v.rounds.map((r) => r.wallUs);
    process.stdout.write(
      `${v.label.padEnd(12)} (${v.flags.join(" ") || "no flags"}): median ${us(median(cpu))} µs CPU, ` +
        `${us(median(wall))} µs wall; mean ${us(mean(cpu))} µs CPU, ${us(mean(wall))} µs wall per message\n`,
    );
  }
  for (const v of variants) {
    const stopped = new Promise((resolve) => v.server.once("exit", resolve));
    v.server.send({ kind: "stop" });
    await stopped;
  }
}

const aloneAt = process.argv.indexOf("--engine-alone");
if (aloneAt >= 0) await engineAlone(Number(process.argv[aloneAt + 1] ?? 0));
else await main();
