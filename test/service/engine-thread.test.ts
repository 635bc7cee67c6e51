// The engine on a thread of its own (ADR 55): the same replies in the same order per conversation as the engine in
// this thread, a failing store still answered (a red flag first), a thread that ends answered with the apology by the
// web chat, and a shutdown that finishes the turns in flight and closes the store.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/core/store/memory.js";
import type { IncomingMessage, Reply } from "../../src/core/types.js";
import { createEngine } from "../../src/node/create-engine.js";
import { PACKAGE_ROOT } from "../../src/node/paths.js";
import { loadDriver } from "../../src/node/store/better-sqlite3.js";
import { SqliteStore } from "../../src/node/store/sqlite.js";
import { createService } from "../../src/service/service.js";
import type {
  EngineThread as EngineThreadClass,
  EngineThreadSpec,
} from "../../src/service/thread/engine-thread.js";
import { CookieClient, closeAll, memoryLogger, startWebServer } from "../adapters/web/support.js";
import { testConfig } from "./support.js";

// The thread runs the built worker (dist/service/thread/engine-worker.js), so the sources are compiled once here.
const WORKER = new URL(`file://${join(PACKAGE_ROOT, "dist", "service", "thread", "engine-worker.js")}`);
const ENDS_AT_FIRST_TURN = new URL("../fakes/engine-thread/ends-at-first-turn.mjs", import.meta.url);
let EngineThread: typeof EngineThreadClass;

beforeAll(async () => {
  await promisify(execFile)("npx", ["tsc", "-p", "tsconfig.build.json"], {
    cwd: PACKAGE_ROOT,
    timeout: 240_000,
  });
  // The built module, as the service loads it: its worker URL is dist's own.
  ({ EngineThread } = (await import(join(PACKAGE_ROOT, "dist", "service", "thread", "engine-thread.js"))) as {
    EngineThread: typeof EngineThreadClass;
  });
}, 250_000);

const dirs: string[] = [];
afterAll(async () => {
  await closeAll();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "crampbot-thread-"));
  dirs.push(dir);
  return dir;
}

const text = (conversationId: string, body: string): IncomingMessage => ({
  platform: "web",
  conversationId,
  userId: conversationId,
  kind: "text",
  text: body,
});

/** Three conversations whose every reply depends on the turn before it: follow-ups, a dialogue, a correction. */
const CONVERSATIONS: Record<string, string[]> = {
  a: [
    "how much magnesium should I take?",
    "same question for vitamin D",
    "and what about potassium?",
    "thanks",
  ],
  b: ["start the stretch coach", "ok", "done", "next", "what causes leg cramps at night?"],
  c: ["hi", "my calf cramps every night", "does quinine help?", "tell me more", "what about for kids?"],
};

/** Every message of every conversation handed over at once, interleaved, none awaited before the next is sent. */
async function interleaved(
  handle: (message: IncomingMessage) => Promise<Reply>,
): Promise<Record<string, Reply[]>> {
  const started: Record<string, Promise<Reply>[]> = { a: [], b: [], c: [] };
  const longest = Math.max(...Object.values(CONVERSATIONS).map((turns) => turns.length));
  for (let i = 0; i < longest; i++) {
    for (const [id, turns] of Object.entries(CONVERSATIONS)) {
      const body = turns[i];
      if (body !== undefined) started[id]?.push(handle(text(id, body)));
    }
  }
  const out: Record<string, Reply[]> = {};
  for (const [id, replies] of Object.entries(started)) out[id] = await Promise.all(replies);
  return out;
}

const MEMORY: EngineThreadSpec = { store: { kind: "memory" } };

