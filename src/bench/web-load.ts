/**
 * Role: the web bench's load generator, run as a child process of `npm run bench` (src/bench/web.ts) the way wrk or
 * autocannon would be run against a server: its own process, so the server process's CPU time is the server's alone.
 * Its own CPU time is measured too and sent back, so the bench reports both and hides neither.
 *
 * The clients are as lean as an HTTP client gets: node:http with keep-alive sockets, one cookie jar (one cookie)
 * each, the request body encoded once per text, every answer checked (status 200, a JSON array) but not decoded, so
 * a failing path cannot look fast. Bounded: a fixed number of messages and a time limit.
 *
 * Protocol (IPC with the parent): the parent sends one {@link LoadPlan}; the child sends `{kind: "warm"}` after the
 * warm-up, waits for `{kind: "go"}`, runs the measured messages and sends one {@link LoadResult}, then exits.
 */
import { Agent, request } from "node:http";

export interface LoadPlan {
  kind: "plan";
  port: number;
  texts: string[];
  conversations: number;
  warmUp: number;
  messages: number;
  timeLimitMs: number;
}

export interface LoadResult {
  kind: "done";
  /** One latency (ms) per measured message, in the order they finished. */
  latencies: number[];
  /** From the first measured request to the last answer, in milliseconds. */
  wallMs: number;
  /** This process's CPU time (user + system) over the measured messages, in microseconds. */
  cpuUs: number;
  /** The first failed answer, if any (the bench then fails). */
  failure: string | null;
}

interface Answer {
  status: number;
  setCookie: string | undefined;
  body: Buffer;
}

function post(agent: Agent, port: number, body: Buffer, cookie: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {
      "content-type": "application/json",
      "content-length": body.length,
    };
    if (cookie) headers.cookie = cookie;
    const req = request(
      { host: "127.0.0.1", port, path: "/api/messages", method: "POST", agent, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const setCookie = res.headers["set-cookie"]?.[0];
          resolve({ status: res.statusCode ?? 0, setCookie, body: Buffer.concat(chunks) });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function run(plan: LoadPlan, go: Promise<void>): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: plan.conversations });
  // The bodies are the same texts over and over: encode each once, as a client replaying a log would.
  const bodies = plan.texts.map((text) => Buffer.from(JSON.stringify({ type: "message", text })));
  const cookies = new Array<string>(plan.conversations).fill("");
  const latencies: number[] = [];
  let failure: string | null = null;
  let next = 0;

  const load = async (count: number, measure: boolean) => {
    let sent = 0;
    const deadline = performance.now() + plan.timeLimitMs;
    const client = async (c: number) => {
      while (sent < count && performance.now() < deadline && failure === null) {
        sent++;
        const body = bodies[next++ % bodies.length] ?? Buffer.from("{}");
        const t = performance.now();
        let answer: Answer;
        try {
          answer = await post(agent, plan.port, body, cookies[c] ?? "");
        } catch (err) {
          failure ??= `request failed: ${String((err as Error | undefined)?.message ?? err)}`;
          return;
        }
        const ms = performance.now() - t;
        if (answer.setCookie) cookies[c] = answer.setCookie.split(";")[0] ?? "";
        if (answer.status !== 200 || answer.body[0] !== 0x5b /* [ */) {
          failure ??= `HTTP ${answer.status}: ${answer.body.toString("utf8").slice(0, 200)}`;
        }
        if (measure) latencies.push(ms);
      }
    };
    await Promise.all(Array.from({ length: plan.conversations }, (_, c) => client(c)));
  };

  try {
    await load(Math.min(plan.warmUp, plan.messages), false);
    process.send?.({ kind: "warm" });
    await go;
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await load(plan.messages, true);
    const wallMs = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    return { kind: "done", latencies, wallMs, cpuUs: cpu.user + cpu.system, failure };
  } finally {
    agent.destroy();
  }
}

let started = false;
let release: () => void = () => {};
const go = new Promise<void>((resolve) => {
  release = resolve;
});
process.on("message", (message: { kind?: string }) => {
  if (message.kind === "go") release();
  if (message.kind !== "plan" || started) return;
  started = true;
  run(message as LoadPlan, go).then(
    (result) => process.send?.(result, () => process.disconnect()),
    (err: unknown) => {
      const failure = `load generator failed: ${String((err as Error | undefined)?.message ?? err)}`;
      const result: LoadResult = { kind: "done", latencies: [], wallMs: 0, cpuUs: 0, failure };
      process.send?.(result, () => process.disconnect());
    },
  );
});
