// The Telegram adapter inside the service: /readyz tells the truth while the Bot API is unreachable, and /metrics
// counts replies that could not be delivered.
import { describe, expect, it, onTestFinished, vi } from "vitest";
import type { Sleep } from "../../../src/adapters/telegram/index.js";
import { createService, type Service } from "../../../src/service/service.js";
import { fakeUser, privateChat, startFakeTelegram } from "../../fakes/telegram-api/server.js";
import { testConfig } from "../../service/support.js";
import { recordingSleep } from "./support.js";

const alice = fakeUser(11, "Alice", "alice");
const dm = privateChat(alice);

async function readyz(service: Service): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${service.url}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A sleep that waits until the test releases it, so the test can look at the service mid-backoff. */
function heldSleep(): { sleep: Sleep; held: (() => void)[] } {
  const held: (() => void)[] = [];
  const sleep: Sleep = (_ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      held.push(() => resolve());
      signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
  return { sleep, held };
}

async function startService(fakeRoot: string, token: string, sleep: Sleep): Promise<Service> {
  const service = createService(testConfig({ TELEGRAM_TOKEN: token, TELEGRAM_API_ROOT: fakeRoot }), {
    defaultMetrics: false,
    telegram: { typingDelayMs: 0, pollingTimeoutSeconds: 5, sleep },
  });
  onTestFinished(() => service.stop().catch(() => {}));
  await service.start();
  return service;
}

describe("service: Telegram under faults", () => {
  it("/readyz is 503 with the reason while getUpdates keeps failing, and 200 again once it works", async () => {
    const fake = await startFakeTelegram();
    onTestFinished(() => fake.close());
    fake.failNext("getUpdates", 3, { kind: "drop" });
    const { sleep, held } = heldSleep();
    const service = await startService(fake.apiRoot, fake.token, sleep);

    await vi.waitFor(() => expect(held).toHaveLength(1), { timeout: 5000 });
    expect((await readyz(service)).status).toBe(200); // one failure is a blip
    held[0]?.();
    await vi.waitFor(() => expect(held).toHaveLength(2), { timeout: 5000 });
    const degraded = await readyz(service);
    expect(degraded.status).toBe(503);
    expect(degraded.body).toMatchObject({
      status: "not ready",
      checks: { telegram: expect.stringMatching(/^degraded \(.*Bot API unreachable\)$/) },
    });
    held[1]?.();
    await vi.waitFor(() => expect(held).toHaveLength(3), { timeout: 5000 });
    held[2]?.();
    fake.sendText(alice, dm, "hello again");
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(await readyz(service)).toEqual({
      status: 200,
      body: { status: "ready", checks: { service: "ok", store: "ok", web: "ok", telegram: "ok" } },
    });
  });

  it("counts a reply that could not be sent after its retries in /metrics", async () => {
    const fake = await startFakeTelegram();
    onTestFinished(() => fake.close());
    const service = await startService(fake.apiRoot, fake.token, recordingSleep().sleep);
    fake.failNext("sendMessage", 4, { kind: "500" });
    fake.sendText(alice, dm, "how much magnesium should I take?");
    await vi.waitFor(
      async () => {
        const metrics = await (await fetch(`${service.url}/metrics`)).text();
        expect(metrics).toContain('crampbot_replies_undelivered_total{platform="telegram"} 1');
      },
      { timeout: 5000 },
    );
    // The next one goes through, and the counter stays.
    fake.sendText(alice, dm, "thanks");
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toContain('crampbot_replies_undelivered_total{platform="telegram"} 1');
  });
});
