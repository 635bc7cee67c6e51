/**
 * Child process of the benchmark: the engine alone, opened as the CLI opens it (openEngine: from the precomputed data
 * when fresh), answers the eval texts, then prints its own peak RSS (MB).
 */
import { join } from "node:path";
import { loadQuestions } from "../cli/eval.js";
import { openEngine } from "../node/open-engine.js";
import { PACKAGE_ROOT as ROOT } from "../node/paths.js";

const messages = Number(process.argv[2] ?? 20_000);
const texts = loadQuestions(join(ROOT, "test", "eval", "questions.jsonl")).map((q) => q.text);
const engine = await openEngine({ rateLimit: { messages: 1_000_000, windowMs: 1 } });
for (let i = 0; i < messages; i++) {
  await engine.handle({
    platform: "bench",
    conversationId: `bench-${i % 50}`,
    userId: "bench",
    kind: "text",
    text: texts[i % texts.length] ?? "",
  });
}
process.stdout.write(`${JSON.stringify({ rssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
