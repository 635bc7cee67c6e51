/**
 * The engine as the bench serves it: shared by the full bench (main.ts) and its web part alone (web-only.ts).
 */
import { join } from "node:path";
import { buildKnowledge } from "../core/knowledge.js";
import { MemoryReviewLog } from "../core/store/review-memory.js";
import { DEFAULT_ARTEFACT, readArtefact } from "../node/artefact.js";
import { Engine } from "../node/create-engine.js";
import { PACKAGE_ROOT as ROOT } from "../node/paths.js";
import { benchTexts, benchTurn } from "./texts.js";

/**
 * The engine as served with the quality loop on (a "Helpful?" ask on answers, a review log), from the precomputed
 * engine data (`npm run bench` builds it first), with no rate limit to speak of.
 */
export function servedEngine(): Engine {
  const read = readArtefact(DEFAULT_ARTEFACT, join(ROOT, "knowledge"), join(ROOT, "intents"));
  if (!read.ok) throw new Error(`the bench needs fresh engine data (npm run build): ${read.reason}`);
  const { sections, intents, words, prepared } = read.data;
  return new Engine({
    knowledge: buildKnowledge(sections),
    intents,
    words,
    prepared,
    rateLimit: { messages: 1_000_000, windowMs: 1 },
    reviewLog: new MemoryReviewLog(),
  });
}

/**
 * The served engine alone over the bench's texts, as the web figures compare against it: two warm-up passes, a
 * collection when exposed, then `messages` timed ones. Wall and CPU time per message, in µs.
 */
export async function timeServedEngine(messages: number): Promise<{ wallUs: number; cpuUs: number }> {
  const texts = benchTexts();
  const engine = servedEngine();
  const run = benchTurn(engine, texts);
  for (let pass = 0; pass < 2; pass++) for (let i = 0; i < texts.length; i++) await run(i);
  (globalThis as { gc?: () => void }).gc?.();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < messages; i++) await run(i);
  const wallUs = ((performance.now() - start) * 1000) / messages;
  const cpu = process.cpuUsage(cpuStart);
  await engine.close();
  return { wallUs, cpuUs: (cpu.user + cpu.system) / messages };
}
