/**
 * The engine as the bench serves it: shared by the full bench (main.ts) and its web part alone (web-only.ts).
 */
import { join } from "node:path";
import { buildKnowledge } from "../core/knowledge.js";
import { MemoryReviewLog } from "../core/store/review-memory.js";
import { DEFAULT_ARTEFACT, readArtefact } from "../node/artefact.js";
import { Engine } from "../node/create-engine.js";
import { PACKAGE_ROOT as ROOT } from "../node/paths.js";

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
