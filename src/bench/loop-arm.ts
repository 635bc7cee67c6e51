/**
 * Child process of the quality loop's bench (loop.ts): one engine, "on" (the quality loop as a service runs it) or
 * "off", in a process of its own, as a deployment runs one engine, so no engine's objects reach code another's have
 * optimised. It answers the bench's texts one at a time when told (IPC), and reports the process CPU time and the
 * wall time of each, measured here around the turn and the work it left for after the reply.
 *
 * "On": "Helpful?" asks (intents/feedback.yaml) with their vote ids; a review log in the session store's default
 * backend (SQLite, in the throwaway folder given) taking fallbacks and clarifications with redaction; every
 * {@link VOTE_EVERY}th ask pressed (yes and no in turn), counted in an SQLite feedback store and in /metrics' counter,
 * a "no" sending its question to the review log; the service's metrics decorator. "Off": the same decorator, no
 * feedback intents, no review log. The session store is the in-memory one for both (the ratio is not diluted by its
 * cost).
 */
import { join } from "node:path";
import { buildKnowledge } from "../core/knowledge.js";
import type { MessageHandler } from "../core/types.js";
import { DEFAULT_ARTEFACT, readArtefact } from "../node/artefact.js";
import { Engine } from "../node/create-engine.js";
import { PACKAGE_ROOT as ROOT } from "../node/paths.js";
import { SqliteFeedbackStore } from "../node/store/feedback-sqlite.js";
import { SqliteReviewLog } from "../node/store/review-sqlite.js";
import { countingVotes } from "../service/feedback.js";
import { ServiceMetrics, withMetrics } from "../service/metrics.js";
import { benchTexts } from "./texts.js";

/** One vote for every this many "Helpful?" asks: more than people rate, on purpose. */
export const VOTE_EVERY = 20;

/** What the parent sends. */
export type ArmCommand =
  | { type: "warm"; passes: number }
  | { type: "gc" }
  | { type: "run"; i: number }
  | { type: "done" };

/** What the arm answers: "ready" once built and after each command but "run", which gets its timing. */
export type ArmAnswer =
  | { type: "ready" }
  | { type: "ran"; cpuUs: number; wallUs: number }
  | { type: "counts"; asks: number; votes: number; reviewed: number };

const collectGarbage = (globalThis as { gc?: () => void }).gc;
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

async function main(): Promise<void> {
  const [mode = "off", dir = ""] = process.argv.slice(2);
  const on = mode === "on";
  const texts = benchTexts();
  const read = readArtefact(DEFAULT_ARTEFACT, join(ROOT, "knowledge"), join(ROOT, "intents"));
  if (!read.ok) throw new Error(`the bench needs fresh engine data (npm run build): ${read.reason}`);
  const { sections, intents, words, prepared } = read.data;
  const metrics = new ServiceMetrics({ defaultMetrics: false });
  const path = join(dir, "crampbot.db");
  const reviewLog = on ? new SqliteReviewLog({ path }) : undefined;
  const engine = new Engine({
    knowledge: buildKnowledge(sections),
    // A copy either way, so the two differ in the feedback intents only.
    intents: { ...intents, feedback: on ? intents.feedback : undefined },
    words,
    prepared,
    rateLimit: { messages: 1_000_000, windowMs: 1 },
    ...(on ? { reviewLog, feedback: countingVotes(new SqliteFeedbackStore({ path }), metrics) } : {}),
  });
  const handler: MessageHandler = withMetrics(engine, metrics);
  let asks = 0;
  let votes = 0;
  let reviewed = 0;
  const turn = async (i: number) => {
    const conversationId = `bench-${i % 50}`;
    const reply = await handler.handle({
      platform: "bench",
      conversationId,
      userId: "bench",
      kind: "text",
      text: texts[i % texts.length] ?? "",
    });
    if (reply.intent === "fallback" || reply.intent === "clarify") reviewed++;
    const ask = reply.feedback;
    if (ask === undefined || ++asks % VOTE_EVERY !== 0) return;
    votes++;
    const button = (asks / VOTE_EVERY) % 2 === 0 ? ask.yes : ask.no;
    await handler.handle({
      platform: "bench",
      conversationId,
      userId: "bench",
      kind: "button",
      buttonId: button.id,
    });
  };
  const answer = (message: ArmAnswer) => process.send?.(message);
  process.on("message", async (command: ArmCommand) => {
    switch (command.type) {
      case "warm":
        for (let pass = 0; pass < command.passes; pass++)
          for (let i = 0; i < texts.length; i++) await turn(i);
        await nextTick();
        asks = 0;
        votes = 0;
        reviewed = 0;
        answer({ type: "ready" });
        return;
      case "gc":
        collectGarbage?.();
        await nextTick();
        answer({ type: "ready" });
        return;
      case "run": {
        const t = performance.now();
        const c = process.cpuUsage();
        await turn(command.i);
        // Work left for after the reply (the review log's batch write) runs here, charged to this message.
        await nextTick();
        const used = process.cpuUsage(c);
        answer({ type: "ran", cpuUs: used.user + used.system, wallUs: (performance.now() - t) * 1000 });
        return;
      }
      case "done":
        await engine.close();
        await reviewLog?.close();
        answer({ type: "counts", asks, votes, reviewed });
        process.disconnect();
        return;
    }
  });
  answer({ type: "ready" });
}

await main();
