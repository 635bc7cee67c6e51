// createService in this process: health, readiness, metrics, the Telegram webhook and polling against the fake Bot
// API, the web adapter slot, and the drain on stop().
import type { IncomingMessage as HttpRequest, Server, ServerResponse } from "node:http";
import { createServer } from "node:net";
import { describe, expect, it, onTestFinished } from "vitest";
import type { IncomingMessage, SessionStore } from "../../src/core/types.js";
import {
  createService,
  type Service,
  type ServiceDeps,
  type WebAdapterContext,
} from "../../src/service/service.js";
import { fakeUser, privateChat, startFakeTelegram } from "../fakes/telegram-api/server.js";
import { BrokenStore } from "../support/stores.js";
import { LogCapture, testConfig } from "./support.js";

const alice = fakeUser(11, "Alice", "alice");
const dm = privateChat(alice);
const SECRET = "s3cret-webhook-token_0123456789";

async function started(env: Record<string, string> = {}, deps: ServiceDeps = {}): Promise<Service> {
  const service = createService(testConfig(env), { defaultMetrics: false, ...deps });
  onTestFinished(() => service.stop().catch(() => {}));
  await service.start();
  return service;
}

async function get(service: Service, path: string) {
  const response = await fetch(`${service.url}${path}`);
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

/** A stand-in for the web adapter: POST /api/messages {text} → the handler's reply; /api/slow waits for `gate`. */
function stubWeb(options: { gate?: Promise<void>; ready?: () => boolean } = {}) {
  const seen: { context?: WebAdapterContext; server?: Server; started: boolean; stopped: boolean } = {
    started: false,
    stopped: false,
  };
  let arrive: () => void = () => {};
  /** Settles when a request to /api/slow has been read and waits for the gate. */
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  const factory = (context: WebAdapterContext) => {
    seen.context = context;
    return {
      handleHttp(req: HttpRequest, res: ServerResponse): boolean {
        if (req.url !== "/api/messages" && req.url !== "/api/slow") return false;
        let body = "";
        req.on("data", (chunk: Buffer) => (body += chunk.toString()));
        req.on("end", async () => {
          if (req.url === "/api/slow") {
            arrive();
            await options.gate;
          }
          const message: IncomingMessage = {
            platform: "web",
            conversationId: "web:1",
            userId: "u1",
            kind: "text",
            text: (JSON.parse(body || "{}") as { text?: string }).text ?? "",
          };
          const reply = await context.handler.handle(message);
          res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(reply));
        });
        return true;
      },
      attachWebSocket(server: Server) {
        seen.server = server;
      },
      async start() {
        seen.started = true;
      },
      async stop() {
        seen.stopped = true;
      },
      ...(options.ready ? { ready: options.ready } : {}),
    };
  };
  return { factory, seen, arrived };
}

