/**
 * Prometheus metrics of one service instance (prom-client, its own registry) and the decorator that records them:
 * {@link withMetrics} wraps any MessageHandler (the engine), so the core knows nothing about metrics.
 *
 *   crampbot_messages_total{platform,intent}   messages answered, by platform and reply intent ("error": the
 *                                              handler threw)
 *   crampbot_fallback_total                    replies with intent "fallback"
 *   crampbot_urgent_total                      replies with intent "urgent" (red flags)
 *   crampbot_reply_seconds{platform}           time to answer one message (histogram)
 *   crampbot_store_errors_total{operation}     session-store failures by operation (get, set, lock, check, ...),
 *                                              apart from replies: a message answered without its saved state
 *                                              still counts under its intent
 *   crampbot_active_conversations              conversations with a message in the last 30 minutes, counted in
 *                                              memory by this instance (at most `maxTrackedConversations`)
 *   crampbot_replies_undelivered_total{platform}  replies an adapter could not deliver after its retries
 *   crampbot_data_*                            the data version in use and the last reload (reload-metrics.ts)
 *   crampbot_feedback_total{section,vote}      "Helpful?" votes counted (once per answer) by this instance, by
 *                                              section and vote (yes, no); the store keeps them per answer version
 *   plus prom-client's default process metrics (CPU, memory, event loop lag, GC, handles).
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { StoreOperation } from "../core/errors.js";
import {
  type Clock,
  type IncomingMessage,
  type MessageHandler,
  type Reply,
  systemClock,
} from "../core/types.js";

export const ACTIVE_WINDOW_MS = 30 * 60 * 1000;

/** The operation label values; anything else is counted as "other", so the label set stays bounded. */
const STORE_OPERATIONS: ReadonlySet<string> = new Set<StoreOperation>([
  "open",
  "get",
  "set",
  "delete",
  "lock",
  "unlock",
  "check",
  "sweep",
  "close",
]);

export interface MetricsOptions {
  /** Time source for the active-conversation window. Default: the system clock. */
  clock?: Clock;
  /** A conversation counts as active this long after its last message. Default: 30 minutes. */
  activeWindowMs?: number;
  /** Also collect prom-client's default process metrics. Default: true. */
  defaultMetrics?: boolean;
  /**
   * Most conversations tracked for the active gauge; past it the least recently seen is dropped (the gauge then
   * under-counts rather than memory growing with every new cookie). Default: 100,000.
   */
  maxTrackedConversations?: number;
}

