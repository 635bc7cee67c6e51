/** The bench's message mix: the tuning questions, then every conversation's turns (src/bench/*). */
import { join } from "node:path";
import { loadConversations, loadQuestions } from "../cli/eval.js";
import { PACKAGE_ROOT as ROOT } from "../node/paths.js";

export function benchTexts(): string[] {
  const questions = loadQuestions(join(ROOT, "test", "eval", "questions.jsonl")).map((q) => q.text);
  const turns = loadConversations(join(ROOT, "test", "eval", "conversations.json")).flatMap((c) =>
    c.turns.map((t) => t.text),
  );
  return [...questions, ...turns];
}
