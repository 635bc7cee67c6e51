/**
 * Role: the web part of `npm run bench` on its own (`node --expose-gc --max-semi-space-size=8 dist/bench/web-only.js`
 * after `npm run build`): the engine alone, as the full bench measures it (the served engine with the quality loop,
 * 50 conversations interleaved, the eval texts), then the web chat's HTTP path with SQLite and with Redis, and the
 * same report lines as the full bench. For work on the web path, where the rest of the bench (MiniSearch, fuse.js,
 * the quality loop's A/A control, cold starts) takes minutes and says nothing. Bounded: BENCH_MESSAGES engine
 * messages (default 20,000) and BENCH_WEB_MESSAGES web messages per store (default 20,000).
 */
import { join } from "node:path";
import { loadConversations, loadQuestions } from "../cli/eval.js";
import { buildKnowledge } from "../core/knowledge.js";
import { MemoryReviewLog } from "../core/store/review-memory.js";
import { DEFAULT_ARTEFACT, readArtefact } from "../node/artefact.js";
import { Engine } from "../node/create-engine.js";
import { PACKAGE_ROOT as ROOT } from "../node/paths.js";
import { benchWeb, webReport } from "./web.js";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20_000);
const WEB_MESSAGES = Number(process.env.BENCH_WEB_MESSAGES ?? 20_000);
const CONVERSATIONS = 50;

const questions = loadQuestions(join(ROOT, "test", "eval", "questions.jsonl")).map((q) => q.text);
const turns = loadConversations(join(ROOT, "test", "eval", "conversations.json")).flatMap((c) =>
  c.turns.map((t) => t.text),
);
const texts = [...questions, ...turns];

const read = readArtefact(DEFAULT_ARTEFACT, join(ROOT, "knowledge"), join(ROOT, "intents"));
if (!read.ok) throw new Error(`the bench needs fresh engine data (npm run build): ${read.reason}`);
const { sections, intents, words, prepared } = read.data;
const engine = new Engine({
  knowledge: buildKnowledge(sections),
  intents,
  words,
  prepared,
  rateLimit: { messages: 1_000_000, windowMs: 1 },
  reviewLog: new MemoryReviewLog(),
});
const run = (i: number) =>
  engine.handle({
    platform: "bench",
    conversationId: `bench-${i % CONVERSATIONS}`,
    userId: "bench",
    kind: "text",
    text: texts[i % texts.length] ?? "",
  });

// The same warm-up as the full bench (two passes over the texts), then one timed pass with a clean heap first.
for (let pass = 0; pass < 2; pass++) for (let i = 0; i < texts.length; i++) await run(i);
(globalThis as { gc?: () => void }).gc?.();
const cpuStart = process.cpuUsage();
const start = performance.now();
for (let i = 0; i < MESSAGES; i++) await run(i);
const wallMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
await engine.close();

const bench = await benchWeb(texts, WEB_MESSAGES, CONVERSATIONS);
const perSecond = (MESSAGES / wallMs) * 1000;
const lines = [
  `web bench — engine alone ${MESSAGES.toLocaleString("en-GB")} messages: ${Math.round(perSecond)} msgs/s, ` +
    `${Math.round((cpu.user + cpu.system) / MESSAGES)} µs CPU per message`,
  ...bench.figures.map(
    (w) =>
      `${w.store}: ${Math.round(w.perSecond)} msgs/s, p50 ${w.p50.toFixed(1)} ms, p99 ${w.p99.toFixed(1)} ms`,
  ),
  ...webReport(bench, { perSecond, cpuUs: (cpu.user + cpu.system) / MESSAGES }, CONVERSATIONS),
];
process.stdout.write(`${lines.join("\n")}\n`);