function post(service: Service, path: string, body: unknown) {
  return fetch(`${service.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("service: HTTP endpoints", () => {
  it("answers /healthz, /readyz and /metrics, and 404 elsewhere", async () => {
    const service = await started();
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(service.url).not.toMatch(/:0$/);
    expect((await get(service, "/healthz")).json()).toEqual({ status: "ok" });
    const ready = await get(service, "/readyz");
    expect(ready.status).toBe(200);
    expect(ready.json()).toEqual({ status: "ready", checks: { service: "ok", store: "ok", web: "ok" } });
    await service.handler.handle({
      platform: "cli",
      conversationId: "c1",
      userId: "u",
      kind: "text",
      text: "what causes leg cramps?",
    });
    const metrics = await get(service, "/metrics");
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('crampbot_messages_total{platform="cli",intent="answer"} 1');
    expect(metrics.text).toContain("crampbot_active_conversations 1");
    expect((await get(service, "/nope")).status).toBe(404);
    expect((await post(service, "/healthz", {})).status).toBe(405);
  });

  it("is not ready while the store does not answer, and says so", async () => {
    const logs = new LogCapture();
    const service = await started({ LOG_LEVEL: "warn" }, { store: new BrokenStore(), logDestination: logs });
    const ready = await get(service, "/readyz");
    expect(ready.status).toBe(503);
    expect(ready.json()).toEqual({
      status: "not ready",
      checks: { service: "ok", store: "unavailable", web: "ok" },
    });
    expect(logs.text).toContain("the session store does not answer");
  });

  it("answers a red flag while the store is down, counts the failure apart from fallbacks, and keeps the key out of the log", async () => {
    const logs = new LogCapture();
    const web = stubWeb();
    const service = await started(
      { LOG_LEVEL: "info" },
      { store: new BrokenStore(), logDestination: logs, web: web.factory },
    );
    const response = await fetch(`${service.url}/api/messages`, {
      method: "POST",
      body: JSON.stringify({ text: "my calf is swollen, red and hot" }),
    });
    expect(((await response.json()) as { intent: string }).intent).toBe("urgent");
    const metrics = (await get(service, "/metrics")).text;
    expect(metrics).toMatch(/crampbot_store_errors_total\{operation="get"\} 1/);
    expect(metrics).toMatch(/crampbot_messages_total\{platform="web",intent="urgent"\} 1/);
    expect(logs.text).toContain("store operation failed");
    expect(logs.text).not.toContain("web:1");
  });

  it("gives up on a store that hangs after storeCheckTimeoutMs", async () => {
    const hanging: SessionStore = {
      get: () => new Promise(() => {}),
      set: async () => {},
      delete: async () => {},
      close: async () => {},
    };
    const service = await started({}, { store: hanging, storeCheckTimeoutMs: 100 });
    expect((await get(service, "/readyz")).json()).toMatchObject({ checks: { store: "unavailable" } });
  });

  it("fails to start with a one-line E_LISTEN when the port is taken, and cleans up", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const service = createService(testConfig({ PORT: String(port) }), { defaultMetrics: false });
    await expect(service.start()).rejects.toMatchObject({ code: "E_LISTEN" });
    expect(service.server.listening).toBe(false);
    await service.stop();
  });

  it("stop() before start() closes the store; stop() is idempotent", async () => {
    const service = createService(testConfig(), { defaultMetrics: false });
    await Promise.all([service.stop(), service.stop()]);
    await expect(service.store.get("x")).rejects.toMatchObject({ code: "E_STORE" });
  });
});

describe("service: Telegram", () => {
  it("polls the Bot API, answers, and reports the adapter in /readyz and /metrics", async () => {
    const fake = await startFakeTelegram();
    onTestFinished(() => fake.close());
    const service = await started(
      { TELEGRAM_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot },
      { telegram: { typingDelayMs: 0 } },
    );
    expect((await get(service, "/readyz")).json()).toEqual({
      status: "ready",
      checks: { service: "ok", store: "ok", web: "ok", telegram: "ok" },
    });
    fake.sendText(alice, dm, "how much magnesium should I take?");
    const [sent] = await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(String(sent?.params.text)).toContain("100 mg");
    expect((await get(service, "/metrics")).text).toContain(
      'crampbot_messages_total{platform="telegram",intent="answer"} 1',
    );
  });

  it("is not ready once the adapter stopped on its own (token revoked while polling)", async () => {
    const fake = await startFakeTelegram();
    onTestFinished(() => fake.close());
    fake.failNext("getUpdates", 1, { kind: "error", code: 401, description: "Unauthorized" });
    const service = await started({ TELEGRAM_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot });
    await fake.waitForCalls("getUpdates", 1);
    let ready = await get(service, "/readyz");
    for (let i = 0; i < 50 && ready.status === 200; i++) ready = await get(service, "/readyz");
    expect(ready.status).toBe(503);
    expect(ready.json()).toMatchObject({ checks: { telegram: "stopped (unauthorized)" } });
  });

  it("serves the webhook path: updates with the secret are answered, others refused", async () => {
    const fake = await startFakeTelegram();
    onTestFinished(() => fake.close());
    const service = await started(
      {
        TELEGRAM_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        TELEGRAM_WEBHOOK_URL: "https://bot.example.test/hooks/telegram",
        TELEGRAM_WEBHOOK_SECRET: SECRET,
      },
      { telegram: { typingDelayMs: 0 } },
    );
    const hook = `${service.url}/hooks/telegram`;
    expect(
      (await fake.postToWebhook(hook, fake.textUpdate(alice, dm, "hi"), { secret: "wrong" })).status,
    ).toBe(401);
    expect(
      (await fake.postToWebhook(hook, fake.textUpdate(alice, dm, "what causes leg cramps?"))).status,
    ).toBe(200);
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(fake.callsOf("getUpdates")).toHaveLength(0);
  });

  it("fails to start when Telegram rejects the token, closing the server", async () => {
    const fake = await startFakeTelegram({ token: "987654321:AAAnotherFakeTokenForTests_0000" });
    onTestFinished(() => fake.close());
    const service = createService(
      testConfig({
        TELEGRAM_TOKEN: "123456789:AAFakeTokenForLocalTestsOnly_0123456",
        TELEGRAM_API_ROOT: fake.apiRoot,
      }),
      { defaultMetrics: false },
    );
    await expect(service.start()).rejects.toMatchObject({ code: "TELEGRAM_TOKEN_REJECTED" });
    expect(service.server.listening).toBe(false);
  });
});

describe("service: the web adapter slot", () => {
  it("mounts a web adapter factory: its requests, its WebSocket hook, the shared handler and metrics", async () => {
    const web = stubWeb();
    const service = await started({ ALLOWED_ORIGINS: "https://chat.example.com" }, { web: web.factory });
    expect(web.seen.server).toBe(service.server);
    expect(web.seen.started).toBe(true);
    expect(web.seen.context?.config.web?.allowedOrigins).toEqual(["https://chat.example.com"]);
    const response = await post(service, "/api/messages", { text: "what causes leg cramps?" });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { intent: string }).intent).toBe("answer");
    expect((await get(service, "/metrics")).text).toContain(
      'crampbot_messages_total{platform="web",intent="answer"} 1',
    );
    expect((await get(service, "/readyz")).json()).toMatchObject({ checks: { web: "ok" } });
    expect((await get(service, "/elsewhere")).status).toBe(404);
    await service.stop();
    expect(web.seen.stopped).toBe(true);
  });

  it("reports a web adapter that is not ready", async () => {
    const web = stubWeb({ ready: () => false });
    const service = await started({}, { web: web.factory });
    const ready = await get(service, "/readyz");
    expect(ready.status).toBe(503);
    expect(ready.json()).toMatchObject({ checks: { web: "not ready" } });
  });
});

describe("service: stop()", () => {
  it("answers 503 to new requests, finishes the one in flight, then closes the store", async () => {
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const web = stubWeb({ gate });
    const service = await started({}, { web: web.factory });
    const slow = post(service, "/api/slow", { text: "what causes leg cramps?" });
    await web.arrived;
    let stopped = false;
    const stopping = service.stop().then(() => {
      stopped = true;
    });
    const fresh = await post(service, "/api/messages", { text: "hello" });
    expect(fresh.status).toBe(503);
    expect(fresh.headers.get("retry-after")).toBe("5");
    const ready = await get(service, "/readyz");
    expect(ready.status).toBe(503);
    expect(ready.json()).toMatchObject({ checks: { service: "shutting down" } });
    expect(stopped).toBe(false);
    open();
    const finished = await slow;
    expect(finished.status).toBe(200);
    expect(((await finished.json()) as { intent: string }).intent).toBe("answer");
    await stopping;
    expect(service.server.listening).toBe(false);
    await expect(service.store.get("x")).rejects.toMatchObject({ code: "E_STORE" });
  });

  it("stopped while starting: starts nothing more and start() fails with E_STOPPED", async () => {
    const fake = await startFakeTelegram();
    onTestFinished(() => fake.close());
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const web = stubWeb();
    const service = createService(
      testConfig({ TELEGRAM_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot }),
      {
        defaultMetrics: false,
        web: (context) => ({ ...web.factory(context), start: () => gate }),
      },
    );
    const starting = service.start();
    await new Promise((resolve) => setTimeout(resolve, 50)); // listening, web adapter starting
    const stopping = service.stop();
    open();
    await expect(starting).rejects.toMatchObject({ code: "E_STOPPED" });
    await stopping;
    expect(fake.callsOf("getMe")).toHaveLength(0);
    expect(service.server.listening).toBe(false);
  });

  it("gives up after SHUTDOWN_TIMEOUT_MS with E_SHUTDOWN_TIMEOUT, closing everything anyway", async () => {
    const web = stubWeb({ gate: new Promise(() => {}) });
    const service = await started({ SHUTDOWN_TIMEOUT_MS: "300" }, { web: web.factory });
    const stuck = post(service, "/api/slow", { text: "hi" }).catch((error: unknown) => error);
    await web.arrived;
    await expect(service.stop()).rejects.toMatchObject({ code: "E_SHUTDOWN_TIMEOUT" });
    expect(service.server.listening).toBe(false);
    expect(await stuck).toBeInstanceOf(Error);
  });
});
