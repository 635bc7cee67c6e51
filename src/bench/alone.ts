/**
 * Child process of the benchmark: one loop alone in a process of its own — the engine, opened as the CLI opens it
 * (openEngine: from the precomputed data when fresh), or the MiniSearch reference over the same sections — answers
 * the bench's texts (two untimed passes first, then `messages` timed ones, 50 conversations interleaved), and prints
 * its latency figures and its own peak RSS (MB) as one JSON line.
 *
 * Why a process each: in the main bench the engine and MiniSearch run in alternating slices with a forced collection
 * before each (so their throughput ratio holds on a loaded machine), and there each slice's first messages pay for the
 * other loop's heap and the collection: the reference's own p99 came out 3.5 ms there for a BM25 search over 16
 * sections. Latency percentiles are read here instead, where nothing but the loop runs (ADR 36).
 */
import { join } from "node:path";
import { openEngine } from "../node/open-engine.js";
import { PACKAGE_ROOT as ROOT } from "../node/paths.js";
import { summarise } from "./figures.js";
import { benchTexts, benchTurn } from "./texts.js";

const which = process.argv[2] === "minisearch" ? "minisearch" : "engine";
const messages = Number(process.argv[3] ?? 20_000);
const texts = benchTexts();

async function runner(): Promise<(i: number) => unknown> {
  if (which === "minisearch") {
    // Imported only here, so that the engine's process holds nothing but the engine (its peak RSS is reported).
    const [{ default: MiniSearch }, { loadKnowledge }, { referenceDocs }] = await Promise.all([
      import("minisearch"),
      import("../node/load.js"),
      import("./figures.js"),
    ]);
    const mini = new MiniSearch({
      fields: ["title", "keywords", "questions", "answer"],
      storeFields: ["id"],
    });
    mini.addAll(referenceDocs(loadKnowledge(join(ROOT, "knowledge"))));
    return (i) => mini.search(texts[i % texts.length] ?? "", { fuzzy: 0.2 });
  }
  return benchTurn(await openEngine({ rateLimit: { messages: 1_000_000, windowMs: 1 } }), texts);
}

const run = await runner();
for (let i = 0; i < 2 * texts.length; i++) await run(i);
const latencies: number[] = [];
const start = performance.now();
for (let i = 0; i < messages; i++) {
  const t = performance.now();
  await run(i);
  latencies.push(performance.now() - t);
}
const figures = summarise(latencies, performance.now() - start);
process.stdout.write(`${JSON.stringify({ ...figures, rssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
