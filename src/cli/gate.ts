/**
 * The quality gate CI holds the bot to (test/cli/eval-gate.test.ts) and a hot reload must pass before new data goes
 * live (src/service/reload.ts): the `questions` set and its conversations, at least 95% right overall, every red flag
 * answered urgently, at least 90% of the out-of-scope questions answered with a fallback.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { MessageHandler } from "../core/types.js";
import { PACKAGE_ROOT } from "../node/paths.js";
import { type EvalReport, evaluate, loadConversations, loadQuestions } from "./eval.js";

export const GATE = { overall: 0.95, redFlags: 1, outOfScope: 0.9 } as const;

/** Where the gate's set lives: the package's test/eval/questions.jsonl and conversations.json. */
export const GATE_SET = {
  questions: join(PACKAGE_ROOT, "test", "eval", "questions.jsonl"),
  conversations: join(PACKAGE_ROOT, "test", "eval", "conversations.json"),
};

export interface GateResult {
  /** Every group held. */
  ok: boolean;
  /** One line per group that fell short, e.g. "red flags: 34/35 answered urgently (the gate is 100%)". */
  failures: string[];
  /** The figures, one short line (for logs). */
  summary: string;
  report: EvalReport;
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

/** Holds a report to the gate. */
export function checkGate(report: EvalReport): Omit<GateResult, "report"> {
  const correct = report.cases.filter((c) => c.ok).length;
  const redFlags = report.cases.filter((c) => c.group === "red-flag");
  const urgent = redFlags.filter((c) => c.got.intent === "urgent").length;
  const outOfScope = report.cases.filter((c) => c.group === "out-of-scope");
  const fallback = outOfScope.filter((c) => c.got.intent === "fallback").length;
  const share = (n: number, of: number) => (of === 0 ? 1 : n / of);
  const failures: string[] = [];
  if (report.cases.length === 0) failures.push("overall: the set has no questions");
  else if (report.accuracy < GATE.overall)
    failures.push(
      `overall: ${pct(report.accuracy)} (${correct}/${report.cases.length}) right (the gate is ${pct(GATE.overall)})`,
    );
  if (share(urgent, redFlags.length) < GATE.redFlags)
    failures.push(
      `red-flag: ${urgent}/${redFlags.length} answered urgently (the gate is ${pct(GATE.redFlags)}); missed: ${redFlags
        .filter((c) => c.got.intent !== "urgent")
        .slice(0, 3)
        .map((c) => JSON.stringify(c.expected.text.slice(0, 60)))
        .join(", ")}`,
    );
  if (share(fallback, outOfScope.length) < GATE.outOfScope)
    failures.push(
      `out-of-scope: ${fallback}/${outOfScope.length} answered with a fallback (the gate is ${pct(GATE.outOfScope)})`,
    );
  const summary =
    `overall ${pct(report.accuracy)} (${correct}/${report.cases.length}), red flags ${urgent}/${redFlags.length}, ` +
    `out of scope ${fallback}/${outOfScope.length}`;
  return { ok: failures.length === 0, failures, summary };
}

/** Runs the gate's set through `engine` (a fresh one: its conversations start empty) and holds it to the gate. */
export async function runGate(
  engine: MessageHandler,
  set: { questions: string; conversations: string } = GATE_SET,
): Promise<GateResult> {
  const questions = loadQuestions(set.questions);
  const conversations = existsSync(set.conversations) ? loadConversations(set.conversations) : [];
  const report = await evaluate(engine, questions, conversations);
  return { ...checkGate(report), report };
}
