/** The bench's message mix (the tuning questions, then every conversation's turns) and its loop over an engine. */
import { join } from "node:path";
import { loadConversations, loadQuestions } from "../cli/eval.js";
import type { Engine } from "../core/engine.js";
import type { Reply } from "../core/types.js";
import { PACKAGE_ROOT as ROOT } from "../node/paths.js";

export function benchTexts(): string[] {
  const questions = loadQuestions(join(ROOT, "test", "eval", "questions.jsonl")).map((q) => q.text);
  const turns = loadConversations(join(ROOT, "test", "eval", "conversations.json")).flatMap((c) =>
    c.turns.map((t) => t.text),
  );
  return [...questions, ...turns];
}

/** Conversations the bench's messages are spread over, in turn. */
export const BENCH_CONVERSATIONS = 50;

/** Message `i` of the bench through `engine`: the texts in turn, over {@link BENCH_CONVERSATIONS} conversations. */
export function benchTurn(
  engine: Engine,
  texts: readonly string[],
  prefix = "bench",
): (i: number) => Promise<Reply> {
  return (i) =>
    engine.handle({
      platform: "bench",
      conversationId: `${prefix}-${i % BENCH_CONVERSATIONS}`,
      userId: "bench",
      kind: "text",
      text: texts[i % texts.length] ?? "",
    });
}
