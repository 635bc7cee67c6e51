// The metrics decorator: counts by platform and intent, fallbacks, red flags, reply time, active conversations.
import { describe, expect, it } from "vitest";
import type { IncomingMessage, MessageHandler, Reply } from "../../src/core/types.js";
import { createEngine } from "../../src/node/create-engine.js";
import { ServiceMetrics, withMetrics } from "../../src/service/metrics.js";

function text(conversationId: string, body: string, platform = "telegram"): IncomingMessage {
  return { platform, conversationId, userId: conversationId, kind: "text", text: body };
}

/** The value of one sample line, e.g. `crampbot_fallback_total 2`. */
function sample(exposition: string, series: string): number | undefined {
  const line = exposition.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("metrics", () => {
  it("records messages through the engine, wrapped as a MessageHandler", async () => {
    const metrics = new ServiceMetrics({ defaultMetrics: false });
    const handler = withMetrics(createEngine(), metrics);
    expect((await handler.handle(text("a", "how much magnesium should I take?"))).intent).toBe("answer");
    expect((await handler.handle(text("a", "zinc for acne?"))).intent).toBe("fallback");
    expect((await handler.handle(text("b", "my calf is swollen, red and hot", "discord"))).intent).toBe(
      "urgent",
    );
    const out = await metrics.render();
    expect(sample(out, 'crampbot_messages_total{platform="telegram",intent="answer"}')).toBe(1);
    expect(sample(out, 'crampbot_messages_total{platform="telegram",intent="fallback"}')).toBe(1);
    expect(sample(out, 'crampbot_messages_total{platform="discord",intent="urgent"}')).toBe(1);
    expect(sample(out, "crampbot_fallback_total")).toBe(1);
    expect(sample(out, "crampbot_urgent_total")).toBe(1);
    expect(sample(out, 'crampbot_reply_seconds_count{platform="telegram"}')).toBe(2);
    expect(sample(out, 'crampbot_reply_seconds_count{platform="discord"}')).toBe(1);
    expect(sample(out, "crampbot_active_conversations")).toBe(2);
    expect(out).toContain("# TYPE crampbot_reply_seconds histogram");
    expect(metrics.contentType).toContain("text/plain");
  });

  it("counts a conversation as active for 30 minutes after its last message", async () => {
    let now = 1_000_000;
    const metrics = new ServiceMetrics({ clock: { now: () => now }, defaultMetrics: false });
    const reply: Reply = { intent: "greeting", text: "hi", suggestions: [], section: null };
    const handler = withMetrics({ handle: async () => reply }, metrics);
    await handler.handle(text("a", "hi"));
    now += 10 * 60_000;
    await handler.handle(text("b", "hi"));
    await handler.handle(text("b", "hi again"));
    expect(metrics.activeConversations()).toBe(2);
    now += 20 * 60_000; // a: 30 min silent, b: 20 min
    expect(metrics.activeConversations()).toBe(1);
    await handler.handle(text("a", "back"));
    expect(metrics.activeConversations()).toBe(2);
    now += 31 * 60_000;
    expect(sample(await metrics.render(), "crampbot_active_conversations")).toBe(0);
  });

  it("counts a failing handler as intent error and rethrows", async () => {
    const metrics = new ServiceMetrics({ defaultMetrics: false });
    const failing: MessageHandler = {
      handle: async () => {
        throw new Error("boom");
      },
    };
    await expect(withMetrics(failing, metrics).handle(text("a", "hi", "web"))).rejects.toThrow("boom");
    expect(sample(await metrics.render(), 'crampbot_messages_total{platform="web",intent="error"}')).toBe(1);
  });

  it("counts store failures by operation, apart from replies, with a bounded label set", async () => {
    const metrics = new ServiceMetrics({ defaultMetrics: false });
    metrics.storeFailed("set");
    metrics.storeFailed("set");
    metrics.storeFailed("lock");
    metrics.storeFailed("conv:web:not-a-label");
    const out = await metrics.render();
    expect(sample(out, 'crampbot_store_errors_total{operation="set"}')).toBe(2);
    expect(sample(out, 'crampbot_store_errors_total{operation="lock"}')).toBe(1);
    expect(sample(out, 'crampbot_store_errors_total{operation="other"}')).toBe(1);
    expect(out).not.toContain("not-a-label");
    expect(out).not.toMatch(/crampbot_messages_total\{/);
  });

  it("tracks at most maxTrackedConversations, dropping the least recently seen", async () => {
    const now = 1_000_000;
    const metrics = new ServiceMetrics({
      defaultMetrics: false,
      clock: { now: () => now },
      maxTrackedConversations: 3,
    });
    for (const id of ["a", "b", "c"]) metrics.seen(text(id, "hi"));
    metrics.seen(text("a", "again")); // a is now the most recent
    metrics.seen(text("d", "hi")); // b, the least recently seen, goes
    expect(metrics.activeConversations()).toBe(3);
    for (let i = 0; i < 1_000; i++) metrics.seen(text(`new-${i}`, "hi"));
    expect(metrics.activeConversations()).toBe(3);
    expect(sample(await metrics.render(), "crampbot_active_conversations")).toBe(3);
  });

  it("includes the default process metrics", async () => {
    const out = await new ServiceMetrics().render();
    expect(out).toContain("process_cpu_user_seconds_total");
    expect(out).toContain("nodejs_eventloop_lag_seconds");
  });
});