export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly messages: Counter<"platform" | "intent">;
  private readonly fallbacks: Counter;
  private readonly urgent: Counter;
  private readonly replySeconds: Histogram<"platform">;
  private readonly storeErrors: Counter<"operation">;
  private readonly undelivered: Counter<"platform">;
  private readonly votes: Counter<"section" | "vote">;
  private readonly clock: Clock;
  private readonly windowMs: number;
  private readonly maxTracked: number;
  /** Conversation → last message time, oldest first (a touched entry moves to the end). */
  private readonly lastSeen = new Map<string, number>();

  constructor(options: MetricsOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.windowMs = options.activeWindowMs ?? ACTIVE_WINDOW_MS;
    this.maxTracked = Math.max(1, options.maxTrackedConversations ?? 100_000);
    const registers = [this.registry];
    this.messages = new Counter({
      name: "crampbot_messages_total",
      help: "Messages answered, by platform and reply intent (error: the handler failed).",
      labelNames: ["platform", "intent"] as const,
      registers,
    });
    this.fallbacks = new Counter({
      name: "crampbot_fallback_total",
      help: "Replies that were a fallback (not understood, out of scope, bad input, rate limited).",
      registers,
    });
    this.urgent = new Counter({
      name: "crampbot_urgent_total",
      help: "Replies to a medical red flag (seek help now).",
      registers,
    });
    this.replySeconds = new Histogram({
      name: "crampbot_reply_seconds",
      help: "Time to answer one message, in seconds.",
      labelNames: ["platform"] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.storeErrors = new Counter({
      name: "crampbot_store_errors_total",
      help: "Session-store failures, by operation (the reply may still have been sent).",
      labelNames: ["operation"] as const,
      registers,
    });
    this.undelivered = new Counter({
      name: "crampbot_replies_undelivered_total",
      help: "Replies an adapter could not deliver after its retries (blocked, refused, or the platform unreachable).",
      labelNames: ["platform"] as const,
      registers,
    });
    this.votes = new Counter({
      name: "crampbot_feedback_total",
      help: '"Helpful?" votes on answers, by section and vote (each answer counted once per conversation).',
      labelNames: ["section", "vote"] as const,
      registers,
    });
    const metrics = this;
    new Gauge({
      name: "crampbot_active_conversations",
      help: "Conversations with a message in the last 30 minutes (this instance, in memory).",
      registers,
      collect() {
        this.set(metrics.activeConversations());
      },
    });
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /** Notes a message of `conversation` now (before it is answered). */
  seen(message: IncomingMessage): void {
    const key = `${message.platform}\u0000${message.conversationId}`;
    const now = this.clock.now();
    this.lastSeen.delete(key);
    this.lastSeen.set(key, now);
    this.prune(now);
    // Oldest first: past the cap, drop from the front.
    while (this.lastSeen.size > this.maxTracked) {
      const oldest = this.lastSeen.keys().next();
      if (oldest.done) break;
      this.lastSeen.delete(oldest.value);
    }
  }

  /**
   * Records one session-store failure (the engine's store-error hook and the readiness check call it). `operation`
   * is one of the StoreOperation names; anything else counts as "other".
   */
  storeFailed(operation: string): void {
    this.storeErrors.inc({ operation: STORE_OPERATIONS.has(operation) ? operation : "other" });
  }

  /** Records one answered message. */
  answered(message: IncomingMessage, reply: Reply, seconds: number): void {
    this.messages.inc({ platform: message.platform, intent: reply.intent });
    if (reply.intent === "fallback") this.fallbacks.inc();
    if (reply.intent === "urgent") this.urgent.inc();
    this.replySeconds.observe({ platform: message.platform }, seconds);
  }

  /** Records a message whose handler threw. */
  failed(message: IncomingMessage, seconds: number): void {
    this.messages.inc({ platform: message.platform, intent: "error" });
    this.replySeconds.observe({ platform: message.platform }, seconds);
  }

  /** Records a reply the `platform` adapter gave up delivering. */
  replyUndelivered(platform: string): void {
    this.undelivered.inc({ platform });
  }

  /** Records one counted "Helpful?" vote (sections are the knowledge base's, so the label set stays bounded). */
  voted(section: string, vote: "yes" | "no"): void {
    this.votes.inc({ section, vote });
  }

  activeConversations(): number {
    this.prune(this.clock.now());
    return this.lastSeen.size;
  }

  /** The Prometheus text exposition of every metric. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** Drops conversations silent for longer than the window; they are at the front of the map. */
  private prune(now: number): void {
    for (const [key, at] of this.lastSeen) {
      if (now - at < this.windowMs) break;
      this.lastSeen.delete(key);
    }
  }
}

/** The decorator: a MessageHandler that passes every message to `inner` and records it in `metrics`. */
export function withMetrics(inner: MessageHandler, metrics: ServiceMetrics): MessageHandler {
  return {
    async handle(message: IncomingMessage): Promise<Reply> {
      metrics.seen(message);
      const started = performance.now();
      let reply: Reply;
      try {
        reply = await inner.handle(message);
      } catch (error) {
        metrics.failed(message, (performance.now() - started) / 1000);
        throw error;
      }
      metrics.answered(message, reply, (performance.now() - started) / 1000);
      return reply;
    },
  };
}
