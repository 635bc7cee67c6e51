// The platform-adapter contract needs nothing else: a minimal in-memory platform (test/fakes/memory-platform.ts),
// unknown to the service, runs through it — its variable checked by parseConfig, started, answering, in /readyz,
// drained on stop.
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/service/config.js";
import { createService, type Service } from "../../src/service/service.js";
import { created, memoryPlatform } from "../fakes/memory-platform.js";

const BASE = { PORT: "0", DATABASE_PATH: ":memory:", LOG_LEVEL: "silent" };
let service: Service | undefined;

afterEach(async () => {
  await service?.stop();
  service = undefined;
  created.length = 0;
});

async function readyz(s: Service): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${s.url}/readyz`);
  return { status: response.status, body: await response.json() };
}

describe("the platform-adapter contract", () => {
  it("composes the platform's environment schema: unset means not configured", () => {
    const unset = parseConfig(BASE, [memoryPlatform]);
    expect(unset.ok && (unset.config as unknown as Record<string, unknown>).memory).toBeUndefined();
    const set = parseConfig({ ...BASE, MEMORY_CHAT_NAME: " Crampy " }, [memoryPlatform]);
    expect(set.ok && (set.config as unknown as Record<string, unknown>).memory).toEqual({ name: "Crampy" });
  });

  it("starts the adapter, answers through it, reports it in /readyz and drains it on stop", async () => {
    const parsed = parseConfig({ ...BASE, MEMORY_CHAT_NAME: "Crampy" }, [memoryPlatform]);
    if (!parsed.ok) throw new Error(parsed.problems.join("; "));
    service = createService(parsed.config, { platforms: [memoryPlatform], defaultMetrics: false });
    await service.start();
    const chat = created.at(-1);
    if (chat === undefined) throw new Error("the service did not create the memory adapter");

    const reply = await chat.say("alice", "what causes night leg cramps?");
    expect(reply).not.toBe("refused");
    expect(chat.sent).toEqual([{ chat: "alice", text: expect.stringMatching(/\S/) }]);
    expect(await readyz(service)).toEqual({
      status: 200,
      body: { status: "ready", checks: { service: "ok", store: "ok", memory: "ok" } },
    });
    expect(await service.metrics.render()).toMatch(/platform="memory"/);

    // Two messages in flight when stop() is called: both are answered before the service has stopped.
    const first = chat.say("bob", "hello");
    const second = chat.say("bob", "which foods have magnesium?");
    let finished: unknown;
    void chat.finished.then((outcome) => {
      finished = outcome;
    });
    await service.stop();
    await expect(Promise.all([first, second])).resolves.toHaveLength(2);
    expect(chat.sent.map((entry) => entry.chat)).toEqual(["alice", "bob", "bob"]);
    expect(finished).toEqual({ reason: "stopped" });
    expect(await chat.say("carol", "hi")).toBe("refused");
    service = undefined;
  });
});