describe("the engine on its own thread", () => {
  it("gives the same replies, in order per conversation, as the engine in this thread", async () => {
    const thread = await EngineThread.start(MEMORY, { logger: memoryLogger(), workerUrl: WORKER });
    const here = createEngine();
    try {
      const [threaded, local] = await Promise.all([
        interleaved((m) => thread.handle(m)),
        interleaved((m) => here.handle(m)),
      ]);
      expect(threaded).toEqual(local);
      // The follow-up was read in its conversation's context: the state crossed no thread and was kept.
      expect(threaded.a?.[1]?.section?.id).toBe(local.a?.[1]?.section?.id);
      expect(threaded.a?.[1]?.intent).toBe("answer");
    } finally {
      await Promise.all([thread.close(), here.close()]);
    }
  });

  it("answers when its store fails: a red flag with the urgent reply, a question with its answer, each failure told", async () => {
    const failures: string[] = [];
    // Nothing listens on port 1: every store operation fails or times out.
    const thread = await EngineThread.start(
      { store: { kind: "redis", url: "redis://127.0.0.1:1/0" }, engine: { storeTimeoutMs: 200 } },
      { logger: memoryLogger(), workerUrl: WORKER, onStoreError: (operation) => failures.push(operation) },
    );
    try {
      const [urgent, answer] = await Promise.all([
        thread.handle(text("x", "my calf has been swollen and red since the cramp on Sunday")),
        thread.handle(text("y", "how much magnesium should I take?")),
      ]);
      expect(urgent.intent).toBe("urgent");
      expect(answer.intent).toBe("answer");
      expect(failures).toContain("get");
    } finally {
      await thread.close();
    }
  }, 30_000);

  it("finishes the turns in flight on close, closes its store, and refuses turns after it", async () => {
    const path = join(tempDir(), "state.db");
    const thread = await EngineThread.start(
      { store: { kind: "sqlite", path } },
      { logger: memoryLogger(), workerUrl: WORKER },
    );
    const inFlight = Array.from({ length: 12 }, (_, i) =>
      thread.handle(text(`c${i % 4}`, "what causes leg cramps?")),
    );
    const closed = thread.close();
    const replies = await Promise.all(inFlight);
    await closed;
    expect(replies.every((reply) => reply.intent === "answer")).toBe(true);
    expect(thread.running).toBe(false);
    await expect(thread.handle(text("c0", "hello"))).rejects.toThrow(/closed|closing/);
    // The store was closed (its lock file released) with every turn's state saved.
    const reopened = new SqliteStore({ path });
    await reopened.open();
    expect(await reopened.get("conv:c3")).toBeDefined();
    await reopened.close();
  });

  it("through the web chat: a thread that ends mid-turn gets the apology, as does every turn after it", async () => {
    const logger = memoryLogger();
    const thread = await EngineThread.start(MEMORY, { logger, workerUrl: ENDS_AT_FIRST_TURN });
    const web = await startWebServer({}, { handler: thread });
    const client = new CookieClient(web.url);
    const apology = (await client.say("how much magnesium should I take?"))[0];
    expect(apology?.intent).toBe("fallback");
    expect(apology?.text).toMatch(/sorry|wrong/i);
    expect(thread.running).toBe(false);
    const later = (await client.say("and vitamin D?"))[0];
    expect(later?.text).toBe(apology?.text);
    expect(logger.lines.some((line) => line.level === "error" && line.msg === "engine thread exited")).toBe(
      true,
    );
  });
});

describe("the service with ENGINE_THREAD=worker", () => {
  it("answers the web chat in context, is ready, reloads there, and on stop closes the store with the state saved", async () => {
    const path = join(tempDir(), "service.db");
    const service = createService(testConfig({ ENGINE_THREAD: "worker", DATABASE_PATH: path }), {
      defaultMetrics: false,
    });
    await service.start();
    try {
      const client = new CookieClient(service.url);
      const first = (await client.say("how much magnesium should I take?"))[0];
      const second = (await client.say("same question for vitamin D"))[0];
      expect(first?.section?.id).toBe("magnesium.supplements");
      expect(second?.intent).toBe("answer");
      expect(second?.section?.id).not.toBe(first?.section?.id);
      // A vote counted in the engine's thread reaches this thread's /metrics.
      const ask = (
        first as unknown as { feedback?: { options: { vote: string; title: string; payload: string }[] } }
      ).feedback;
      const yes = ask?.options.find((option) => option.vote === "yes");
      expect((await client.press(yes?.title ?? "", yes?.payload ?? ""))[0]?.intent).toBe("feedback");
      const ready = await fetch(`${service.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as { checks: { store: string } }).checks.store).toBe("ok");
      expect((await service.reload("manual")).result).toBe("unchanged");
      expect(service.reloader.version).toMatch(/^[0-9a-f]{12}$/);
      expect(await (await fetch(`${service.url}/metrics`)).text()).toContain(
        `crampbot_data_info{version="${service.reloader.version}"} 1`,
      );
      expect(await (await fetch(`${service.url}/metrics`)).text()).toContain(
        'crampbot_feedback_total{section="magnesium.supplements",vote="yes"} 1',
      );
    } finally {
      await service.stop();
    }
    // The store was closed in its thread (the file's lock released), with the conversation's state in it.
    const reopened = new SqliteStore({ path });
    await reopened.open();
    await reopened.close();
    const Database = loadDriver();
    const db = new Database(path);
    const rows = db.prepare("SELECT count(*) AS n FROM sessions WHERE key LIKE 'conv:%'").get() as {
      n: number;
    };
    db.close();
    expect(rows.n).toBe(1);
  });

  it("does not start when the store cannot be opened in its thread, and says why", async () => {
    const path = join(tempDir(), "not-a-folder");
    writeFileSync(path, "");
    const service = createService(
      testConfig({ ENGINE_THREAD: "worker", DATABASE_PATH: join(path, "state.db") }),
      { defaultMetrics: false },
    );
    await expect(service.start()).rejects.toThrow(/not-a-folder/);
  });

  it("refuses objects that cannot cross threads", () => {
    expect(() =>
      createService(testConfig({ ENGINE_THREAD: "worker" }), {
        store: new MemoryStore(),
        defaultMetrics: false,
      }),
    ).toThrow(/cannot cross threads/);
  });
});
