// While the service starts, /healthz already answers but the adapters have not mounted their routes yet: a message
// sent to the web chat in that window is told to try again (503, Retry-After), never "not found".
import { afterEach, describe, expect, it } from "vitest";
import type { Platform } from "../../src/adapters/shared/contract.js";
import { webPlatform } from "../../src/adapters/web/platform.js";
import { parseConfig } from "../../src/service/config.js";
import { createService, type Service } from "../../src/service/service.js";
import { memoryPlatform } from "../fakes/memory-platform.js";

let service: Service | undefined;
afterEach(async () => {
  await service?.stop();
  service = undefined;
});

describe("a message while the service is starting", () => {
  it("gets 503 with Retry-After until the web chat is mounted, then an answer", async () => {
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    // A platform that takes its time to log in, started before the web chat.
    const slow = {
      ...memoryPlatform,
      create: async (...args: Parameters<typeof memoryPlatform.create>) => {
        await gate;
        return memoryPlatform.create(...args);
      },
    } as Platform;
    const platforms = [slow, webPlatform];
    const parsed = parseConfig(
      { PORT: "0", DATABASE_PATH: ":memory:", LOG_LEVEL: "silent", MEMORY_CHAT_NAME: "Crampy" },
      platforms,
    );
    if (!parsed.ok) throw new Error(parsed.problems.join("; "));
    service = createService(parsed.config, { platforms, defaultMetrics: false });
    const started = service.start();
    const url = await waitForUrl(service);

    const post = () =>
      fetch(`${url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: url },
        body: JSON.stringify({ type: "message", text: "what causes night cramps?" }),
      });
    const early = await post();
    expect(early.status).toBe(503);
    expect(early.headers.get("retry-after")).toBe("1");
    expect(await early.json()).toMatchObject({ error: "starting" });

    open();
    await started;
    const later = await post();
    expect(later.status).toBe(200);
  });
});

/** The service's URL once it listens and /healthz answers (start() is still under way). */
async function waitForUrl(s: Service): Promise<string> {
  for (let i = 0; i < 500; i++) {
    try {
      const url = s.url;
      if ((await fetch(`${url}/healthz`)).ok) return url;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the service never listened");
}
